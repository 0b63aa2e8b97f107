import { parse } from 'yaml';
import { ISOLATION_LEVELS } from '@paved/plugin-paved-common';
import { checkTenantInput } from '../../actions/tenantScaffold';
import { renderTenant, TenantInput } from '../tenant';
import { validateFiles } from '../../validate/models';
import { KubeObject } from '../types';
import { tierTenancyFiles } from './tierTenancyBaseline';
import { acmeTenant } from '../../__testUtils__/tenantInputs';

const tenant = acmeTenant;

const ARN = 'arn:aws:iam::123456789012:role/acme-app';
const GSA = 'acme-app@shop-prod-1.iam.gserviceaccount.com';
const GUID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

/** The field the error names, or '' when the input is accepted. */
function refusal(patch: Record<string, unknown>): string {
  try {
    checkTenantInput({ ...tenant, ...patch });
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('checkTenantInput: isolation tier, workload identity, PriorityClass, guardrails', () => {
  const good: Array<[string, Record<string, unknown>]> = [
    ...ISOLATION_LEVELS.map(
      level =>
        [
          `isolation ${level}`,
          {
            isolation:
              level === 'dedicated-nodes' || level === 'virtual-cluster'
                ? { level, nodePool: { name: 'acme' } }
                : { level },
          },
        ] as [string, Record<string, unknown>],
    ),
    [
      'a pool with its own taint',
      {
        isolation: {
          level: 'dedicated-nodes',
          nodePool: { name: 'gpu-a', label: 'pool.example.com/name' },
          taint: { key: 'dedicated', value: 'acme', effect: 'NoExecute' },
        },
      },
    ],
    ['IRSA', { workloadIdentity: { provider: 'aws-eks', identity: ARN } }],
    [
      'IRSA with a path in GovCloud',
      {
        workloadIdentity: {
          provider: 'aws-eks',
          identity: 'arn:aws-us-gov:iam::123456789012:role/tenants/acme-app',
        },
      },
    ],
    [
      'GKE Workload Identity',
      { workloadIdentity: { provider: 'gke', identity: GSA } },
    ],
    [
      'Azure Workload Identity with a tenant id',
      {
        workloadIdentity: {
          provider: 'aks',
          identity: GUID,
          azureTenantId: GUID,
        },
      },
    ],
    ['a tenant PriorityClass', { priorityClass: 'paved-tenant-high' }],
    [
      'blank optional fields from the form',
      { isolation: '', workloadIdentity: null, priorityClass: '' },
    ],
    [
      "the form's blank isolation and identity sections",
      {
        isolation: {
          level: 'sandboxed',
          nodePool: { name: '', label: '' },
          taint: { key: '', value: '', effect: 'NoSchedule' },
          vclusterVersion: '',
        },
        workloadIdentity: { provider: 'none', identity: '' },
      },
    ],
  ];

  it.each(good)('accepts %s', (_what, patch) => {
    expect(refusal(patch)).toBe('');
  });
});

const objectsOf = (t: TenantInput, path: string): KubeObject[] =>
  renderTenant(t).find(f => f.path === path)?.objects ?? [];
const rulesOf = (t: TenantInput) =>
  (objectsOf(t, 'manifests/guardrails.yaml')[0] as any).spec.rules as any[];

describe('renderTenant: isolation tiers', () => {
  it('writes guardrails per namespace where Kyverno runs, none on tier 1', () => {
    expect(
      objectsOf(tenant, 'manifests/guardrails.yaml').map(
        o => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`,
      ),
    ).toEqual([
      'Policy acme-dev/tenant-guardrails',
      'Policy acme-prod/tenant-guardrails',
    ]);
    expect(
      objectsOf({ ...tenant, tier: 1 }, 'manifests/guardrails.yaml'),
    ).toEqual([]);
    expect(
      objectsOf({ ...tenant, guardrails: false }, 'manifests/guardrails.yaml'),
    ).toEqual([]);
  });

  const rule = (t: TenantInput, name: string) =>
    rulesOf(t).find(r => r.name === name);

  it('sandboxes every Pod in gVisor from isolation tier sandboxed', () => {
    expect(rule(tenant, 'require-gvisor')).toBeUndefined();
    const sandboxed = { ...tenant, isolation: { level: 'sandboxed' as const } };
    expect(rule(sandboxed, 'require-gvisor').validate.pattern).toEqual({
      spec: { runtimeClassName: 'gvisor' },
    });
    expect(
      rule(sandboxed, 'place-tenant-pods').mutate.patchStrategicMerge,
    ).toEqual({
      spec: { '+(runtimeClassName)': 'gvisor' },
    });
  });

  it('pins Pods to the dedicated pool with its selector and toleration', () => {
    const dedicated: TenantInput = {
      ...tenant,
      isolation: { level: 'dedicated-nodes', nodePool: { name: 'acme' } },
    };
    expect(rule(dedicated, 'require-dedicated-pool').validate.pattern).toEqual({
      spec: { nodeSelector: { 'paved.dev/node-pool': 'acme' } },
    });
    expect(
      rule(dedicated, 'place-tenant-pods').mutate.patchStrategicMerge.spec,
    ).toEqual({
      '+(runtimeClassName)': 'gvisor',
      nodeSelector: { '+(paved.dev/node-pool)': 'acme' },
    });
    expect(
      parse(rule(dedicated, 'tolerate-tenant-pool').mutate.patchesJson6902),
    ).toEqual([
      {
        op: 'add',
        path: '/spec/tolerations/-',
        value: {
          key: 'paved.dev/tenant',
          operator: 'Equal',
          value: 'acme',
          effect: 'NoSchedule',
        },
      },
    ]);
  });

  it('installs vCluster in each host namespace through Flux, or Argo CD', async () => {
    const virtual: TenantInput = {
      ...tenant,
      isolation: { level: 'virtual-cluster', nodePool: { name: 'acme' } },
    };
    expect(
      objectsOf(virtual, 'manifests/vcluster.yaml').map(
        o => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`,
      ),
    ).toEqual([
      'HelmRepository acme-dev/acme-loft',
      'HelmRelease acme-dev/acme-vcluster',
      'HelmRepository acme-prod/acme-loft',
      'HelmRelease acme-prod/acme-vcluster',
    ]);
    const argo = { ...virtual, gitops: 'argocd' as const };
    expect(objectsOf(argo, 'manifests/vcluster.yaml')[1]).toMatchObject({
      kind: 'Application',
      metadata: { namespace: 'argocd', name: 'acme-prod-vcluster' },
      spec: { project: 'acme', destination: { namespace: 'acme-prod' } },
    });
    expect(await validateFiles(renderTenant(virtual))).toEqual([]);
    expect(await validateFiles(renderTenant(argo))).toEqual([]);
    expect(objectsOf(tenant, 'manifests/vcluster.yaml')).toEqual([]);
  });

  it('keeps the tenant off every PriorityClass but its own with a scoped quota', () => {
    const quota = (t: TenantInput) =>
      objectsOf(t, 'manifests/resource-limits.yaml').find(
        o => o.metadata.name === 'other-priority-classes',
      ) as any;
    expect(
      quota({ ...tenant, priorityClass: 'paved-tenant-high' }).spec,
    ).toEqual({
      hard: { pods: '0' },
      scopeSelector: {
        matchExpressions: [
          {
            scopeName: 'PriorityClass',
            operator: 'In',
            values: [
              'system-cluster-critical',
              'system-node-critical',
              'paved-tenant-low',
              'paved-tenant-standard',
            ],
          },
        ],
      },
    });
    expect(quota({ ...tenant, tier: 1 })).toBeUndefined();
  });
});

describe('renderTenant: workload identity', () => {
  it.each([
    ['aws-eks', ARN, { 'eks.amazonaws.com/role-arn': ARN }, {}],
    ['gke', GSA, { 'iam.gke.io/gcp-service-account': GSA }, {}],
    [
      'aks',
      GUID,
      { 'azure.workload.identity/client-id': GUID },
      { 'azure.workload.identity/use': 'true' },
    ],
  ] as const)(
    '%s: one annotated ServiceAccount per namespace',
    async (provider, identity, annotations, labels) => {
      const t = checkTenantInput({
        ...tenant,
        workloadIdentity: { provider, identity },
      });
      const accounts = objectsOf(t, 'manifests/workload-identity.yaml');
      expect(
        accounts.map(a => `${a.metadata.namespace}/${a.metadata.name}`),
      ).toEqual(['acme-dev/acme-workload', 'acme-prod/acme-workload']);
      expect(accounts[0].metadata.annotations).toEqual(annotations);
      expect(accounts[0].metadata.labels).toMatchObject({
        'paved.dev/tenant': 'acme',
        ...labels,
      });
      const podLabelRule = rulesOf(t).find(
        r => r.name === 'label-workload-identity-pods',
      );
      expect(Boolean(podLabelRule)).toBe(provider === 'aks');
      const readme = renderTenant(t).find(f => f.path === 'README.md')!.content;
      expect(readme).toContain(identity);
      expect(await validateFiles(renderTenant(t))).toEqual([]);
    },
  );
});

describe('tierTenancyFiles: what a tier offers tenants', () => {
  it.each([
    [1, []],
    [
      2,
      [
        'PriorityClass paved-tenant-low',
        'PriorityClass paved-tenant-standard',
        'PriorityClass paved-tenant-high',
      ],
    ],
    [
      3,
      [
        'RuntimeClass gvisor',
        'PriorityClass paved-tenant-low',
        'PriorityClass paved-tenant-standard',
        'PriorityClass paved-tenant-high',
      ],
    ],
  ] as const)('tier %s', async (tier, kinds) => {
    const files = tierTenancyFiles(tier);
    expect(
      files.flatMap(f => f.objects!).map(o => `${o.kind} ${o.metadata.name}`),
    ).toEqual(kinds);
    expect(await validateFiles(files)).toEqual([]);
  });
});
