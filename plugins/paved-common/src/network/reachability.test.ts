import { crossNamespaceReachable } from './reachability';
import { pod, policy } from './testing';

const tenantLabels = (tenant: string) => ({ 'paved.dev/tenant': tenant });
const ordersApi = pod(
  'orders',
  { app: 'api' },
  { namespaceLabels: tenantLabels('orders') },
);
const ordersDb = pod(
  'orders',
  { app: 'db' },
  { namespaceLabels: tenantLabels('orders') },
);
const billingApi = pod(
  'billing',
  { app: 'api' },
  { namespaceLabels: tenantLabels('billing') },
);
const ingressController = pod('ingress-nginx', { app: 'controller' });
const pods = [ordersApi, ordersDb, billingApi, ingressController];

// The usual tenant baseline: deny by default, allow the own namespace and the ingress controller.
function tenantBaseline(namespace: string) {
  return [
    policy(namespace, 'default-deny', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    }),
    policy(namespace, 'allow-same-namespace', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [{ podSelector: {} }] },
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' },
              },
            },
          ],
        },
      ],
      egress: [{ to: [{ podSelector: {} }] }],
    }),
  ];
}

const pairs = (found: ReturnType<typeof crossNamespaceReachable>) =>
  found.map(
    p =>
      `${p.from.namespace}/${p.from.podLabels.app} -> ${p.to.namespace}/${p.to.podLabels.app}`,
  );

describe('crossNamespaceReachable', () => {
  it('without policies, every cross-namespace pair is reachable', () => {
    expect(crossNamespaceReachable([], pods, 80)).toHaveLength(4 * 3 - 2);
  });

  it('with the tenant baseline, only the ingress controller crosses into tenants', () => {
    const policies = [
      ...tenantBaseline('orders'),
      ...tenantBaseline('billing'),
    ];
    expect(pairs(crossNamespaceReachable(policies, pods, 8080))).toEqual([
      'ingress-nginx/controller -> orders/api',
      'ingress-nginx/controller -> orders/db',
      'ingress-nginx/controller -> billing/api',
    ]);
  });

  it('finds a leak a wide policy opens, with the policy in the verdict', () => {
    const leak = policy('billing', 'allow-all-namespaces', {
      podSelector: {},
      ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 8080 }] }],
    });
    const policies = [
      ...tenantBaseline('orders'),
      ...tenantBaseline('billing'),
      leak,
    ];
    const tenantToTenant = crossNamespaceReachable(
      policies,
      [ordersApi, billingApi],
      8080,
    );
    // orders still denies its own egress to billing, so nothing leaks yet.
    expect(tenantToTenant).toEqual([]);
    const fromController = crossNamespaceReachable(
      policies,
      [ingressController, billingApi],
      8080,
    );
    expect(fromController[0].verdict.ingress.allowedBy).toEqual([
      'billing/allow-same-namespace',
      'billing/allow-all-namespaces',
    ]);
  });

  it('honours the protocol', () => {
    const udpOnly = policy('billing', 'udp-only', {
      podSelector: {},
      ingress: [{ ports: [{ protocol: 'UDP' }] }],
    });
    expect(
      pairs(
        crossNamespaceReachable([udpOnly], [ordersApi, billingApi], 53, 'TCP'),
      ),
    ).toEqual(['billing/api -> orders/api']);
    expect(
      crossNamespaceReachable([udpOnly], [ordersApi, billingApi], 53, 'UDP'),
    ).toHaveLength(2);
  });
});
