import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import type { CostResponse } from '@paved/plugin-paved-common';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { startPavedTestBackend } from './__testUtils__/testBackend';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

// The first proxy call loads @kubernetes/client-node through Jest's transform.
jest.setTimeout(60_000);

const ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': 'payments-api' },
    },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'payments',
      namespace: 'default',
      annotations: {
        'paved.dev/tenant': 'payments',
        'paved.dev/namespaces': 'payments',
        'paved.dev/monthly-budget': '1',
      },
    },
    spec: { owner: 'team-payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'primary', namespace: 'default' },
    spec: { type: 'kubernetes-cluster', owner: 'platform' },
  },
  {
    apiVersion: 'backstage.io/v1',
    kind: 'Group',
    metadata: {
      name: 'payments-team',
      namespace: 'default',
      annotations: { 'paved.dev/cost-label': 'paved.dev/team=team-payments' },
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1',
    kind: 'Group',
    metadata: {
      name: 'badly-labelled',
      namespace: 'default',
      annotations: { 'paved.dev/cost-label': 'team' },
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'no-cost', namespace: 'default' },
    spec: { type: 'library', owner: 'platform', lifecycle: 'production' },
  },
];

const asUser = { Authorization: mockCredentials.user.header() };
const PROXY = '/api/v1/namespaces/opencost/services/opencost:9003/proxy';

/** A cluster without OpenCost: the fixtures minus its Service. */
async function startDoubleWithoutOpenCost(): Promise<Double> {
  const bare = await startKubernetesApiTestDouble({ port: 0 });
  bare.store.delete(
    bare.store.resourceFor('v1', 'Service'),
    'opencost',
    'opencost',
  );
  return bare;
}

