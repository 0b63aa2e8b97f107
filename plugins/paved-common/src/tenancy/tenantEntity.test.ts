import { tenantEntityName, tenantEntityProblems } from './tenantEntity';

const good = () => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'tenant-orders',
    labels: { 'paved.dev/tenant': 'orders' },
    annotations: {
      'paved.dev/tenant': 'orders',
      'paved.dev/tier': '2',
      'paved.dev/namespaces': 'orders-dev,orders-prod',
    },
  },
  spec: { type: 'kubernetes-tenant', owner: 'group:default/orders-team' },
});

describe('tenantEntityProblems', () => {
  it('accepts the tenant entity the template writes', () => {
    expect(tenantEntityProblems(good())).toEqual([]);
    expect(tenantEntityName('orders')).toBe('tenant-orders');
  });

  it.each<[string, (e: any) => void, RegExp]>([
    [
      'another kind',
      e => (e.kind = 'Component'),
      /^kind: "Component" must be Resource/,
    ],
    [
      'another type',
      e => (e.spec.type = 'database'),
      /^spec\.type: "database"/,
    ],
    ['no owner', e => delete e.spec.owner, /^spec\.owner: is required/],
    [
      'no tenant',
      e => delete e.metadata.annotations['paved.dev/tenant'],
      /^metadata\.annotations\.paved\.dev\/tenant:/,
    ],
    [
      'a name not tenant-<tenant>',
      e => (e.metadata.name = 'payments-db'),
      /^metadata\.name: "payments-db" must be tenant-orders/,
    ],
    [
      'a bad tier',
      e => (e.metadata.annotations['paved.dev/tier'] = '9'),
      /^metadata\.annotations\.paved\.dev\/tier: "9" must be a tier/,
    ],
    [
      'no namespaces',
      e => (e.metadata.annotations['paved.dev/namespaces'] = ''),
      /paved\.dev\/namespaces: must list/,
    ],
    [
      'a bad namespace',
      e => (e.metadata.annotations['paved.dev/namespaces'] = 'Orders_Dev'),
      /"Orders_Dev" is not a DNS-1123 label/,
    ],
    [
      'a label for another tenant',
      e => (e.metadata.labels['paved.dev/tenant'] = 'x'),
      /^metadata\.labels\.paved\.dev\/tenant: "x"/,
    ],
    ['another apiVersion', e => (e.apiVersion = 'v1'), /^apiVersion: "v1"/],
  ])('refuses %s, naming the field', (_what, change, message) => {
    const e = good();
    change(e);
    const problems = tenantEntityProblems(e);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('refuses what is not an object', () => {
    expect(tenantEntityProblems('tenant')).toEqual([
      'entity: must be an object',
    ]);
  });
});
