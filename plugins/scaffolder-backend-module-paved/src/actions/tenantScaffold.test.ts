import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeContext, listFiles } from '../__testUtils__/actionContext';
import { createTenantScaffoldAction } from './tenantScaffold';
import { acmeTenant } from '../__testUtils__/tenantInputs';

// Rendering and the first schema load take seconds on a loaded 2-core machine.
jest.setTimeout(30_000);

/*
 * paved:tenant:scaffold's isolation tier, workload identity, PriorityClass
 * and guardrail inputs: each bad one is refused with the field named, and
 * nothing is written to the workspace.
 */

const config = mockServices.rootConfig({ data: {} });

const tenant = { ...acmeTenant, outputPath: 'tenants/acme' };

const GSA = 'acme-app@shop-prod-1.iam.gserviceaccount.com';
const GUID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

const BAD: Array<[string, Record<string, unknown>, string]> = [
  [
    'an unknown isolation tier',
    { isolation: { level: 'vm' } },
    'isolation.level',
  ],
  ['isolation that is not an object', { isolation: 'sandboxed' }, 'isolation'],
  [
    'a taint without a node pool',
    {
      isolation: {
        level: 'dedicated-nodes',
        taint: { key: 'dedicated', value: 'acme', effect: 'NoSchedule' },
      },
    },
    'isolation.taint',
  ],
  [
    'dedicated nodes without a pool',
    { isolation: { level: 'dedicated-nodes' } },
    'isolation.nodePool',
  ],
  [
    'a node pool on shared nodes',
    { isolation: { level: 'sandboxed', nodePool: { name: 'acme' } } },
    'isolation.nodePool',
  ],
  [
    'a node pool label that is not a label key',
    {
      isolation: {
        level: 'dedicated-nodes',
        nodePool: { name: 'acme', label: 'a b' },
      },
    },
    'isolation.nodePool.label',
  ],
  [
    'an unknown taint effect',
    {
      isolation: {
        level: 'dedicated-nodes',
        nodePool: { name: 'acme' },
        taint: { key: 'dedicated', value: 'acme', effect: 'NoWay' },
      },
    },
    'isolation.taint.effect',
  ],
  [
    "another tenant's value on the tenant taint key",
    {
      isolation: {
        level: 'dedicated-nodes',
        nodePool: { name: 'acme' },
        taint: {
          key: 'paved.dev/tenant',
          value: 'globex',
          effect: 'NoSchedule',
        },
      },
    },
    'isolation.taint.value',
  ],
  [
    'gVisor on a tier without its RuntimeClass',
    { tier: 2, isolation: { level: 'sandboxed' } },
    'isolation.level',
  ],
  [
    'gVisor where nothing enforces it (guardrails off)',
    { guardrails: false, isolation: { level: 'sandboxed' } },
    'isolation.level',
  ],
  [
    'gVisor under Gatekeeper alone',
    { policyEngine: 'gatekeeper', isolation: { level: 'sandboxed' } },
    'isolation.level',
  ],
  [
    'a virtual cluster without GitOps',
    {
      gitops: 'none',
      isolation: { level: 'virtual-cluster', nodePool: { name: 'acme' } },
    },
    'gitops',
  ],
  [
    'a vCluster version that is not x.y.z',
    {
      isolation: {
        level: 'virtual-cluster',
        nodePool: { name: 'acme' },
        vclusterVersion: 'latest',
      },
    },
    'isolation.vclusterVersion',
  ],
  [
    'an unknown identity provider',
    { workloadIdentity: { provider: 'oci', identity: 'x' } },
    'workloadIdentity.provider',
  ],
  [
    'a GCP service account for IRSA',
    { workloadIdentity: { provider: 'aws-eks', identity: GSA } },
    'workloadIdentity.identity',
  ],
  [
    'an ARN with an 11-digit account',
    {
      workloadIdentity: {
        provider: 'aws-eks',
        identity: 'arn:aws:iam::12345678901:role/x',
      },
    },
    'workloadIdentity.identity',
  ],
  [
    'a user ARN instead of a role',
    {
      workloadIdentity: {
        provider: 'aws-eks',
        identity: 'arn:aws:iam::123456789012:user/x',
      },
    },
    'workloadIdentity.identity',
  ],
  [
    'a GCP service account outside iam.gserviceaccount.com',
    { workloadIdentity: { provider: 'gke', identity: 'acme-app@gmail.com' } },
    'workloadIdentity.identity',
  ],
  [
    'an Azure client id that is not a GUID',
    { workloadIdentity: { provider: 'aks', identity: 'acme-app' } },
    'workloadIdentity.identity',
  ],
  [
    'an Azure tenant id for GKE',
    {
      workloadIdentity: { provider: 'gke', identity: GSA, azureTenantId: GUID },
    },
    'workloadIdentity.azureTenantId',
  ],
  [
    'a ServiceAccount name that is not a DNS label',
    {
      workloadIdentity: {
        provider: 'aks',
        identity: GUID,
        serviceAccountName: 'Acme_App',
      },
    },
    'workloadIdentity.serviceAccountName',
  ],
  [
    'a system PriorityClass',
    { priorityClass: 'system-node-critical' },
    'priorityClass',
  ],
  ['an unknown PriorityClass', { priorityClass: 'gold' }, 'priorityClass'],
  [
    'a PriorityClass on tier 1',
    { tier: 1, priorityClass: 'paved-tenant-low' },
    'priorityClass',
  ],
  ['an unknown policy engine', { policyEngine: 'opa' }, 'policyEngine'],
  ['guardrails without Kyverno', { tier: 1, guardrails: true }, 'guardrails'],
  ['guardrails given as text', { guardrails: 'yes' }, 'guardrails'],
];

