import { Entity } from '@backstage/catalog-model';

const component = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': name, ...annotations },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
});

/** Components for the Crossplane route tests: one per fixture case. */
export const CROSSPLANE_ENTITIES = [
  component('payments-api'),
  component('ledger-worker', {
    'backstage.io/kubernetes-namespace': 'payments',
  }),
  component('checkout-web'),
  component('annotated', {
    'backstage.io/kubernetes-id': 'nothing-labelled',
    'paved.dev/crossplane-cluster': 'paved-local',
    'paved.dev/crossplane-namespace': 'payments',
    'paved.dev/crossplane-claims': [
      'PostgreSQLInstance.platform.paved.dev/ledger-db',
      'Bucket.platform.paved.dev/checkout/gone',
      'Widget.example.org/payments/w',
      'not-a-reference',
    ].join(', '),
  }),
  component('faulty', {
    'backstage.io/kubernetes-id': 'faulty',
    'backstage.io/kubernetes-namespace': 'payments',
  }),
  component('empty', { 'backstage.io/kubernetes-id': 'nothing-labelled' }),
];