describe('paved cost routes through the real Kubernetes backend and the service proxy', () => {
  let primary: Double;
  let bare: Double;
  let server: any;

  beforeAll(async () => {
    primary = await startKubernetesApiTestDouble({ port: 0 });
    bare = await startDoubleWithoutOpenCost();
    ({ server } = await startPavedTestBackend(
      ENTITIES,
      [
        { name: 'primary', url: primary.url },
        { name: 'bare', url: bare.url },
      ],
      { cost: { currency: 'EUR', clusterTimeout: 3000 } },
    ));
    // Warm up until the proxy answers: the first call loads
    // @kubernetes/client-node, which may outlast the cluster timeout.
    for (let i = 0; i < 5; i++) {
      const warm = await request(server)
        .get('/api/paved/cost/cluster/primary')
        .set(asUser);
      if (warm.body?.clusters?.[0]?.ok) break;
    }
  });
  afterAll(async () => {
    await primary.close();
    await bare.close();
  });
  beforeEach(() => {
    primary.clearFaults();
    primary.clearRequests();
  });

  const get = (path: string) => request(server).get(path).set(asUser);

  it('costs a component by its workloads, with OpenCost beside a cluster without it', async () => {
    const res = await get(
      '/api/paved/cost/entity/default/component/payments-api?window=last7d&tz=Europe/Berlin',
    );
    expect(res.status).toBe(200);
    const body = res.body as CostResponse;
    expect(body.currency).toBe('EUR');
    expect(body.window).toMatchObject({
      kind: 'last7d',
      zone: 'Europe/Berlin',
    });
    expect(body.window.days).toHaveLength(7);
    expect(body.scope).toEqual({
      type: 'component',
      namespaces: ['payments'],
      workloads: [
        {
          namespace: 'payments',
          controllerKind: 'deployment',
          controller: 'payments-api',
        },
      ],
    });
    const ok = body.clusters.find(c => c.cluster === 'primary')!;
    const absent = body.clusters.find(c => c.cluster === 'bare')!;
    expect(ok).toMatchObject({
      ok: true,
      source: { via: 'service-proxy', endpoint: '/allocation' },
    });
    expect(absent).toMatchObject({
      ok: false,
      error: { problem: 'opencost-not-found', statusCode: 404 },
    });
    expect(!absent.ok && absent.error.message).toMatch(/helm install opencost/);
    expect(body.complete).toBe(false);
    const total = body.total!;
    expect(total.workloads.map(w => w.key)).toEqual([
      'payments/deployment:payments-api',
    ]);
    expect(total.costs.total).toBeGreaterThan(0);
    expect(
      total.costs.cpu! +
        total.costs.ram! +
        total.costs.pv! +
        total.costs.network! +
        total.costs.gpu! +
        total.costs.loadBalancer! +
        total.costs.shared! +
        total.costs.external!,
    ).toBeCloseTo(total.costs.total!, 8);
    expect(total.daily.every(d => typeof d.total === 'number')).toBe(true);
    expect(total.efficiency.cpu).toBeGreaterThan(0);
    expect(total.rightSizing[0]).toMatchObject({ controller: 'payments-api' });
    expect(total.clusterIdleCost).toBeGreaterThan(0);
    // It asked the cluster's service proxy, filtered to the component's namespace.
    // (A warm-up call cut off by the cluster timeout may still arrive late, so
    // look for this call's request among them rather than taking the first.)
    const asked = primary.requests.filter(r => r.path.startsWith(PROXY));
    expect(asked).toContainEqual(
      expect.objectContaining({
        path: `${PROXY}/allocation`,
        query: expect.objectContaining({
          aggregate: 'namespace,controller',
          step: '1d',
          filter: 'namespace:"payments"',
        }),
      }),
    );
  });

  it('costs a team by its cost label, the same as the label route', async () => {
    const team = await get(
      '/api/paved/cost/entity/default/group/payments-team?window=last7d&tz=UTC',
    );
    expect(team.status).toBe(200);
    const body = team.body as CostResponse;
    expect(body.scope).toMatchObject({
      type: 'label',
      label: 'paved.dev/team',
      value: 'team-payments',
    });
    expect(body.total!.costs.total).toBeGreaterThan(0);
    const byLabel = await get(
      `/api/paved/cost/label/${encodeURIComponent(
        'paved.dev/team',
      )}/team-payments?window=last7d&tz=UTC`,
    );
    expect(byLabel.status).toBe(200);
    // The same allocations; the window's end moved on a little in between.
    expect(byLabel.body.total.costs.total).toBeCloseTo(
      body.total!.costs.total!,
      3,
    );
  });

  it('refuses a malformed cost label naming the annotation', async () => {
    const res = await get(
      '/api/paved/cost/entity/default/group/badly-labelled?window=last7d&tz=UTC',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/paved\.dev\/cost-label must be/);
  });

  it('does not project a tenant month while a cluster is missing', async () => {
    const res = await get(
      '/api/paved/cost/entity/default/system/payments?window=last30d&tz=UTC',
    );
    expect(res.status).toBe(200);
    const body = res.body as CostResponse;
    expect(body.scope).toMatchObject({
      type: 'tenant',
      namespaces: ['payments'],
      monthlyBudget: 1,
    });
    // One cluster has no OpenCost: the month is incomplete, so no projection.
    expect(body.budget).toMatchObject({
      monthlyBudget: 1,
      projection: null,
      gap: 'clusters-missing',
    });
  });

  it('costs a cluster, including its idle capacity, and a team by label', async () => {
    const cluster = await get(
      '/api/paved/cost/entity/default/resource/primary?window=mtd',
    );
    expect(cluster.status).toBe(200);
    expect(cluster.body.clusters).toHaveLength(1);
    expect(cluster.body.total.workloads.map((w: any) => w.key)).toContain(
      '__idle__',
    );
    expect(cluster.body.complete).toBe(true);
    const team = await get(
      '/api/paved/cost/label/paved.dev%2Fteam/team-storefront?window=last7d',
    );
    expect(team.status).toBe(200);
    const keys = team.body.total.workloads.map((w: any) => w.key);
    expect(keys).toEqual(['checkout/deployment:checkout-web']);
    const notAllowed = await get('/api/paved/cost/label/app/x');
    expect(notAllowed.status).toBe(400);
    expect(notAllowed.body.error.message).toMatch(
      /label must be one of paved.dev\/team/,
    );
  });

  it('reports a slow OpenCost as a timeout and a failing one as failed', async () => {
    primary.hangNext(PROXY);
    const slow = await get('/api/paved/cost/cluster/primary?window=last7d');
    expect(slow.body.clusters[0]).toMatchObject({
      ok: false,
      error: { problem: 'timeout' },
    });
    expect(slow.body.total).toBeNull();
    primary.failNext(PROXY, 500, { message: 'prometheus is down' });
    const failing = await get('/api/paved/cost/cluster/primary?window=last7d');
    expect(failing.body.clusters[0]).toMatchObject({
      ok: false,
      error: { problem: 'failed', statusCode: 500 },
    });
  });

  it('says when the window starts before OpenCost has data', async () => {
    const dep = primary.store.find(
      'apps/v1',
      'Deployment',
      'opencost',
      'opencost',
    )!;
    primary.store.put({
      ...dep,
      metadata: {
        ...dep.metadata,
        annotations: { 'paved.dev/opencost-data-start': 'P2D' },
      },
    });
    try {
      const res = await get('/api/paved/cost/cluster/primary?window=last30d');
      const c = res.body.clusters[0];
      expect(c.ok).toBe(true);
      expect(c.summary.coverage.complete).toBe(false);
      expect(Date.parse(c.summary.coverage.dataStart)).toBeGreaterThan(
        Date.now() - 3 * 86_400_000,
      );
      // Days before the data are unknown, not 0.
      expect(c.summary.daily[0].total).toBeNull();
      expect(res.body.complete).toBe(false);
    } finally {
      primary.store.put(dep);
    }
  });

  it('names a bad window or zone, and an entity without cost', async () => {
    const w = await get('/api/paved/cost/cluster/primary?window=last9d');
    expect(w.status).toBe(400);
    expect(w.body.error.message).toMatch(
      /window must be one of last7d, last30d, mtd/,
    );
    const tz = await get(
      '/api/paved/cost/cluster/primary?window=mtd&tz=Mars/Olympus',
    );
    expect(tz.status).toBe(400);
    expect(tz.body.error.message).toMatch(/tz must be an IANA time zone/);
    const none = await get('/api/paved/cost/entity/default/component/no-cost');
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/paved.dev\/tenant/);
    expect((await get('/api/paved/cost/cluster/nowhere')).status).toBe(404);
  });
});