const escape = (field: string) => field.replace(/[.[\]]/g, m => `\\${m}`);

describe('paved:tenant:scaffold: isolation, identity, priority, guardrails', () => {
  const action = createTenantScaffoldAction({ config });

  it.each(BAD)(
    'refuses %s, naming the field, and writes nothing',
    async (_what, patch, field) => {
      const { ctx, workspacePath } = await makeContext({ ...tenant, ...patch });
      await expect(action.handler(ctx)).rejects.toThrow(
        new RegExp(`(Invalid input: |; )${escape(field)}: `),
      );
      expect(await fs.readdir(workspacePath)).toEqual([]);
    },
  );

  it('writes a virtual-cluster tenant with identity and priority', async () => {
    const { ctx, workspacePath } = await makeContext({
      ...tenant,
      isolation: { level: 'virtual-cluster', nodePool: { name: 'acme' } },
      workloadIdentity: { provider: 'aks', identity: GUID },
      priorityClass: 'paved-tenant-standard',
    });
    await action.handler(ctx);
    expect(await listFiles(path.join(workspacePath, 'tenants/acme'))).toEqual([
      'PLATFORM.md',
      'README.md',
      'catalog-info.yaml',
      'manifests/gitops/flux.yaml',
      'manifests/guardrails.yaml',
      'manifests/monitoring.yaml',
      'manifests/namespaces.yaml',
      'manifests/network-policies.yaml',
      'manifests/rbac.yaml',
      'manifests/resource-limits.yaml',
      'manifests/vcluster.yaml',
      'manifests/workload-identity.yaml',
    ]);
  });
});

