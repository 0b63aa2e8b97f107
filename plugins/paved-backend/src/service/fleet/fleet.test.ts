/*
 * The fleet route through the real Kubernetes backend and the test double:
 * one row per configured cluster, worst first, a failing or hanging cluster
 * as its own error row beside the others, and the permissions per user.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { startPavedTestBackend } from '../../__testUtils__/testBackend';

// The first proxy call loads @kubernetes/client-node through Jest's transform.
jest.setTimeout(90_000);

const TIMEOUT_MS = 3000;
const auth = { Authorization: mockCredentials.user.header() };

const clusterResource = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform-team' },
});

const ENTITIES = [
  clusterResource('paved-local', {
    'paved.dev/tier': '2',
    'paved.dev/provider': 'kind',
  }),
  clusterResource('calm'),
];

/** One Ready node and nothing else: the healthiest cluster there is. */
const CALM_OBJECTS: any[] = [
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'calm-1', labels: {} },
    spec: {},
    status: {
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      allocatable: { cpu: '8', memory: '16Gi', pods: '110' },
      capacity: { cpu: '8', memory: '16Gi', pods: '110' },
      nodeInfo: { kubeletVersion: 'v1.30.6' },
    },
  },
];

describe('GET /api/paved/fleet', () => {
  let local: KubernetesApiTestDouble;
  let calm: KubernetesApiTestDouble;
  let faulty: KubernetesApiTestDouble;

  beforeAll(async () => {
    [local, calm, faulty] = await Promise.all([
      startKubernetesApiTestDouble({ port: 0 }),
      startKubernetesApiTestDouble({
        port: 0,
        fixturesDir: false,
        objects: CALM_OBJECTS,
        clusterName: 'calm',
      }),
      startKubernetesApiTestDouble({ port: 0 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([local.close(), calm.close(), faulty.close()]);
  });
  afterEach(() => faulty.clearFaults());

  const backend = (
    permissions?: NonNullable<
      Parameters<typeof startPavedTestBackend>[2]
    >['permissions'],
  ) =>
    startPavedTestBackend(
      ENTITIES,
      [
        { name: 'paved-local', url: local.url },
        { name: 'calm', url: calm.url },
        { name: 'faulty', url: faulty.url },
      ],
      { clusterTimeoutMs: TIMEOUT_MS, permissions },
    );

  /** Until the proxy answers, so timings measure clusters, not module loading. */
  async function warm(server: any) {
    for (let i = 0; i < 5; i++) {
      const res = await request(server).get('/api/paved/fleet').set(auth);
      if (res.body.clusters?.every((c: any) => c.readiness !== 'error')) return;
    }
  }

  it('lists every configured cluster, worst first, with its columns', async () => {
    const { server } = await backend();
    await warm(server);
    local.clearRequests();
    const res = await request(server).get('/api/paved/fleet').set(auth);
    expect(res.status).toBe(200);
    const rows = res.body.clusters;
    expect(rows.map((r: any) => r.cluster)).toEqual([
      'paved-local',
      'faulty',
      'calm',
    ]);
    // paved-local and faulty serve the same fixtures; the tier sorts them
    // apart only by score, so check the row contents instead of that order.
    const byName = Object.fromEntries(rows.map((r: any) => [r.cluster, r]));
    expect(byName.calm).toMatchObject({
      readiness: 'ready',
      entityRef: 'resource:default/calm',
      owner: 'group:default/platform-team',
      health: {
        nodes: { total: 1, ready: 1, notReady: 0, pressure: 0, cordoned: 0 },
        kubeletVersions: ['v1.30.6'],
        allocatable: { cpu: 8, memory: 16 * 1024 ** 3 },
      },
    });
    expect(byName.calm.tier).toBeUndefined();
    expect(byName.calm.conformance).toBeUndefined();
    const pavedLocal = byName['paved-local'];
    expect(pavedLocal).toMatchObject({
      readiness: 'not-ready',
      tier: 2,
      provider: 'kind',
      conformance: { ok: true, tier: 2 },
    });
    expect(pavedLocal.health.nodes.total).toBe(4);
    expect(pavedLocal.health.nodes.notReady).toBeGreaterThan(0);
    expect(pavedLocal.health.nodes.pressure).toBeGreaterThan(0);
    expect(pavedLocal.health.worstProblems[0].severity).toBe('critical');
    expect(typeof pavedLocal.conformance.score).toBe('number');
    // Cost is allowed by the mock policy; the double's OpenCost answers.
    expect(pavedLocal.cost).toMatchObject({ ok: true, currency: 'USD' });
    // Read-only, and never a Secret.
    expect(local.requests.length).toBeGreaterThan(0);
    expect(local.requests.filter(r => r.method !== 'GET')).toEqual([]);
    expect(local.requests.filter(r => /\/secrets\b/.test(r.path))).toEqual([]);
  });

  it('reads the Pods of a tiered cluster once for health and conformance', async () => {
    const { server } = await backend();
    await warm(server);
    local.clearRequests();
    const res = await request(server).get('/api/paved/fleet').set(auth);
    const row = res.body.clusters.find((r: any) => r.cluster === 'paved-local');
    // Both columns came from that one read.
    expect(row.health.nodes.total).toBe(4);
    expect(row.conformance).toMatchObject({ ok: true, tier: 2 });
    const podLists = local.requests.filter(r => r.path === '/api/v1/pods');
    expect(podLists).toHaveLength(1);
    // The other lists are each read once too: nothing else doubled.
    const paths = local.requests.map(
      r => `${r.path}?${r.query.continue ?? ''}`,
    );
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('still reads every Pod page once when the list is paged', async () => {
    const { server } = await startPavedTestBackend(
      ENTITIES,
      [{ name: 'paved-local', url: local.url }],
      { clusterTimeoutMs: TIMEOUT_MS, health: { pageSize: 5 } },
    );
    await warm(server);
    local.clearRequests();
    const res = await request(server).get('/api/paved/fleet').set(auth);
    const [row] = res.body.clusters;
    expect(row.conformance).toMatchObject({ ok: true, tier: 2 });
    const pages = local.requests.filter(r => r.path === '/api/v1/pods');
    // More than one page, and each page (by its continue token) asked once.
    expect(pages.length).toBeGreaterThan(1);
    const tokens = pages.map(r => r.query.continue ?? '');
    expect(new Set(tokens).size).toBe(pages.length);
    // Health summed every Pod's requests, as its own route (a lone read) does.
    const alone = await request(server)
      .get('/api/paved/health/cluster/paved-local')
      .set(auth);
    expect(row.health.requested).toEqual(
      alone.body.cluster.data.capacity.requested,
    );
    expect(row.health.requested.cpu).toBeGreaterThan(0);
  });

  it('shows a cluster answering 500 as its own error row, first, beside the others', async () => {
    const { server } = await backend();
    await warm(server);
    faulty.failNext('/api/v1/nodes', 500, { message: 'etcd is on fire' });
    const res = await request(server).get('/api/paved/fleet').set(auth);
    expect(res.status).toBe(200);
    const [first, ...rest] = res.body.clusters;
    expect(first).toMatchObject({
      cluster: 'faulty',
      readiness: 'error',
      error: {
        name: 'ClusterRequestError',
        statusCode: 500,
        message: expect.stringContaining('etcd is on fire'),
      },
    });
    expect(first.health).toBeUndefined();
    expect(rest.map((r: any) => [r.cluster, r.readiness])).toEqual([
      ['paved-local', 'not-ready'],
      ['calm', 'ready'],
    ]);
  });

  it.each([401, 403, 404, 410])(
    'shows HTTP %i from one cluster in its own row, the others read',
    async status => {
      const { server } = await backend();
      await warm(server);
      faulty.failNext('/api/v1/nodes', status, {
        message: `fault ${status}`,
      });
      const res = await request(server).get('/api/paved/fleet').set(auth);
      expect(res.status).toBe(200);
      expect(res.body.clusters[0]).toMatchObject({
        cluster: 'faulty',
        readiness: 'error',
        error: {
          statusCode: status,
          message: expect.stringContaining(`fault ${status}`),
        },
      });
      expect(res.body.clusters.slice(1).map((r: any) => r.readiness)).toEqual([
        'not-ready',
        'ready',
      ]);
    },
  );

  it('does not wait for a cluster that hangs longer than its timeout', async () => {
    const { server } = await backend();
    await warm(server);
    faulty.hangNext('/api/v1/pods');
    const started = Date.now();
    const res = await request(server).get('/api/paved/fleet').set(auth);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    const faultyRow = res.body.clusters.find(
      (r: any) => r.cluster === 'faulty',
    );
    expect(faultyRow).toMatchObject({
      readiness: 'error',
      error: { name: 'ClusterTimeoutError' },
    });
    expect(
      res.body.clusters
        .filter((r: any) => r.cluster !== 'faulty')
        .every((r: any) => r.health),
    ).toBe(true);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 3000);
  });

  it('keeps the health columns when only the conformance read fails', async () => {
    const { server } = await backend();
    await warm(server);
    // Conformance lists Deployments; the cluster health read does not.
    local.failNext('/apis/apps/v1/deployments', 500, {
      message: 'deployments unavailable',
    });
    try {
      const res = await request(server).get('/api/paved/fleet').set(auth);
      const row = res.body.clusters.find(
        (r: any) => r.cluster === 'paved-local',
      );
      expect(row.readiness).toBe('not-ready');
      expect(row.health.nodes.total).toBe(4);
      expect(row.conformance).toEqual({
        ok: false,
        message: expect.stringContaining('deployments unavailable'),
      });
    } finally {
      local.clearFaults();
      // Reads the failed conformance already sent still reach the double:
      // let them land before the next test counts requests.
      await new Promise(r => setTimeout(r, 1000));
    }
  });

  it('serves a repeat from its per-user cache, never to another user, and never past a permission change', async () => {
    let aliceMayRead = true;
    const { server } = await startPavedTestBackend(
      ENTITIES,
      [
        { name: 'paved-local', url: local.url },
        { name: 'calm', url: calm.url },
      ],
      {
        clusterTimeoutMs: TIMEOUT_MS,
        health: { cacheTtl: { seconds: 60 } },
        permissions: (name: string, user?: string) =>
          name === 'paved.health.read' &&
          (user === 'user:default/bob' ||
            (user === 'user:default/alice' && !aliceMayRead))
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      },
    );
    const as = (user: string) => ({
      Authorization: mockCredentials.user.header(`user:default/${user}`),
    });
    const first = await request(server)
      .get('/api/paved/fleet')
      .set(as('alice'));
    expect(first.body.clusters.every((r: any) => r.health)).toBe(true);
    local.clearRequests();
    calm.clearRequests();
    const again = await request(server)
      .get('/api/paved/fleet')
      .set(as('alice'));
    expect(again.body).toEqual(first.body);
    expect([...local.requests, ...calm.requests]).toEqual([]);

    // Bob may not read health: his rows say so, nothing of Alice's answer.
    const bob = await request(server).get('/api/paved/fleet').set(as('bob'));
    for (const row of bob.body.clusters) {
      expect(row.health).toBeUndefined();
      expect(row.error.statusCode).toBe(403);
    }

    // Alice loses the permission: the next answer follows at once.
    aliceMayRead = false;
    const revoked = await request(server)
      .get('/api/paved/fleet')
      .set(as('alice'));
    expect(revoked.body.clusters.every((r: any) => !r.health)).toBe(true);
  });

  it('answers 403 without paved.fleet.read', async () => {
    const { server } = await backend((name: string) =>
      name === 'paved.fleet.read'
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    );
    const res = await request(server).get('/api/paved/fleet').set(auth);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/paved\.fleet\.read/);
  });

  it('keeps clusters the user may not read health of, and cost, out of the rows', async () => {
    const { server } = await backend((name: string) =>
      name === 'paved.health.read' || name === 'paved.cost.read'
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    );
    local.clearRequests();
    const res = await request(server).get('/api/paved/fleet').set(auth);
    expect(res.status).toBe(200);
    expect(res.body.clusters).toHaveLength(3);
    for (const row of res.body.clusters) {
      expect(row).toMatchObject({
        readiness: 'error',
        error: {
          statusCode: 403,
          message: expect.stringMatching(/paved\.health\.read/),
        },
      });
      expect(row.health).toBeUndefined();
      expect(row.cost).toBeUndefined();
    }
    expect(local.requests).toEqual([]);
  });
});