describe('paved cost with a per-cluster OpenCost base URL', () => {
  let opencost: http.Server;
  let double: Double;
  let server: any;
  const seen: string[] = [];

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
    // OpenCost outside the cluster: answers what the double's OpenCost answers.
    opencost = http.createServer(async (req, res) => {
      seen.push(req.url!);
      const upstream = await fetch(`${double.url}${PROXY}${req.url}`, {
        headers: { Authorization: 'Bearer paved-local-admin-token' },
      });
      res.writeHead(upstream.status, { 'content-type': 'application/json' });
      res.end(await upstream.text());
    });
    await new Promise<void>(r => opencost.listen(0, '127.0.0.1', r));
    const { port } = opencost.address() as AddressInfo;
    ({ server } = await startPavedTestBackend(
      ENTITIES,
      [{ name: 'primary', url: double.url }],
      {
        cost: {
          clusters: [
            {
              name: 'primary',
              baseUrl: `http://127.0.0.1:${port}`,
              endpoint: '/allocation/compute',
            },
          ],
        },
      },
    ));
  });
  afterAll(async () => {
    await double.close();
    await new Promise(r => opencost.close(r));
  });

  it('calls OpenCost there, on /allocation/compute without a filter', async () => {
    const res = await request(server)
      .get(
        '/api/paved/cost/entity/default/component/payments-api?window=last7d',
      )
      .set(asUser);
    expect(res.status).toBe(200);
    expect(res.body.currency).toBe('USD');
    expect(res.body.clusters[0]).toMatchObject({
      ok: true,
      source: { via: 'base-url', endpoint: '/allocation/compute' },
    });
    expect(res.body.total.workloads[0].controller).toBe('payments-api');
    expect(seen.some(u => u.startsWith('/allocation/compute?'))).toBe(true);
    expect(seen.some(u => u.includes('filter='))).toBe(false);
  });

  it('projects a tenant month and warns when it exceeds the budget', async () => {
    const res = await request(server)
      .get(
        '/api/paved/cost/entity/default/system/payments?window=last7d&tz=America/New_York',
      )
      .set(asUser);
    expect(res.status).toBe(200);
    const { budget } = res.body as CostResponse;
    expect(budget!.gap).toBeUndefined();
    expect(budget!.monthToDate).toBeGreaterThan(0);
    expect(budget!.projection!).toBeGreaterThanOrEqual(budget!.monthToDate!);
    // A budget of 1 cannot hold a month of three replicas.
    expect(budget!.projectedOverBudget).toBe(true);
    expect(budget!.projectedOverage).toBeCloseTo(budget!.projection! - 1, 8);
  });
});

