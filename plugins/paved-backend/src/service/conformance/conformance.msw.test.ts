import { Entity } from '@backstage/catalog-model';
import { setupServer } from 'msw/node';
import {
  ago,
  kubernetesBackendHandlers,
  list,
  SeenRequest,
  servicesFor,
} from '../__testUtils__/kubernetesMsw';

/*
 * Every conformance rule through ConformanceService and the real
 * ClusterAccess, the Kubernetes backend replaced by msw serving real-shaped
 * objects: a production namespace that mostly conforms, a development one
 * that does not, and one the cluster does not have.
 */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const tenant: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'shop',
    namespace: 'default',
    annotations: {
      'paved.dev/tier': '3',
      'paved.dev/namespaces': 'shop-prod, shop-dev, shop-missing',
    },
  },
  spec: { type: 'kubernetes-tenant', owner: 'group:default/team-shop' },
};
const ref = { kind: 'Resource', namespace: 'default', name: 'shop' };

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const hardened = (name: string, image: string) => ({
  name,
  image,
  resources: {
    requests: { cpu: '100m', memory: '128Mi' },
    limits: { cpu: '1', memory: '256Mi' },
  },
  livenessProbe: { httpGet: { path: '/live', port: 8080 } },
  readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
  securityContext: {
    runAsNonRoot: true,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
  },
});
const deployment = (ns: string, name: string, containers: object[]) => ({
  metadata: {
    name,
    namespace: ns,
    uid: `uid-${ns}-${name}`,
    generation: 1,
    creationTimestamp: ago(600),
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers },
    },
  },
  // No status: the controller has not reported yet; the rules read the spec.
});
const namespace = (name: string, labels?: Record<string, string>) => ({
  kind: 'Namespace',
  apiVersion: 'v1',
  metadata: {
    name,
    uid: `uid-${name}`,
    creationTimestamp: ago(10_000),
    // A namespace created without labels has none but this one.
    labels: { 'kubernetes.io/metadata.name': name, ...labels },
  },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
});

const PROD = {
  '/api/v1/namespaces/shop-prod': namespace('shop-prod', {
    'pod-security.kubernetes.io/enforce': 'restricted',
    'pod-security.kubernetes.io/warn': 'restricted',
  }),
  '/apis/apps/v1/namespaces/shop-prod/deployments': list(
    'apps/v1',
    'Deployment',
    [
      // Pinned by tag only, and no PDB selects it.
      deployment('shop-prod', 'api', [
        hardened('api', 'ghcr.io/shop/api:2.1.0'),
      ]),
      deployment('shop-prod', 'worker', [
        hardened('worker', `ghcr.io/shop/worker:2.1.0@${DIGEST}`),
      ]),
    ],
  ),
  '/api/v1/namespaces/shop-prod/resourcequotas': list('v1', 'ResourceQuota', [
    {
      metadata: { name: 'quota', namespace: 'shop-prod' },
      spec: { hard: { 'requests.cpu': '8', 'requests.memory': '16Gi' } },
      status: { hard: { 'requests.cpu': '8' }, used: { 'requests.cpu': '1' } },
    },
  ]),
  '/api/v1/namespaces/shop-prod/limitranges': list('v1', 'LimitRange', [
    {
      metadata: { name: 'defaults', namespace: 'shop-prod' },
      spec: {
        limits: [
          { type: 'Container', default: { cpu: '500m', memory: '256Mi' } },
        ],
      },
    },
  ]),
  '/apis/networking.k8s.io/v1/namespaces/shop-prod/networkpolicies': list(
    'networking.k8s.io/v1',
    'NetworkPolicy',
    [
      {
        metadata: { name: 'default-deny', namespace: 'shop-prod' },
        spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      },
    ],
  ),
  '/apis/policy/v1/namespaces/shop-prod/poddisruptionbudgets': list(
    'policy/v1',
    'PodDisruptionBudget',
    [
      {
        metadata: { name: 'worker', namespace: 'shop-prod' },
        spec: {
          maxUnavailable: 1,
          selector: { matchLabels: { app: 'worker' } },
        },
        status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2 },
      },
    ],
  ),
  // The Deployments' Pods, covered by their templates.
  '/api/v1/namespaces/shop-prod/pods': list('v1', 'Pod', [
    {
      metadata: {
        name: 'api-7d9-x1',
        namespace: 'shop-prod',
        labels: { app: 'api' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: 'api-7d9',
            uid: 'uid-rs',
            controller: true,
          },
        ],
      },
      spec: { containers: [hardened('api', 'ghcr.io/shop/api:2.1.0')] },
      status: { phase: 'Running' },
    },
  ]),
};

const DEV = {
  '/api/v1/namespaces/shop-dev': namespace('shop-dev'),
  '/apis/networking.k8s.io/v1/namespaces/shop-dev/networkpolicies': list(
    'networking.k8s.io/v1',
    'NetworkPolicy',
    [
      {
        // Selects every pod but only denies ingress: egress stays open.
        metadata: { name: 'deny-ingress', namespace: 'shop-dev' },
        spec: { podSelector: {} },
      },
    ],
  ),
  '/api/v1/namespaces/shop-dev/pods': list('v1', 'Pod', [
    {
      // A bare debugging Pod: root, unpinned, no limits, no probes.
      metadata: { name: 'debug', namespace: 'shop-dev' },
      spec: {
        restartPolicy: 'Always',
        containers: [
          {
            name: 'shell',
            image: 'busybox',
            securityContext: { runAsUser: 0 },
          },
        ],
      },
      status: { phase: 'Running' },
    },
    {
      // A Job's Pod runs to completion: probes are not asked of it.
      metadata: {
        name: 'migrate-abcde',
        namespace: 'shop-dev',
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'Job',
            name: 'migrate',
            uid: 'j',
            controller: true,
          },
        ],
      },
      spec: {
        restartPolicy: 'Never',
        containers: [hardened('migrate', 'ghcr.io/shop/migrate:latest')].map(
          ({ livenessProbe: _l, readinessProbe: _r, ...c }) => c,
        ),
      },
      status: { phase: 'Succeeded' },
    },
  ]),
};

