import { parse } from 'yaml';
import { checkTenantInput } from '../actions/tenantScaffold';
import { renderTenant, TenantInput } from '../render/tenant';
import { acmeTenant, ordersTenant } from '../__testUtils__/tenantInputs';
import { UnknownTenantError } from './errors';
import { recoverTenantInput } from './recoverTenant';
import { manifestObjects } from './loadTenant';

const ARN = 'arn:aws:iam::123456789012:role/acme-app';
const GUID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

/** What onboarding leaves behind: the entity and the applied objects. */
function onboarded(t: TenantInput) {
  const files = renderTenant(t);
  const entity = parse(
    files.find(f => f.path === 'catalog-info.yaml')!.content,
  );
  return { files, entity, objects: manifestObjects(files) };
}

/** Every file, README and catalog-info.yaml included. */
const contentOf = (t: TenantInput) =>
  renderTenant(t).map(f => [f.path, f.content]);

describe('recoverTenantInput: a tenant read back renders exactly as it was onboarded', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['orders (tier 2, Argo CD, egress, budget, object counts)', ordersTenant],
    ['acme (tier 3, Flux)', acmeTenant],
    ['acme sandboxed', { ...acmeTenant, isolation: { level: 'sandboxed' } }],
    [
      'acme on a dedicated pool with its own label and taint',
      {
        ...acmeTenant,
        isolation: {
          level: 'dedicated-nodes',
          nodePool: { name: 'gpu-a', label: 'pool.example.com/name' },
          taint: { key: 'dedicated', value: 'acme', effect: 'NoExecute' },
        },
      },
    ],
    [
      'acme as a virtual cluster with a pinned version',
      {
        ...acmeTenant,
        isolation: {
          level: 'virtual-cluster',
          nodePool: { name: 'acme' },
          vclusterVersion: '0.21.1',
        },
      },
    ],
    [
      'acme on tier 4 with a tenant-wide quota',
      {
        ...acmeTenant,
        tier: 4,
        aggregateQuota: { cpu: '6', memory: '12Gi', pods: 30 },
      },
    ],
    [
      'acme with IRSA and a PriorityClass',
      {
        ...acmeTenant,
        workloadIdentity: { provider: 'aws-eks', identity: ARN },
        priorityClass: 'paved-tenant-high',
      },
    ],
    [
      'acme with Azure identity on its own ServiceAccount',
      {
        ...acmeTenant,
        workloadIdentity: {
          provider: 'aks',
          identity: GUID,
          serviceAccountName: 'acme-cloud',
          azureTenantId: GUID,
        },
      },
    ],
    ['acme without guardrails', { ...acmeTenant, guardrails: false }],
    [
      'acme with every observability part, alerts to Slack under its own key',
      {
        ...acmeTenant,
        observability: {
          metrics: true,
          logs: true,
          dashboards: true,
          alerts: {
            receiver: {
              type: 'slack',
              channel: '#acme-alerts',
              secretName: 'acme-slack',
              secretKey: 'webhook',
            },
          },
        },
      },
    ],
    ...(
      [
        { type: 'pagerduty', secretName: 'orders-pd' },
        { type: 'webhook', secretName: 'orders-hook' },
        { type: 'email', to: 'oncall@acme.example' },
      ] as const
    ).map(
      receiver =>
        [
          `orders with alerts to ${receiver.type}`,
          { ...ordersTenant, observability: { alerts: { receiver } } },
        ] as [string, Record<string, unknown>],
    ),
    [
      "orders with the form's empty observability",
      {
        ...ordersTenant,
        observability: {
          metrics: false,
          alerts: { receiver: { type: 'none' } },
        },
      },
    ],
  ];

  it.each(cases)('%s', (_, raw) => {
    const original = checkTenantInput(raw);
    const { entity, objects } = onboarded(original);
    const recovered = recoverTenantInput(original.name, entity, objects);
    expect(contentOf(recovered)).toEqual(contentOf(original));
  });

  it('refuses an entity of another tenant, or whose namespaces are gone', () => {
    const { entity, objects } = onboarded(checkTenantInput(ordersTenant));
    expect(() => recoverTenantInput('acme', entity, objects)).toThrow(
      UnknownTenantError,
    );
    expect(() =>
      recoverTenantInput(
        'orders',
        entity,
        objects.filter(o => o.kind !== 'Namespace'),
      ),
    ).toThrow(
      /unknown tenant "orders": its namespace orders-dev does not exist/,
    );
    expect(() =>
      recoverTenantInput(
        'orders',
        entity,
        objects.filter(o => o.kind !== 'LimitRange'),
      ),
    ).toThrow(
      /missing from the cluster: LimitRange orders-dev\/container-defaults/,
    );
  });
});
