import { parse } from 'yaml';
import { TIER_NUMBERS, TierNumber } from '@paved/plugin-paved-common';
import {
  ClusterChoices,
  combinationProblems,
  tierChoiceDefaults,
} from './choices';
import { ClusterInput, renderClusterBaseline } from './cluster';
import { RenderedFile } from './types';
import { validateFiles } from '../validate/models';
import { kindsOf, missingItems } from '../__testUtils__/outputSpec';

const input = (
  tier: TierNumber,
  choices: Partial<ClusterChoices> = {},
): ClusterInput => ({
  name: 'prod-eu-1',
  tier,
  team: 'platform',
  project: 'paved',
  costCenter: 'cc-1234',
  teams: ['payments', 'search'],
  environments: ['dev', 'prod'],
  domain: 'example.com',
  region: 'eu-west-1',
  gitopsRepoUrl: 'https://github.com/example/gitops.git',
  image: `ghcr.io/example/sample-app@sha256:${'a'.repeat(64)}`,
  quota: { cpu: '8', memory: '16Gi', pods: 50 },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '512Mi',
  },
  adminGroup: 'platform-admins',
  choices: { ...tierChoiceDefaults(tier), ...choices },
});

const render = (tier: TierNumber, choices: Partial<ClusterChoices> = {}) => {
  const c = input(tier, choices);
  expect(combinationProblems(tier, c.choices)).toEqual([]);
  return renderClusterBaseline(c);
};

/** Renders, then checks that every object validates and every spec item is there. */
async function renderChecked(
  tier: TierNumber,
  choices: Partial<ClusterChoices> = {},
) {
  const files = render(tier, choices);
  expect(await validateFiles(files)).toEqual([]);
  expect(
    missingItems(files, tier, { ...tierChoiceDefaults(tier), ...choices }),
  ).toEqual([]);
  return { files, kinds: kindsOf(files), paths: files.map(f => f.path) };
}

/** Those of the given kinds that the rendering has. */
const present = (kinds: Set<string>, ...of: string[]) =>
  of.filter(k => kinds.has(k));

const ARGO = [
  'argoproj.io/v1alpha1/Application',
  'argoproj.io/v1alpha1/AppProject',
];
const FLUX = [
  'source.toolkit.fluxcd.io/v1/GitRepository',
  'kustomize.toolkit.fluxcd.io/v1/Kustomization',
];

describe('gitops choice', () => {
  it.each([1, 2] as TierNumber[])(
    'tier %i flux: Flux GitRepository and Kustomization, no Argo CD',
    async tier => {
      const { kinds, files } = await renderChecked(tier, { gitops: 'flux' });
      expect(present(kinds, ...FLUX)).toEqual([...FLUX]);
      expect(present(kinds, ...ARGO)).toEqual([]);
      // One Kustomization per install step, each waiting for the one before.
      const stages = files
        .find(f => f.path === 'manifests/gitops/flux.yaml')!
        .objects!.filter(o => o.kind === 'Kustomization') as any[];
      expect(stages[0].spec).toMatchObject({
        path: './clusters/prod-eu-1/flux/wave-m2',
        prune: true,
        wait: true,
        sourceRef: { kind: 'GitRepository', name: 'platform' },
      });
      stages
        .slice(1)
        .forEach((ks, i) =>
          expect(ks.spec.dependsOn).toEqual([
            { name: stages[i].metadata.name },
          ]),
        );
      for (const ks of stages) {
        const dir = ks.spec.path.replace('./clusters/prod-eu-1/', '');
        expect(files.map(f => f.path)).toContain(`${dir}/kustomization.yaml`);
      }
    },
  );

  it.each([1, 2] as TierNumber[])(
    'tier %i argocd: an AppProject and the root Application, no Flux',
    async tier => {
      const { kinds } = await renderChecked(tier, { gitops: 'argocd' });
      expect(present(kinds, ...ARGO)).toEqual([...ARGO]);
      expect(present(kinds, ...FLUX)).toEqual([]);
    },
  );

  it.each([1, 2] as TierNumber[])(
    'tier %i none: no GitOps objects',
    async tier => {
      const { kinds } = await renderChecked(tier, { gitops: 'none' });
      expect(present(kinds, ...ARGO, ...FLUX)).toEqual([]);
    },
  );

  it('tier 3+ refuses flux with the rule', () => {
    expect(
      combinationProblems(3, { ...tierChoiceDefaults(3), gitops: 'flux' }),
    ).toEqual([['gitops', expect.stringMatching(/Argo CD app-of-apps/)]]);
  });
});

