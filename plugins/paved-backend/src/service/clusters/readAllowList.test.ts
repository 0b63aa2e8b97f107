import { isAllowedRead, PavedFeature } from './readAllowList';

const cases: Array<[PavedFeature, string, boolean]> = [
  ['health', '/version', true],
  ['health', '/apis/apps/v1', true],
  ['health', '/api/v1/namespaces/payments/pods?labelSelector=app%3Dx', true],
  ['health', '/api/v1/namespaces/payments/pods/payments-api-1', true],
  ['health', '/api/v1/nodes', true],
  [
    'health',
    '/apis/autoscaling/v2/namespaces/payments/horizontalpodautoscalers',
    true,
  ],
  ['health', '/apis/metrics.k8s.io/v1beta1/namespaces/payments/pods', true],
  // Never logs, exec, port-forward or any other subresource.
  ['health', '/api/v1/namespaces/payments/pods/payments-api-1/log', false],
  [
    'health',
    '/api/v1/namespaces/payments/pods/payments-api-1/exec?command=sh',
    false,
  ],
  ['health', '/api/v1/nodes/worker-a/proxy/metrics', false],
  ['health', '/api/v1/namespaces/payments/secrets', false],
  ['health', '/api/v1/namespaces/payments/configmaps', false],
  ['health', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', false],
  [
    'health',
    '/apis/platform.paved.dev/v1alpha1/namespaces/payments/postgresqlinstances',
    false,
  ],
  ['conformance', '/api/v1/namespaces/payments', true],
  ['conformance', '/api/v1/namespaces/payments/resourcequotas', true],
  [
    'conformance',
    '/apis/networking.k8s.io/v1/namespaces/payments/networkpolicies',
    true,
  ],
  ['conformance', '/api/v1/nodes', false],
  [
    'cost',
    '/api/v1/namespaces/opencost/services/opencost:9003/proxy/allocation/compute?window=7d',
    true,
  ],
  [
    'cost',
    '/api/v1/namespaces/payments/services/payments-api:80/proxy/admin',
    true,
  ],
  ['cost', '/api/v1/namespaces/payments/pods/x/proxy/', false],
  [
    'health',
    '/api/v1/namespaces/opencost/services/opencost:9003/proxy/allocation',
    false,
  ],
  [
    'crossplane',
    '/apis/platform.paved.dev/v1alpha1/namespaces/payments/postgresqlinstances/db',
    true,
  ],
  ['crossplane', '/apis/rds.aws.upbound.io/v1beta1/instances/db-x', true],
  [
    'crossplane',
    '/api/v1/namespaces/payments/events?fieldSelector=involvedObject.uid%3Dx',
    true,
  ],
  ['crossplane', '/apis/apps/v1/namespaces/payments/deployments', false],
  ['crossplane', '/apis/rbac.authorization.k8s.io/v1/clusterroles', false],
  ['crossplane', '/api/v1/namespaces/payments/secrets/db-conn', false],
  ['crossplane', '/healthz', false],
];

describe('per-feature read allow-list', () => {
  it.each(cases)('%s GET %s: %s', (feature, path, allowed) => {
    expect(isAllowedRead(feature, path)).toBe(allowed);
  });
});
