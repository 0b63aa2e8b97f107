import { tierChoiceDefaults } from '../render/choices';
import { renderClusterBaseline } from '../render/cluster';
import { KubeObject } from '../render/types';
import { manifestFile } from '../render/yaml';
import { validateFiles } from './models';
import { VENDORED_CRDS } from './crdSchemas';
import { renderTenant } from '../render/tenant';
import { acmeTenant } from '../__testUtils__/tenantInputs';

const baseline = renderClusterBaseline({
  name: 'prod-eu-1',
  tier: 5,
  team: 'platform',
  project: 'paved',
  costCenter: 'cc-1234',
  teams: ['payments'],
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
  choices: { ...tierChoiceDefaults(5), mesh: 'linkerd' },
});
// HNC's kinds come from a tenant with a tenant-wide quota, not the baseline.
const files = [
  ...baseline,
  ...renderTenant({
    ...acmeTenant,
    tier: 5,
    aggregateQuota: { cpu: '6', memory: '12Gi', pods: 30 },
  }),
];
const all = files.flatMap(f => f.objects ?? []);
const good = (kind: string) =>
  structuredClone(all.find(o => o.kind === kind)!) as any;

type Case = [kind: string, bad: (o: any) => void, field: RegExp];
const cases: Case[] = [
  [
    'ConstraintTemplate',
    o => {
      o.spec.targets = { target: 'admission.k8s.gatekeeper.sh' };
    },
    /spec\.targets: must be array/,
  ],
  [
    'ConstraintTemplate',
    o => {
      o.spec.targets[0].code = [{ engine: 'Rego' }];
    },
    /spec\.targets\[0\]\.code\[0\]\.source: is required/,
  ],
  [
    'K8sResourceLimits',
    o => {
      o.spec.match.scope = 'Everywhere';
    },
    /spec\.match\.scope: must be one of \*, Cluster, Namespaced/,
  ],
  [
    'K8sResourceLimits',
    o => {
      o.spec.parameters.maxCPU = 4;
    },
    /spec\.parameters\.maxCPU: must be string/,
  ],
  [
    'K8sResourceLimits',
    o => {
      o.spec.match.namespaces = ['Payments_Prod'];
    },
    /spec\.match\.namespaces\[0\]: must match pattern/,
  ],
  [
    'Schedule',
    o => {
      delete o.spec.schedule;
    },
    /spec\.schedule: is required/,
  ],
  [
    'Schedule',
    o => {
      o.spec.template.ttl = 720;
    },
    /spec\.template\.ttl: must be string/,
  ],
  [
    'Schedule',
    o => {
      o.spec.template.includeNamespaces = ['*'];
    },
    /spec\.template\.includeNamespaces: is not a field of this kind/,
  ],
  [
    'BackupStorageLocation',
    o => {
      o.spec.accessMode = 'ReadWriteMany';
    },
    /spec\.accessMode: must be one of ReadOnly, ReadWrite/,
  ],
  [
    'BackupStorageLocation',
    o => {
      delete o.spec.objectStorage.bucket;
    },
    /spec\.objectStorage\.bucket: is required/,
  ],
  [
    'BackupStorageLocation',
    o => {
      delete o.metadata.namespace;
    },
    /metadata\.namespace: is required/,
  ],
  [
    'Provider',
    o => {
      delete o.spec.package;
    },
    /spec\.package: is required/,
  ],
  [
    'Provider',
    o => {
      o.spec.revisionHistoryLimit = 'one';
    },
    /spec\.revisionHistoryLimit: must be integer/,
  ],
  [
    'Function',
    o => {
      delete o.spec.package;
    },
    /spec\.package: is required/,
  ],
  [
    'Composition',
    o => {
      o.spec.mode = 'Functions';
    },
    /spec\.mode: must be one of Resources, Pipeline/,
  ],
  [
    'Composition',
    o => {
      delete o.spec.pipeline[0].functionRef;
    },
    /spec\.pipeline\[0\]\.functionRef: is required/,
  ],
  [
    'ProviderConfig',
    o => {
      o.spec.credentials.source = 'Kubeconfig';
    },
    /spec\.credentials\.source: must be one of None, Secret, IRSA/,
  ],
  [
    'DeploymentRuntimeConfig',
    o => {
      delete o.spec.deploymentTemplate.spec.selector;
    },
    /spec\.deploymentTemplate\.spec\.selector: is required/,
  ],
  [
    'DeploymentRuntimeConfig',
    o => {
      o.spec.serviceAccountTemplate.metadata.nmae = 'x';
    },
    /spec\.serviceAccountTemplate\.metadata\.nmae: is not a field of this kind/,
  ],
  [
    'CompositeResourceDefinition',
    o => {
      delete o.spec.versions[0].served;
    },
    /spec\.versions\[0\]\.served: is required/,
  ],
  [
    'CompositeResourceDefinition',
    o => {
      o.spec.defaultCompositeDeletePolicy = 'Orphan';
    },
    /spec\.defaultCompositeDeletePolicy: must be one of Background, Foreground/,
  ],
  [
    'CompositeResourceDefinition',
    o => {
      delete o.spec.claimNames.plural;
    },
    /spec\.claimNames\.plural: is required/,
  ],
  [
    'Server',
    o => {
      o.spec.port = true;
    },
    /spec\.port: must be integer/,
  ],
  [
    'Server',
    o => {
      o.spec.proxyProtocol = 3;
    },
    /spec\.proxyProtocol: must be string/,
  ],
  [
    'Server',
    o => {
      delete o.spec.podSelector;
    },
    /spec\.podSelector: is required/,
  ],
  [
    'AuthorizationPolicy',
    o => {
      delete o.spec.targetRef.name;
    },
    /spec\.targetRef\.name: is required/,
  ],
  [
    'AuthorizationPolicy',
    o => {
      delete o.spec.requiredAuthenticationRefs;
    },
    /spec\.requiredAuthenticationRefs: is required/,
  ],
  [
    'MeshTLSAuthentication',
    o => {
      o.spec.identities = ['Web_Client'];
    },
    /spec\.identities\[0\]: must match pattern/,
  ],
  [
    'VerticalPodAutoscaler',
    o => {
      o.spec.updatePolicy.updateMode = 'Sometimes';
    },
    /spec\.updatePolicy\.updateMode: must be one of Off, Initial/,
  ],
  [
    'CiliumNetworkPolicy',
    o => {
      o.spec.ingress[0].fromEntities = ['gateway'];
    },
    /spec\.ingress\[0\]\.fromEntities\[0\]: must be one of all, world/,
  ],
  [
    'Bundle',
    o => {
      o.spec.target.configMap = { name: 'linkerd-identity-trust-roots' };
    },
    /spec\.target\.configMap\.key: is required.*spec\.target\.configMap\.name: is not a field of this kind/,
  ],
  [
    'Bundle',
    o => {
      o.spec.sources = [];
    },
    /spec\.sources: must NOT have fewer than 1 items/,
  ],
  [
    'HierarchicalResourceQuota',
    o => {
      o.spec.hard.pods = 'thirty';
    },
    /spec\.hard\.pods: must match pattern/,
  ],
  [
    'HierarchyConfiguration',
    o => {
      o.metadata.name = 'acme-dev';
    },
    /metadata\.name: must be one of hierarchy/,
  ],
];