describe('packaging choice', () => {
  const kustomizations = (files: RenderedFile[]) =>
    files.filter(f => f.path.endsWith('kustomization.yaml'));

  it.each(TIER_NUMBERS)(
    'tier %i kustomize: a kustomization.yaml per folder lists every manifest',
    async tier => {
      const { files } = await renderChecked(tier, { packaging: 'kustomize' });
      const manifests = files.filter(f => f.objects).map(f => f.path);
      const ks = kustomizations(files);
      const docs = ks.map(k => ({ path: k.path, doc: parse(k.content) }));
      for (const { doc } of docs) {
        expect(doc).toEqual({
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources: expect.any(Array),
        });
      }
      // The root lists folders, each with a kustomization of its own...
      const root = docs.find(d => d.path === 'kustomization.yaml')!;
      expect(
        root.doc.resources.map((r: string) => `${r}/kustomization.yaml`).sort(),
      ).toEqual(
        ks
          .map(k => k.path)
          .filter(p => p !== 'kustomization.yaml')
          .sort(),
      );
      // ...and each folder's lists its own manifest files, every one exactly once.
      const listed = docs
        .filter(d => d.path !== 'kustomization.yaml')
        .flatMap(d =>
          d.doc.resources.map(
            (r: string) =>
              `${d.path.slice(0, -'kustomization.yaml'.length)}${r}`,
          ),
        );
      expect(listed.sort()).toEqual([...manifests].sort());
    },
  );

  it('kustomize at tier 3: the root Application builds the kustomization, not a plain folder', async () => {
    const { files } = await renderChecked(3, { packaging: 'kustomize' });
    const root = files.find(
      f => f.path === 'manifests/gitops/root-application.yaml',
    )!.objects![0] as any;
    expect(root.spec.source).toEqual(
      expect.objectContaining({ path: 'clusters/prod-eu-1', kustomize: {} }),
    );
    expect(root.spec.source.directory).toBeUndefined();
  });

  it('helm: the output is a chart whose template emits every manifest; the root Application is a Helm source', async () => {
    const { files, paths } = await renderChecked(3, { packaging: 'helm' });
    expect(paths).toEqual(
      expect.arrayContaining([
        'Chart.yaml',
        'values.yaml',
        '.helmignore',
        'templates/manifests.yaml',
      ]),
    );
    expect(
      parse(files.find(f => f.path === 'Chart.yaml')!.content),
    ).toMatchObject({
      apiVersion: 'v2',
      name: 'prod-eu-1-baseline',
      type: 'application',
    });
    expect(
      files.find(f => f.path === 'templates/manifests.yaml')!.content,
    ).toContain('.Files.Glob "manifests/**.yaml"');
    const root = files.find(
      f => f.path === 'manifests/gitops/root-application.yaml',
    )!.objects![0] as any;
    expect(root.spec.source).toEqual(
      expect.objectContaining({
        path: 'clusters/prod-eu-1',
        helm: { releaseName: 'prod-eu-1-baseline' },
      }),
    );
  });

  it.each(['kustomize', 'raw'] as const)(
    '%s: no Helm chart files',
    async packaging => {
      const { paths } = await renderChecked(3, { packaging });
      expect(
        paths.filter(p =>
          ['Chart.yaml', 'values.yaml', 'templates/manifests.yaml'].includes(p),
        ),
      ).toEqual([]);
    },
  );

  it('raw at tier 3: the root Application reads manifests/ as plain YAML', async () => {
    const { files } = await renderChecked(3, { packaging: 'raw' });
    const root = files.find(
      f => f.path === 'manifests/gitops/root-application.yaml',
    )!.objects![0] as any;
    expect(root.spec.source).toEqual(
      expect.objectContaining({
        path: 'clusters/prod-eu-1/manifests',
        directory: { recurse: true },
      }),
    );
  });

  it.each(['helm', 'raw'] as const)(
    '%s: only the root kustomization (tier 2+), none per folder',
    async packaging => {
      expect(
        kustomizations((await renderChecked(1, { packaging })).files),
      ).toEqual([]);
      const t2 = kustomizations((await renderChecked(2, { packaging })).files);
      expect(t2.map(f => f.path)).toEqual(['kustomization.yaml']);
      const doc = parse(t2[0].content);
      expect(doc.resources).toContain('manifests/namespaces.yaml');
    },
  );
});

