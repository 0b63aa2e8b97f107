import {
  ClusterInput,
  addonContext,
  renderClusterBaseline,
} from '../render/cluster';
import { allBaselines, clusterInput } from '../__testUtils__/clusterInputs';
import { addonsFor } from '../render/platform/addons';
import { RenderedFile } from '../render/types';
import { manifestFile } from '../render/yaml';
import { selfCheck } from './selfCheck';

const check = (files: RenderedFile[], input: ClusterInput) => {
  const ctx = addonContext(input);
  return selfCheck(files, addonsFor(ctx), ctx).map(p => p.message);
};

/** The baseline with one object of a file changed. */
const edit = (
  files: RenderedFile[],
  path: string,
  change: (o: any) => any,
): RenderedFile[] =>
  files.map(f =>
    f.path === path
      ? manifestFile(
          f.path,
          f.objects!.map(o => change(structuredClone(o))).filter(Boolean),
          f.satisfies,
        )
      : f,
  );

describe('self-check of every baseline', () => {
  it.each(allBaselines())('%s converges as a system', (_name, input) => {
    expect(check(renderClusterBaseline(input), input)).toEqual([]);
  });
});

describe('self-check finds each of the defects it exists for', () => {
  const t3 = clusterInput(3);
  const files = renderClusterBaseline(t3);

  it('a tenant namespace without the ingress allow rule: the route answers 502', () => {
    const broken = edit(files, 'manifests/network-policies.yaml', o =>
      o.metadata.name === 'allow-from-ingress' ? undefined : o,
    );
    expect(check(broken, t3).join('\n')).toMatch(
      /Ingress from platform to Deployment payments-prod\/sample-app is blocked/,
    );
  });

  it('no scrape rule: Prometheus times out', () => {
    const broken = edit(files, 'manifests/network-policies.yaml', o =>
      o.metadata.name === 'allow-prometheus-scrape' ? undefined : o,
    );
    expect(check(broken, t3).join('\n')).toMatch(
      /Prometheus scraping Deployment payments-prod\/sample-app is blocked/,
    );
  });

  it('a namespace open to every namespace breaks tenant isolation', () => {
    const broken = edit(files, 'manifests/network-policies.yaml', o =>
      o.metadata.name === 'allow-same-tenant'
        ? {
            ...o,
            spec: {
              ...o.spec,
              ingress: [{ from: [{ namespaceSelector: {} }] }],
              egress: [{ to: [{ namespaceSelector: {} }] }],
            },
          }
        : o,
    );
    expect(check(broken, t3).join('\n')).toMatch(
      /Tenant namespace payments-dev can reach search-dev/,
    );
  });

  it('a custom kind whose controller the tier does not install', () => {
    const tier1 = clusterInput(1);
    const extra = [
      ...renderClusterBaseline(tier1),
      manifestFile('manifests/extra.yaml', [
        {
          apiVersion: 'cert-manager.io/v1',
          kind: 'ClusterIssuer',
          metadata: { name: 'letsencrypt' },
          spec: {},
        },
      ]),
    ];
    expect(check(extra, tier1)).toEqual([
      'ClusterIssuer letsencrypt (manifests/extra.yaml): no add-on of this baseline serves cert-manager.io/v1 ClusterIssuer',
    ]);
  });

  it("Linkerd without its identity issuer: the control plane's pods never start", () => {
    const input = clusterInput(3, { mesh: 'linkerd' });
    const rendered = renderClusterBaseline(input);
    expect(check(rendered, input)).toEqual([]);
    const broken = edit(
      rendered,
      'manifests/platform/linkerd-identity.yaml',
      o =>
        o.kind === 'Certificate' &&
        o.metadata.name === 'linkerd-identity-issuer'
          ? undefined
          : o,
    );
    expect(check(broken, input)).toEqual([
      expect.stringMatching(
        /^add-on linkerd-control-plane \(wave \d+\) needs Secret linkerd\/linkerd-identity-issuer before its pods can start, but nothing earlier in the install plan produces it$/,
      ),
    ]);
  });

  it('a Deployment that sets replicas under an HPA', () => {
    const broken = edit(files, 'manifests/sample-app/deployment.yaml', o => ({
      ...o,
      spec: { ...o.spec, replicas: 3 },
    }));
    expect(check(broken, t3)).toEqual([
      'Deployment payments-prod/sample-app sets spec.replicas while HorizontalPodAutoscaler payments-prod/sample-app scales it: every sync would undo a scale-out',
    ]);
  });

  it('a root Application that self-heals replicas', () => {
    const broken = edit(files, 'manifests/gitops/root-application.yaml', o => ({
      ...o,
      spec: { ...o.spec, ignoreDifferences: [] },
    }));
    expect(check(broken, t3).join('\n')).toMatch(
      /self-heals without ignoring \/spec\/replicas/,
    );
  });

  it('teams deploying through a project that allows cluster-scoped kinds', () => {
    const broken = edit(files, 'manifests/gitops/project.yaml', o =>
      o.metadata.name === 'teams'
        ? {
            ...o,
            spec: {
              ...o.spec,
              clusterResourceWhitelist: [{ group: '*', kind: '*' }],
            },
          }
        : o,
    );
    expect(check(broken, t3).join('\n')).toMatch(
      /AppProject teams, which lets them create cluster-scoped kinds/,
    );
  });

  it("the tier's own policies refusing the sample app (an untagged image)", () => {
    const broken = edit(files, 'manifests/sample-app/deployment.yaml', o => {
      o.spec.template.spec.containers[0].image = 'ghcr.io/example/sample-app';
      return o;
    });
    expect(check(broken, t3).join('\n')).toMatch(
      /Deployment payments-prod\/sample-app would be refused by disallow-latest-tag: container sample-app: image ghcr.io\/example\/sample-app has no tag/,
    );
  });

  it('a platform namespace without cost labels is exempt; a tenant one is refused', () => {
    const broken = edit(files, 'manifests/namespaces.yaml', o => {
      delete o.metadata.labels['cost-center'];
      return o;
    });
    const problems = check(broken, t3);
    expect(problems.filter(p => /require-cost-labels/.test(p)).sort()).toEqual(
      ['payments-dev', 'payments-prod', 'search-dev', 'search-prod'].map(
        ns =>
          `Namespace ${ns} would be refused by require-cost-labels: no cost-center label`,
      ),
    );
  });

  it('a Kyverno rule that rewrites images fights Argo CD', () => {
    const t5 = clusterInput(5);
    const broken = edit(
      renderClusterBaseline(t5),
      'manifests/policies/supply-chain.yaml',
      o => {
        o.spec.rules[0].verifyImages[0].mutateDigest = true;
        return o;
      },
    );
    expect(check(broken, t5).join('\n')).toMatch(
      /verify-slsa-provenance rule slsa-provenance mutates objects/,
    );
  });
});