describe("paved:tenant:scaffold: the tenant's PLATFORM.md", () => {
  it('writes the contract with the contacts from paved.tenants.contract', async () => {
    const action = createTenantScaffoldAction({
      config: mockServices.rootConfig({
        data: {
          paved: {
            tenants: {
              contract: {
                platformTeam: 'group:default/platform-team',
                supportChannel: '#platform-help',
                onCall: 'PagerDuty "platform"',
              },
            },
          },
        },
      }),
    });
    const { ctx, workspacePath } = await makeContext({ ...tenant, tier: 3 });
    await action.handler(ctx);
    const md = await fs.readFile(
      path.join(workspacePath, 'tenants/acme/PLATFORM.md'),
      'utf8',
    );
    expect(md).toMatch(/^# Platform contract for tenant acme/);
    expect(md).toContain('Ask in #platform-help.');
    expect(md).toContain('PagerDuty "platform"');
    expect(md).toContain('the lead of group:default/platform-team');
    const readme = await fs.readFile(
      path.join(workspacePath, 'tenants/acme/README.md'),
      'utf8',
    );
    expect(readme).toContain('PLATFORM.md');
  });
});

const SLACK = {
  type: 'slack',
  channel: '#acme-alerts',
  secretName: 'acme-alerting',
};
const alerts = (receiver: Record<string, unknown>) => ({
  observability: { alerts: { receiver } },
});
/** A tier 5 tenant that delivery: claim can compose. */
const claimable = {
  ...tenant,
  tier: 5,
  gitops: 'none',
  gitopsRepoUrl: undefined,
  delivery: 'claim',
};

const BAD_OBSERVABILITY_AND_DELIVERY: Array<
  [string, Record<string, unknown>, string]
> = [
  [
    'observability that is not an object',
    { observability: 'all' },
    'observability',
  ],
  [
    'an observability part given as text',
    { observability: { metrics: 'yes' } },
    'observability.metrics',
  ],
  [
    'dashboards on a tier without Prometheus and Grafana',
    { tier: 1, observability: { dashboards: true } },
    'observability',
  ],
  [
    'logs on a tier without Loki',
    { tier: 2, observability: { logs: true } },
    'observability.logs',
  ],
  [
    'an alert receiver that is missing',
    { observability: { alerts: {} } },
    'observability.alerts.receiver',
  ],
  [
    'an unknown receiver type',
    alerts({ type: 'teams', secretName: 'acme-x' }),
    'observability.alerts.receiver.type',
  ],
  [
    'a receiver with its credential inline',
    alerts({ ...SLACK, apiURL: 'https://hooks.slack.com/services/T0/B0/x' }),
    'observability.alerts.receiver.apiURL',
  ],
  [
    'a webhook URL inline instead of a Secret',
    alerts({ type: 'webhook', url: 'https://alerts.example.com/x' }),
    'observability.alerts.receiver.url',
  ],
  [
    'a receiver without a Secret',
    alerts({ type: 'pagerduty' }),
    'observability.alerts.receiver.secretName',
  ],
  [
    'a receiver Secret without the tenant prefix',
    alerts({ ...SLACK, secretName: 'alerting' }),
    'observability.alerts.receiver.secretName',
  ],
  [
    'a receiver Secret key that is not a key',
    alerts({ ...SLACK, secretKey: 'a/b' }),
    'observability.alerts.receiver.secretKey',
  ],
  [
    'a Slack receiver without a channel',
    alerts({ type: 'slack', secretName: 'acme-alerting' }),
    'observability.alerts.receiver.channel',
  ],
  [
    'an e-mail receiver without an address',
    alerts({ type: 'email', to: 'oncall' }),
    'observability.alerts.receiver.to',
  ],
  ['an unknown delivery', { delivery: 'helm' }, 'delivery'],
  [
    'a claim on a tier without Crossplane',
    { ...claimable, tier: 3 },
    'delivery',
  ],
  [
    'a claim with an isolation tier it does not compose',
    { ...claimable, isolation: { level: 'sandboxed' } },
    'isolation.level',
  ],
  [
    'a claim with workload identity',
    {
      ...claimable,
      workloadIdentity: { provider: 'gke', identity: GSA },
    },
    'workloadIdentity',
  ],
  [
    'a claim with a GitOps project',
    { ...claimable, gitops: 'argocd' },
    'gitops',
  ],
  [
    'a claim with extra egress',
    { ...claimable, allowedEgress: [{ cidr: '10.0.0.0/8' }] },
    'allowedEgress',
  ],
  [
    'a claim with observability',
    { ...claimable, observability: { dashboards: true } },
    'observability',
  ],
  [
    'a claim with Crossplane claims of its own',
    {
      ...claimable,
      claims: [
        {
          apiVersion: 'database.paved.dev/v1alpha1',
          kind: 'PostgreSQLInstance',
          name: 'acme-db',
        },
      ],
    },
    'claims',
  ],
];

describe('paved:tenant:scaffold: observability and delivery', () => {
  const action = createTenantScaffoldAction({ config });

  it.each(BAD_OBSERVABILITY_AND_DELIVERY)(
    'refuses %s, naming the field, and writes nothing',
    async (_what, patch, field) => {
      const { ctx, workspacePath } = await makeContext({ ...tenant, ...patch });
      await expect(action.handler(ctx)).rejects.toThrow(
        new RegExp(`(Invalid input: |; )${escape(field)}: `),
      );
      expect(await fs.readdir(workspacePath)).toEqual([]);
    },
  );

  it('writes the observability objects beside the manifests', async () => {
    const { ctx, workspacePath } = await makeContext({
      ...tenant,
      observability: { metrics: true, logs: true, dashboards: true },
    });
    await action.handler(ctx);
    const dir = path.join(workspacePath, 'tenants/acme');
    expect(await listFiles(dir)).toContain('manifests/observability.yaml');
    const text = await fs.readFile(
      path.join(dir, 'manifests/observability.yaml'),
      'utf8',
    );
    expect(text).toContain('grafana_folder: Tenant acme');
    expect(text).toContain('X-Scope-OrgID');
  });

  it('writes one Tenant claim instead of the manifests', async () => {
    const { ctx, workspacePath, outputs } = await makeContext({
      ...claimable,
      gitops: undefined,
      priorityClass: 'paved-tenant-high',
      quota: { ...tenant.quota, storage: '50Gi', objects: { services: 20 } },
    });
    await action.handler(ctx);
    const dir = path.join(workspacePath, 'tenants/acme');
    expect(await listFiles(dir)).toEqual([
      'PLATFORM.md',
      'README.md',
      'catalog-info.yaml',
      'manifests/tenant-claim.yaml',
    ]);
    const claim = await fs.readFile(
      path.join(dir, 'manifests/tenant-claim.yaml'),
      'utf8',
    );
    expect(claim).toContain('kind: Tenant');
    expect(claim).toContain('namespace: paved-tenants');
    expect(claim).toContain('priorityClass: paved-tenant-high');
    expect(claim).toContain('storage: 50Gi');
    expect(outputs.namespaces).toEqual(['acme-dev', 'acme-prod']);
  });
});

describe('paved:tenant:scaffold: alert routing', () => {
  it('writes and validates an AlertmanagerConfig per namespace', async () => {
    const action = createTenantScaffoldAction({ config });
    const { ctx, workspacePath } = await makeContext({
      ...tenant,
      observability: { alerts: { receiver: SLACK } },
    });
    await action.handler(ctx);
    const text = await fs.readFile(
      path.join(workspacePath, 'tenants/acme/manifests/observability.yaml'),
      'utf8',
    );
    expect(text.match(/kind: AlertmanagerConfig/g)).toHaveLength(2);
    expect(text).toContain('name: acme-alerting');
  });
});
