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
  // GitOps: the controllers' objects and what carries their tracking labels.
  ['gitops', '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications', true],
  ['gitops', '/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations', true],
  ['gitops', '/apis/argoproj.io/v1alpha1/appprojects', false],
  ['gitops', '/api/v1/namespaces/payments/pods', false],
  // Evidence: the Pod, its events and the bounded previous log only.
  ['evidence', '/api/v1/namespaces/payments/events', true],
  [
    'evidence',
    '/api/v1/namespaces/payments/pods/ledger-worker-1/log?container=w&previous=true&tailLines=100&limitBytes=65536',
    true,
  ],
  [
    'evidence',
    '/api/v1/namespaces/payments/pods/ledger-worker-1/log?container=w&previous=true',
    false,
  ],
  [
    'evidence',
    '/api/v1/namespaces/payments/pods/ledger-worker-1/log?container=w&tailLines=100&limitBytes=65536',
    false,
  ],
  [
    'health',
    '/api/v1/namespaces/payments/pods/ledger-worker-1/log?container=w&previous=true&tailLines=100&limitBytes=65536',
    false,
  ],
  ['evidence', '/api/v1/namespaces/payments/configmaps', false],
  // Drift: any kind Paved renders, still never a Secret or a subresource.
  ['drift', '/api/v1/namespaces/payments/configmaps/grafana-ds', true],
  ['drift', '/apis/gateway.networking.k8s.io/v1/namespaces/a/httproutes', true],
  ['drift', '/api/v1/namespaces/payments/secrets/db', false],
  ['drift', '/api/v1/namespaces/payments/pods/x/exec', false],
];

describe('per-feature read allow-list', () => {
  it.each(cases)('%s GET %s: %s', (feature, path, allowed) => {
    expect(isAllowedRead(feature, path)).toBe(allowed);
  });
});