const failing = (summary: any, id: string): string[] =>
  summary.rules
    .find((r: any) => r.id === id)
    .failures.map(
      (f: any) =>
        `${f.object.kind} ${f.object.namespace ?? ''}/${f.object.name}${
          f.object.container ? ` (${f.object.container})` : ''
        }`,
    );

describe('conformance against real-shaped API responses', () => {
  it('checks every rule of tier 3 and names the failing objects', async () => {
    const seen: SeenRequest[] = [];
    server.use(
      ...kubernetesBackendHandlers({ east: { ...PROD, ...DEV } }, seen),
    );
    const { conformance, request } = servicesFor([tenant]);
    const res = await conformance.entityConformance(ref, request);
    expect(res).toMatchObject({
      tier: 3,
      scope: 'tenant',
      namespaces: ['shop-prod', 'shop-dev', 'shop-missing'],
    });
    const [east] = res.clusters;
    if (!east.ok) throw new Error(east.error.message);
    const summary = east.data;
    expect(summary.missingNamespaces).toEqual(['shop-missing']);
    expect([...summary.namespaces].sort()).toEqual(['shop-dev', 'shop-prod']);
    expect(summary.productionNamespaces).toEqual(['shop-prod']);

    expect(failing(summary, 'pod-security-labels')).toEqual([
      'Namespace /shop-dev',
    ]);
    expect(failing(summary, 'namespace-resource-quota')).toEqual([
      'Namespace /shop-dev',
    ]);
    expect(failing(summary, 'namespace-limit-range')).toEqual([
      'Namespace /shop-dev',
    ]);
    expect(failing(summary, 'namespace-default-deny')).toEqual([
      'Namespace /shop-dev',
    ]);
    expect(failing(summary, 'image-tag-pinned')).toEqual([
      'Pod shop-dev/debug (shell)',
      'Pod shop-dev/migrate-abcde (migrate)',
    ]);
    expect(failing(summary, 'resources-requests-limits')).toEqual([
      'Pod shop-dev/debug (shell)',
    ]);
    expect(failing(summary, 'run-as-non-root')).toEqual([
      'Pod shop-dev/debug (shell)',
    ]);
    expect(failing(summary, 'read-only-root-filesystem')).toEqual([
      'Pod shop-dev/debug (shell)',
    ]);
    expect(failing(summary, 'drop-all-capabilities')).toEqual([
      'Pod shop-dev/debug (shell)',
    ]);
    // The Job's Pod is not asked for probes; the debugging Pod is.
    expect(failing(summary, 'health-probes')).toEqual([
      'Pod shop-dev/debug (shell)',
    ]);
    // Production only: the api Deployment has no PDB and no digest.
    expect(failing(summary, 'production-pdb')).toEqual([
      'Deployment shop-prod/api',
    ]);
    expect(failing(summary, 'production-image-digest')).toEqual([
      'Deployment shop-prod/api (api)',
    ]);

    // The Deployment's own Pod is covered by its template, not counted again.
    const resources = summary.rules.find(
      r => r.id === 'resources-requests-limits',
    )!;
    expect(resources.checks).toBe(4);
    // Each failure says what is wrong, for people.
    const deny = summary.rules.find(r => r.id === 'namespace-default-deny')!;
    expect(deny.failures[0].message).toMatch(/egress/i);
    const root = summary.rules.find(r => r.id === 'run-as-non-root')!;
    expect(root.failures[0].message).toMatch(/UID 0/);
    expect(summary.score).toBeCloseTo(summary.passed / summary.checks, 3);
    expect(summary.rules.every(r => r.applies)).toBe(true);

    // Read-only and scoped: the namespaces, then their kinds; never Secrets.
    expect(seen.every(s => s.cluster === 'east')).toBe(true);
    expect(seen.filter(s => /secret/i.test(s.path))).toEqual([]);
    expect(
      seen.every(s =>
        /\/namespaces\/shop-(prod|dev|missing)(\/|$)/.test(s.path),
      ),
    ).toBe(true);
    expect(
      seen.filter(s => s.path.startsWith('/api/v1/namespaces/shop-missing/')),
    ).toEqual([]);
  });

  it('has nothing to check in a namespace that is empty and unlabelled, and says so per rule', async () => {
    server.use(
      ...kubernetesBackendHandlers({
        east: { '/api/v1/namespaces/shop-prod': namespace('shop-prod') },
      }),
    );
    const only: Entity = {
      ...tenant,
      metadata: {
        ...tenant.metadata,
        annotations: {
          'paved.dev/tier': '1',
          'paved.dev/namespaces': 'shop-prod',
        },
      },
    };
    const { conformance, request } = servicesFor([only]);
    const [east] = (await conformance.entityConformance(ref, request)).clusters;
    if (!east.ok) throw new Error(east.error.message);
    const byId = Object.fromEntries(east.data.rules.map(r => [r.id, r]));
    // Tier 1 asks for Pod Security labels but not for quotas.
    expect(byId['pod-security-labels']).toMatchObject({
      applies: true,
      failed: 1,
    });
    expect(byId['namespace-resource-quota']).toMatchObject({
      applies: false,
      checks: 0,
    });
    // No containers at all: container rules have nothing to score.
    expect(byId['resources-requests-limits']).toMatchObject({
      applies: true,
      checks: 0,
      score: null,
    });
  });
});