describe('paved cost permissions', () => {
  let double: Double;
  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
  });
  afterAll(() => double.close());

  const ROUTES = [
    '/api/paved/cost/entity/default/component/payments-api?window=mtd',
    '/api/paved/cost/cluster/primary?window=mtd',
    '/api/paved/cost/label/paved.dev%2Fteam/team-payments?window=mtd',
  ];

  it('answers 403 on every cost route to a user denied paved.cost.read, and to service callers', async () => {
    const { server } = await startPavedTestBackend(
      ENTITIES,
      [{ name: 'primary', url: double.url }],
      {
        permissions: (name, user) =>
          name.startsWith('paved.cost.') && user === 'user:default/mock'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      },
    );
    for (const route of ROUTES) {
      const denied = await request(server).get(route).set(asUser);
      expect(denied.status).toBe(403);
      // Across clusters by label is its own (basic) permission.
      expect(denied.body.error.message).toBe(
        route.includes('/label/')
          ? 'Missing permission paved.cost.label.read'
          : 'Missing permission paved.cost.read',
      );
      const service = await request(server)
        .get(route)
        .set({ Authorization: mockCredentials.service.header() });
      expect(service.status).toBe(403);
    }
    // Another user is allowed on the same backend: the decision is per user.
    const other = await request(server)
      .get(ROUTES[1])
      .set({
        Authorization: mockCredentials.user.header('user:default/someone-else'),
      });
    expect(other.status).toBe(200);
  });
});

describe('paved cost cache', () => {
  let double: Double;
  let bare: Double;
  let server: any;
  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
    // No OpenCost there: a lasting state, kept like an answer.
    bare = await startDoubleWithoutOpenCost();
    ({ server } = await startPavedTestBackend(
      ENTITIES,
      [
        { name: 'primary', url: double.url },
        { name: 'bare', url: bare.url },
      ],
      { cost: { cacheTtl: { minutes: 1 } } },
    ));
    // Warm up on another route (its own cache key) until the proxy answers:
    // the first call loads @kubernetes/client-node.
    for (let i = 0; i < 5; i++) {
      const warm = await request(server)
        .get(`/api/paved/cost/label/paved.dev%2Fteam/team-${i}`)
        .set(asUser);
      if (warm.body?.clusters?.[0]?.ok) break;
    }
  });
  afterAll(async () => {
    await double.close();
    await bare.close();
  });

  const ROUTE = '/api/paved/cost/cluster/primary';
  const asked = () =>
    double.requests.filter(r => r.path.startsWith(PROXY)).length;
  const get = (query: string, user = 'user:default/mock') =>
    request(server)
      .get(`${ROUTE}?${query}`)
      .set({ Authorization: mockCredentials.user.header(user) });

  it('reuses one user’s answer for the same route and window, and no one else’s', async () => {
    const first = await get('window=last7d');
    expect(first.body.clusters[0].ok).toBe(true);
    const once = asked();
    expect(once).toBeGreaterThan(0);

    const again = await get('window=last7d');
    expect(again.body).toEqual(first.body);
    expect(asked()).toBe(once);

    await get('window=last30d');
    const otherWindow = asked();
    expect(otherWindow).toBeGreaterThan(once);
    await get('window=last7d', 'user:default/someone-else');
    expect(asked()).toBeGreaterThan(otherWindow);
  });

  it('does not keep an answer in which a cluster failed', async () => {
    double.failNext(PROXY, 500, { message: 'prometheus is down' });
    const failed = await get('window=mtd');
    expect(failed.body.clusters[0]).toMatchObject({ ok: false });
    const next = await get('window=mtd');
    expect(next.body.clusters[0].ok).toBe(true);
  });

  it('keeps an answer in which a cluster has no OpenCost: that does not pass by itself', async () => {
    const route =
      '/api/paved/cost/label/paved.dev%2Fteam/team-payments?window=mtd';
    const first = await request(server).get(route).set(asUser);
    const bareResult = first.body.clusters.find(
      (c: any) => c.cluster === 'bare',
    );
    expect(bareResult).toMatchObject({
      ok: false,
      error: { problem: 'opencost-not-found' },
    });
    const before = asked();
    await request(server).get(route).set(asUser);
    expect(asked()).toBe(before);
  });
});