describe('secrets choice', () => {
  const SECRET = 'v1/Secret';
  const SEALED = 'bitnami.com/v1alpha1/SealedSecret';
  const EXTERNAL = 'external-secrets.io/v1/ExternalSecret';
  const STORE = 'external-secrets.io/v1/ClusterSecretStore';

  it('kubernetes-secrets (tier 1): a Secret only', async () => {
    const { kinds } = await renderChecked(1, { secrets: 'kubernetes-secrets' });
    expect(present(kinds, SECRET)).toEqual([SECRET]);
    expect(present(kinds, SEALED, EXTERNAL, STORE)).toEqual([]);
  });

  it.each([1, 2] as TierNumber[])(
    'tier %i sealed-secrets: a SealedSecret only',
    async tier => {
      const { kinds } = await renderChecked(tier, {
        secrets: 'sealed-secrets',
      });
      expect(present(kinds, SEALED)).toEqual([SEALED]);
      expect(present(kinds, SECRET, EXTERNAL, STORE)).toEqual([]);
    },
  );

  it.each([1, 2, 3] as TierNumber[])(
    'tier %i external-secrets-vault: ExternalSecret and the Vault store',
    async tier => {
      const { kinds } = await renderChecked(tier, {
        secrets: 'external-secrets-vault',
      });
      expect(present(kinds, EXTERNAL, STORE)).toEqual([EXTERNAL, STORE]);
      expect(present(kinds, SECRET, SEALED)).toEqual([]);
    },
  );

  it('tier 2 refuses plain Secrets', () => {
    expect(
      combinationProblems(2, {
        ...tierChoiceDefaults(2),
        secrets: 'kubernetes-secrets',
      })[0][0],
    ).toBe('secrets');
  });
});

describe('ingress choice', () => {
  const INGRESS = 'networking.k8s.io/v1/Ingress';
  const GW = [
    'gateway.networking.k8s.io/v1/Gateway',
    'gateway.networking.k8s.io/v1/HTTPRoute',
  ];

  it.each([1, 2] as TierNumber[])(
    'tier %i nginx-ingress: an Ingress, no Gateway API',
    async tier => {
      const { kinds, files } = await renderChecked(tier, {
        ingress: 'nginx-ingress',
      });
      expect(present(kinds, INGRESS)).toEqual([INGRESS]);
      expect(present(kinds, ...GW)).toEqual([]);
      const ing = files.find(f => f.path.endsWith('ingress.yaml'))!
        .objects![0] as any;
      expect(ing.spec.ingressClassName).toBe('nginx');
    },
  );

  it.each([1, 2, 3] as TierNumber[])(
    'tier %i gateway-api: a Gateway and an HTTPRoute, no Ingress',
    async tier => {
      const { kinds } = await renderChecked(tier, { ingress: 'gateway-api' });
      expect(present(kinds, ...GW)).toEqual([...GW]);
      expect(present(kinds, INGRESS)).toEqual([]);
    },
  );
});

describe('policy engine choice', () => {
  const KYVERNO = 'kyverno.io/v1/ClusterPolicy';
  const GK = [
    'templates.gatekeeper.sh/v1/ConstraintTemplate',
    'constraints.gatekeeper.sh/v1beta1/K8sResourceLimits',
  ];

  it('tier 2 kyverno: Kyverno ClusterPolicies, no Gatekeeper', async () => {
    const { kinds } = await renderChecked(2, { policyEngine: 'kyverno' });
    expect(present(kinds, KYVERNO)).toEqual([KYVERNO]);
    expect(present(kinds, ...GK)).toEqual([]);
  });

  it.each([1, 2] as TierNumber[])(
    'tier %i gatekeeper: a ConstraintTemplate and its constraint, no Kyverno',
    async tier => {
      const { kinds, files } = await renderChecked(tier, {
        policyEngine: 'gatekeeper',
      });
      expect(present(kinds, ...GK)).toEqual([...GK]);
      expect(present(kinds, KYVERNO)).toEqual([]);
      const [template, constraint] = files.find(
        f => f.path === 'manifests/policies/gatekeeper.yaml',
      )!.objects as any[];
      // The constraint is of the kind the template declares.
      expect(constraint.kind).toBe(template.spec.crd.spec.names.kind);
    },
  );

  it.each([2, 3, 4, 5] as TierNumber[])(
    'tier %i kyverno-and-gatekeeper: both, Gatekeeper installed from tier 3',
    async tier => {
      const { kinds, paths } = await renderChecked(tier, {
        policyEngine: 'kyverno-and-gatekeeper',
      });
      expect(present(kinds, KYVERNO, ...GK)).toEqual([KYVERNO, ...GK]);
      expect(paths.includes('manifests/platform/gatekeeper.yaml')).toBe(
        tier >= 3,
      );
    },
  );

  it('tier 3 kyverno: no Gatekeeper objects or install', async () => {
    const { kinds, paths } = await renderChecked(3, {
      policyEngine: 'kyverno',
    });
    expect(present(kinds, ...GK)).toEqual([]);
    expect(paths).not.toContain('manifests/platform/gatekeeper.yaml');
  });

  it('none: no policy objects', async () => {
    const { kinds } = await renderChecked(2, { policyEngine: 'none' });
    expect(present(kinds, KYVERNO, ...GK)).toEqual([]);
  });
});

