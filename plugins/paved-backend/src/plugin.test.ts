import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEFAULT_VIEWER_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { startPavedTestBackend } from './__testUtils__/testBackend';
import { Entity } from '@backstage/catalog-model';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

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

const ENTITIES = [
  component('payments-api'),
  component('ledger-worker', {
    'backstage.io/kubernetes-namespace': 'payments',
  }),
];

const startBackend = (
  clusters: Parameters<typeof startPavedTestBackend>[1],
  extra?: Parameters<typeof startPavedTestBackend>[2],
) => startPavedTestBackend(ENTITIES, clusters, extra);

const asUser = { Authorization: mockCredentials.user.header() };

// The first test loads @kubernetes/client-node through Jest's transform.
jest.setTimeout(60_000);

describe('paved backend health routes', () => {
  let primary: Double;
  let secondary: Double;

  beforeAll(async () => {
    primary = await startKubernetesApiTestDouble({ port: 0 });
    secondary = await startKubernetesApiTestDouble({ port: 0 });
  });
  afterAll(async () => {
    await primary.close();
    await secondary.close();
  });
  beforeEach(() => {
    primary.clearRequests();
    primary.clearFaults();
    secondary.clearRequests();
    secondary.clearFaults();
  });

  it('reports ledger-worker: crash loop and pending Pod with reason and runbooks', async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
    ]);
    const res = await request(server)
      .get('/api/paved/health/entity/default/component/ledger-worker')
      .set(asUser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/ledger-worker',
      labelSelector: 'backstage.io/kubernetes-id=ledger-worker',
      namespace: 'payments',
    });
    const [cluster] = res.body.clusters;
    expect(cluster).toMatchObject({ cluster: 'paved-local', ok: true });
    expect(cluster.apiLatency.calls).toBeGreaterThanOrEqual(6);
    const problems: any[] = cluster.data.problems;
    expect(problems.find(p => p.reason === 'CrashLoopBackOff')).toMatchObject({
      object: { name: 'ledger-worker-1' },
      runbook: {
        id: 'crashloopbackoff',
        url: '/docs/default/system/paved/runbooks/crashloopbackoff/',
      },
    });
    expect(problems.find(p => p.signal === 'pod-pending')).toMatchObject({
      object: { name: 'ledger-worker-2' },
      message: expect.stringContaining('Insufficient memory'),
      runbook: { id: 'pod-pending' },
    });
    // Summaries only: nothing of the raw objects travels.
    expect(JSON.stringify(res.body)).not.toMatch(
      /managedFields|"spec"|"metadata"/,
    );
    // Lists were scoped to the namespace and selector, and paged: the Pods
    // that are not Running in full, all Pods as a Table (the Accept header
    // crossed the Kubernetes backend's proxy), then the Running Pod that is
    // not plainly healthy fetched in full.
    const podLists = primary.requests.filter(r => r.path.endsWith('/pods'));
    expect(podLists).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: '/api/v1/namespaces/payments/pods',
          query: {
            labelSelector: 'backstage.io/kubernetes-id=ledger-worker',
            limit: '500',
            fieldSelector: 'status.phase!=Running,status.phase!=Succeeded',
          },
          accept: 'application/json',
        }),
        expect.objectContaining({
          path: '/api/v1/namespaces/payments/pods',
          query: {
            labelSelector: 'backstage.io/kubernetes-id=ledger-worker',
            limit: '2000',
            includeObject: 'None',
          },
          accept: expect.stringContaining('as=Table'),
        }),
      ]),
    );
    expect(podLists).toHaveLength(2);
    const deployments = primary.requests.find(r =>
      r.path.endsWith('/deployments'),
    );
    expect(deployments?.query).toMatchObject({
      labelSelector: 'backstage.io/kubernetes-id=ledger-worker',
      limit: '500',
    });
    const oneByOne = primary.requests
      .filter(r => r.path.startsWith('/api/v1/namespaces/payments/pods/'))
      .map(r => r.path.split('/').pop());
    // ledger-worker-2 is Pending: it came with the list of Pods not Running.
    expect(oneByOne).toEqual(['ledger-worker-1']);
    expect(cluster.data.pods.uninspected).toBeUndefined();
  });

  it('reports payments-api OOMKilled restarts across every cluster, without asking for Secrets', async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
      { name: 'paved-second', url: secondary.url },
    ]);
    const res = await request(server)
      .get('/api/paved/health/entity/default/component/payments-api')
      .set(asUser);
    expect(res.status).toBe(200);
    expect(res.body.clusters.map((c: any) => [c.cluster, c.ok])).toEqual([
      ['paved-local', true],
      ['paved-second', true],
    ]);
    const oom = res.body.clusters[0].data.problems.find(
      (p: any) => p.signal === 'oom-killed',
    );
    expect(oom).toMatchObject({
      object: { name: 'payments-api-7c9d8f6b5d-tq9mc' },
      count: 2,
      runbook: { id: 'oomkilled' },
    });
    for (const double of [primary, secondary]) {
      expect(double.requests.length).toBeGreaterThan(0);
      expect(double.requests.filter(r => /secrets/i.test(r.path))).toEqual([]);
      expect(double.requests.every(r => r.method === 'GET')).toBe(true);
    }
  });

  it('reports the NotReady and MemoryPressure nodes of a cluster', async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
    ]);
    const res = await request(server)
      .get('/api/paved/health/cluster/paved-local')
      .set(asUser);
    expect(res.status).toBe(200);
    const { cluster } = res.body;
    expect(cluster.ok).toBe(true);
    expect(cluster.data.controlPlaneVersion).toBe('v1.30.6');
    expect(cluster.data.nodes).toMatchObject({
      total: 4,
      ready: 3,
      unknown: 1,
      cordoned: 1,
    });
    const problems: any[] = cluster.data.problems;
    expect(problems.find(p => p.signal === 'node-not-ready')).toMatchObject({
      object: { name: 'paved-local-worker-c' },
      runbook: { id: 'node-not-ready' },
    });
    expect(problems.find(p => p.signal === 'node-pressure')).toMatchObject({
      object: { name: 'paved-local-worker-b' },
      reason: 'MemoryPressure',
      runbook: { id: 'evicted-pods' },
    });
    expect(cluster.apiLatency.calls).toBeGreaterThanOrEqual(4);
    expect(primary.requests.filter(r => /secrets/i.test(r.path))).toEqual([]);
  });

  it('answers 404 for a cluster the Kubernetes backend does not list, without calling it', async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
    ]);
    const res = await request(server)
      .get('/api/paved/health/cluster/elsewhere')
      .set(asUser);
    expect(res.status).toBe(404);
    expect(primary.requests).toEqual([]);
  });

  it('puts a failing cluster and a hanging cluster beside the healthy one', async () => {
    const third = await startKubernetesApiTestDouble({ port: 0 });
    try {
      const { server } = await startBackend(
        [
          { name: 'paved-local', url: primary.url },
          { name: 'broken', url: secondary.url },
          { name: 'slow', url: third.url },
        ],
        { clusterTimeoutMs: 1000 },
      );
      // Warm up until the proxy answers, so the 1 s timeout measures the
      // cluster rather than loading @kubernetes/client-node (no cache here).
      for (let i = 0; i < 5; i++) {
        const warm = await request(server)
          .get('/api/paved/health/cluster/paved-local')
          .set(asUser);
        if (warm.body.cluster?.ok) break;
      }
      secondary.failNext('/api/v1/namespaces/payments/pods', 500, {
        message: 'etcd is down',
      });
      third.hangNext('/api/v1/namespaces/payments/pods');
      const started = Date.now();
      const res = await request(server)
        .get('/api/paved/health/entity/default/component/ledger-worker')
        .set(asUser);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(res.status).toBe(200);
      const byName = Object.fromEntries(
        res.body.clusters.map((c: any) => [c.cluster, c]),
      );
      expect(byName['paved-local'].ok).toBe(true);
      expect(byName['paved-local'].data.problems.length).toBeGreaterThan(0);
      expect(byName.broken).toMatchObject({
        ok: false,
        error: {
          statusCode: 500,
          message: expect.stringContaining('etcd is down'),
        },
      });
      expect(byName.slow).toMatchObject({
        ok: false,
        error: { name: 'ClusterTimeoutError' },
      });
    } finally {
      await third.close();
    }
  });

  it('answers 403 on every route to a user denied paved.health.read', async () => {
    const { server } = await startBackend(
      [{ name: 'paved-local', url: primary.url }],
      {
        permissions: AuthorizeResult.DENY,
      },
    );
    for (const path of [
      '/api/paved/health/entity/default/component/payments-api',
      '/api/paved/health/cluster/paved-local',
    ]) {
      const res = await request(server).get(path).set(asUser);
      expect(res.status).toBe(403);
    }
    expect(primary.requests).toEqual([]);
  });

  it('refuses service callers: health is read on behalf of a user', async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
    ]);
    const res = await request(server)
      .get('/api/paved/health/cluster/paved-local')
      .set({ Authorization: mockCredentials.service.header() });
    expect(res.status).toBe(403);
  });

  it("forwards the user's own cluster token for OIDC clusters", async () => {
    const { server } = await startBackend([
      {
        name: 'user-token',
        url: primary.url,
        authProvider: 'oidc',
        oidcTokenProvider: 'okta',
        serviceAccountToken: undefined,
      },
    ]);
    const res = await request(server)
      .get('/api/paved/health/cluster/user-token')
      .set(asUser)
      .set(
        'Backstage-Kubernetes-Authorization-oidc-okta',
        DEFAULT_VIEWER_TOKEN,
      );
    expect(res.status).toBe(200);
    expect(res.body.cluster.ok).toBe(true);
    const users = new Set(primary.requests.map(r => r.user));
    expect([...users]).toEqual([
      'system:serviceaccount:kube-system:paved-viewer',
    ]);
  });

  it('reports a per-cluster error when the user brings no cluster token', async () => {
    const { server } = await startBackend([
      {
        name: 'user-token',
        url: primary.url,
        authProvider: 'oidc',
        oidcTokenProvider: 'okta',
        serviceAccountToken: undefined,
      },
    ]);
    const res = await request(server)
      .get('/api/paved/health/cluster/user-token')
      .set(asUser);
    expect(res.status).toBe(200);
    expect(res.body.cluster).toMatchObject({
      ok: false,
      error: { name: 'ClusterRequestError' },
    });
  });

  it('reuses an answer for the same user within the cache TTL', async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
    ]);
    const path = '/api/paved/health/cluster/paved-local';
    const first = await request(server).get(path).set(asUser);
    const calls = primary.requests.length;
    const second = await request(server).get(path).set(asUser);
    expect(second.body).toEqual(first.body);
    expect(primary.requests.length).toBe(calls);
    // Another user computes their own answer, with their own permissions.
    await request(server)
      .get(path)
      .set({
        Authorization: mockCredentials.user.header('user:default/someone-else'),
      });
    expect(primary.requests.length).toBeGreaterThan(calls);
  });

  it('reads for a developer whom the Kubernetes backend denies kubernetes.proxy', async () => {
    // The portal's policy for non-admins: Paved's reads allowed, the proxy
    // (exec, pod delete) denied. Paved reads through the proxy as itself.
    const { server } = await startBackend(
      [{ name: 'paved-local', url: primary.url }],
      {
        permissions: name =>
          name === 'kubernetes.proxy'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      },
    );
    const res = await request(server)
      .get('/api/paved/health/cluster/paved-local')
      .set(asUser);
    expect(res.status).toBe(200);
    expect(res.body.cluster).toMatchObject({ ok: true });
    expect(primary.requests.length).toBeGreaterThan(0);
    expect(primary.requests.every(r => r.method === 'GET')).toBe(true);
    // The same developer still cannot use the proxy themselves.
    const own = await request(server)
      .get('/api/kubernetes/proxy/api/v1/namespaces/payments/pods')
      .set({ ...asUser, 'Backstage-Kubernetes-Cluster': 'paved-local' });
    expect(own.status).toBe(403);
  });

  it('answers 403 when the Kubernetes backend will not list clusters for the user', async () => {
    const { server } = await startBackend(
      [{ name: 'paved-local', url: primary.url }],
      {
        permissions: name =>
          name === 'kubernetes.clusters.read'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      },
    );
    const res = await request(server)
      .get('/api/paved/health/cluster/paved-local')
      .set(asUser);
    expect(res.status).toBe(403);
  });
});