describe('vendored CRD schemas', () => {
  it('covers every vendored kind, and each good object of it validates', async () => {
    for (const crd of VENDORED_CRDS)
      expect(all.map(o => o.kind)).toContain(crd.kind);
    expect(await validateFiles(files)).toEqual([]);
  });

  it.each(cases)(
    'refuses a bad %s, naming the object and the field',
    async (kind, mutate, field) => {
      const o = good(kind) as KubeObject;
      mutate(o);
      const problems = await validateFiles([
        manifestFile('manifests/x.yaml', [o]),
      ]);
      const ns = o.metadata.namespace ? `${o.metadata.namespace}/` : '';
      expect(problems).toEqual([
        {
          file: 'manifests/x.yaml',
          object: `${o.apiVersion} ${o.kind} ${ns}${o.metadata.name}`,
          message: expect.stringMatching(field),
        },
      ]);
    },
  );

  it("refuses provider-kubernetes's ProviderConfig with a source it does not know", async () => {
    const o = structuredClone(
      all.find(
        x =>
          x.kind === 'ProviderConfig' &&
          x.apiVersion === 'kubernetes.crossplane.io/v1alpha1',
      ),
    ) as any;
    expect(o.spec.credentials.source).toBe('InjectedIdentity');
    o.spec.credentials.source = 'IRSA';
    const [p] = await validateFiles([manifestFile('manifests/x.yaml', [o])]);
    expect(p.message).toMatch(
      /spec\.credentials\.source: must be one of None, Secret, InjectedIdentity, Environment, Filesystem/,
    );
  });

  it('has a bad-object case for every vendored kind', () => {
    for (const crd of VENDORED_CRDS)
      expect(cases.map(c => c[0])).toContain(crd.kind);
  });

  it('refuses a wrong apiVersion of a vendored kind as having no schema', async () => {
    const o = { ...good('Schedule'), apiVersion: 'velero.io/v2' };
    const [p] = await validateFiles([manifestFile('manifests/x.yaml', [o])]);
    expect(p.message).toMatch(/no schema is known for velero.io\/v2 Schedule/);
  });

  it('refuses a bad Flux object through its kubernetes-models class', async () => {
    const repo = {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'platform', namespace: 'flux-system' },
      spec: { interval: 5, url: 'https://github.com/example/gitops.git' },
    };
    const [p] = await validateFiles([manifestFile('manifests/x.yaml', [repo])]);
    expect(p.object).toBe(
      'source.toolkit.fluxcd.io/v1 GitRepository flux-system/platform',
    );
    expect(p.message).toMatch(/interval/);
  });
});