describe('mesh choice', () => {
  const LINKERD = [
    'policy.linkerd.io/v1beta3/Server',
    'policy.linkerd.io/v1alpha1/AuthorizationPolicy',
    'policy.linkerd.io/v1alpha1/MeshTLSAuthentication',
  ];
  const ISTIO = 'security.istio.io/v1/PeerAuthentication';

  it.each([4, 5] as TierNumber[])(
    'tier %i linkerd is allowed and emits Linkerd policy and its install',
    async tier => {
      const { kinds, paths } = await renderChecked(tier, { mesh: 'linkerd' });
      expect(present(kinds, ...LINKERD)).toEqual([...LINKERD]);
      expect(present(kinds, ISTIO)).toEqual([]);
      expect(paths).toEqual(
        expect.arrayContaining([
          'manifests/platform/linkerd-crds.yaml',
          'manifests/platform/linkerd-control-plane.yaml',
          'manifests/platform/linkerd-multicluster.yaml',
        ]),
      );
      expect(paths).not.toContain('manifests/platform/istiod.yaml');
    },
  );

  it.each([4, 5] as TierNumber[])(
    'tier %i istio: PeerAuthentication and istiod, no Linkerd',
    async tier => {
      const { kinds, paths } = await renderChecked(tier, { mesh: 'istio' });
      expect(present(kinds, ISTIO)).toEqual([ISTIO]);
      expect(present(kinds, ...LINKERD)).toEqual([]);
      expect(paths).toContain('manifests/platform/istiod.yaml');
      expect(paths.some(p => p.includes('linkerd'))).toBe(false);
    },
  );

  it.each([1, 2, 3] as TierNumber[])(
    'tier %i: linkerd adds its policy, none adds no mesh objects',
    async tier => {
      const linkerd = (await renderChecked(tier, { mesh: 'linkerd' })).kinds;
      const none = (await renderChecked(tier, { mesh: 'none' })).kinds;
      expect(present(linkerd, ...LINKERD)).toEqual(LINKERD);
      expect(present(none, ISTIO, ...LINKERD)).toEqual([]);
    },
  );

  it('tier 4 still refuses no mesh or cilium alone', () => {
    for (const mesh of ['none', 'cilium'] as const) {
      expect(
        combinationProblems(4, { ...tierChoiceDefaults(4), mesh }),
      ).toEqual([['mesh', expect.stringMatching(/Istio or Linkerd/)]]);
    }
  });
});

describe('provider choice', () => {
  it.each([
    ['aws-eks', 'aws', 'provider-aws-s3', true],
    ['gke', 'velero.io/gcp', 'provider-gcp-storage', false],
    ['aks', 'velero.io/azure', 'provider-azure-storage', false],
    ['on-prem', 'aws', undefined, false],
  ] as const)(
    '%s: Velero location of that provider and its Crossplane provider',
    async (provider, velero, crossplane, providerConfig) => {
      const { files, kinds } = await renderChecked(5, { provider });
      const bsl = files.find(f => f.path === 'manifests/backup/velero.yaml')!
        .objects![0] as any;
      expect(bsl.spec.provider).toBe(velero);
      const names = files
        .find(f => f.path === 'manifests/crossplane/providers.yaml')!
        .objects!.filter(o => o.kind === 'Provider')
        .map(o => o.metadata.name);
      expect(names).toEqual(
        crossplane
          ? ['provider-kubernetes', crossplane]
          : ['provider-kubernetes'],
      );
      expect(kinds.has('aws.upbound.io/v1beta1/ProviderConfig')).toBe(
        providerConfig,
      );
    },
  );
});

describe('DR tiers: Velero objects', () => {
  it('tier 1 has none', async () => {
    expect(
      (await renderChecked(1)).paths.filter(p =>
        p.startsWith('manifests/backup/'),
      ),
    ).toEqual([]);
  });

  it.each([2, 3, 4, 5] as TierNumber[])(
    'tier %i: location and schedules of the tier RPO',
    async tier => {
      const { files } = await renderChecked(tier);
      const velero = files.find(
        f => f.path === 'manifests/backup/velero.yaml',
      )!;
      const schedules = velero
        .objects!.filter(o => o.kind === 'Schedule')
        .map(o => (o as any).spec.schedule);
      expect(schedules).toEqual(
        tier >= 3 ? ['0 2 * * *', '0 * * * *'] : ['0 2 * * *'],
      );
      const cross = files.find(
        f => f.path === 'manifests/backup/velero-cross-region.yaml',
      );
      expect((cross?.objects?.[0] as any)?.spec.config.region).toBe(
        tier >= 4 ? 'eu-west-2' : undefined,
      );
    },
  );
});
