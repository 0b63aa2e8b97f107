import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import {
  ComponentHealthSummary,
  createComponentHealthAccumulator,
} from '@paved/plugin-paved-common';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { startPavedTestBackend } from '../../__testUtils__/testBackend';
import { CallContext, ClusterAccess } from '../clusters/ClusterAccess';
import {
  COMPONENT_KINDS,
  COMPONENT_WORKLOAD_KINDS,
} from './componentSelection';
import { listPath } from '../clusters/paths';
import { PodReadStats, readComponentPods } from './podTableRead';

// The first proxy call loads @kubernetes/client-node through Jest's transform.
jest.setTimeout(120_000);

const now = new Date();
const ctx: CallContext = {
  credentials: mockCredentials.user(),
  clusterAuthHeaders: {},
};

// Clusters behind the REAL Kubernetes backend proxy, shared by both reads' tests.
let fixtures: KubernetesApiTestDouble;
let synthetic: KubernetesApiTestDouble;
let stripper: { url: string; close(): Promise<void> };
let access: ClusterAccess;
let stopBackend: () => Promise<void>;
const known = ['fixtures', 'synthetic', 'no-tables'];

beforeAll(async () => {
  fixtures = await startKubernetesApiTestDouble({ port: 0 });
  synthetic = await startKubernetesApiTestDouble({
    port: 0,
    fixturesDir: false,
    synthetic: [
      {
        namespace: 'bench',
        name: 'bench-app',
        labels: { 'backstage.io/kubernetes-id': 'bench-app' },
        count: 700,
        // Unhealthy rows in most pages, but below the one-by-one limit.
        crashLoopEvery: 29,
        pendingEvery: 53,
      },
      {
        namespace: 'other',
        name: 'worse-app',
        labels: { 'backstage.io/kubernetes-id': 'worse-app' },
        count: 300,
        crashLoopEvery: 2,
        pendingEvery: 3,
      },
    ],
  });
  stripper = await startAcceptStripper(fixtures.url);
  const backend = await startPavedTestBackend(
    [],
    [
      { name: 'fixtures', url: fixtures.url },
      { name: 'synthetic', url: synthetic.url },
      { name: 'no-tables', url: stripper.url },
    ],
  );
  stopBackend = () => backend.stop();
  const { port } = backend.server.address() as AddressInfo;
  access = new ClusterAccess({
    auth: mockServices.auth({ pluginId: 'paved' }),
    discovery: {
      getBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
      getExternalBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
    },
  });
});

afterAll(async () => {
  await stopBackend?.();
  await stripper?.close();
  await fixtures?.close();
  await synthetic?.close();
});

/**
 * Both ways through the REAL Kubernetes backend proxy to the doubles, with
 * one accumulator clock: every kind listed in full (the reference), and Pods
 * read two-phase. Kinds are read one after another so order is the same.
 */
describe('two-phase Pod read gives the full-list summary', () => {
  async function fullWay(
    cluster: string,
    labelSelector: string,
    namespace: string | undefined,
    pageSize: number,
  ): Promise<ComponentHealthSummary> {
    const acc = createComponentHealthAccumulator({ now });
    for (const k of COMPONENT_KINDS) {
      await access.list({
        cluster,
        knownClusters: known,
        apiPath: listPath(k.group, k.version, k.plural, namespace),
        query: { labelSelector },
        pageSize,
        onItem: item => acc.add(item),
        ctx,
      });
    }
    return acc.result();
  }

  async function twoPhase(
    cluster: string,
    labelSelector: string,
    namespace: string | undefined,
    pageSize: number,
    maxOneByOnePerPage?: number,
    inspectLimit?: number,
  ): Promise<{ summary: ComponentHealthSummary; stats: PodReadStats }> {
    const acc = createComponentHealthAccumulator({ now });
    const stats = await readComponentPods({
      access,
      cluster,
      knownClusters: known,
      namespace,
      labelSelector,
      pageSize,
      ctx,
      acc,
      maxOneByOnePerPage,
      inspectLimit,
    });
    for (const k of COMPONENT_WORKLOAD_KINDS) {
      await access.list({
        cluster,
        knownClusters: known,
        apiPath: listPath(k.group, k.version, k.plural, namespace),
        query: { labelSelector },
        pageSize,
        onItem: item => acc.add(item),
        ctx,
      });
    }
    return { summary: acc.result(), stats };
  }

  it.each([
    ['every Pod in the cluster', '', undefined],
    ['payments-api', 'backstage.io/kubernetes-id=payments-api', undefined],
    ['ledger-worker', 'backstage.io/kubernetes-id=ledger-worker', undefined],
    ['checkout-web', 'backstage.io/kubernetes-id=checkout-web', undefined],
    [
      'payments-api in its namespace (rows without objects)',
      'backstage.io/kubernetes-id=payments-api',
      'payments',
    ],
    ['every Pod in payments (rows without objects)', '', 'payments'],
  ])('on the fixture cluster: %s', async (_what, selector, namespace) => {
    fixtures.clearRequests();
    const reference = await fullWay('fixtures', selector, namespace, 500);
    expect(reference.pods.total).toBeGreaterThan(0);
    for (const pageSize of [500, 4]) {
      const { summary, stats } = await twoPhase(
        'fixtures',
        selector,
        namespace,
        pageSize,
        // Never give up on one-by-one: every unhealthy fixture Pod is fetched alone.
        1000,
      );
      expect(summary).toEqual(reference);
      expect(stats.mode).toBe('table');
      expect(stats.fromRows + stats.fetchedOneByOne).toBe(reference.pods.total);
    }
    // The proxy carried the Table Accept header to the cluster.
    expect(fixtures.requests.some(r => r.accept?.includes('as=Table'))).toBe(
      true,
    );
  });

  it('the fixture cluster has unhealthy Pods of many kinds, all fetched in full', async () => {
    const { summary, stats } = await twoPhase(
      'fixtures',
      '',
      undefined,
      500,
      1000,
    );
    expect(stats.fetchedOneByOne).toBeGreaterThan(3);
    expect(stats.fromRows).toBeGreaterThan(3);
    expect(summary.problems.length).toBeGreaterThan(3);
  });

  it('on a synthetic cluster, paging, one-by-one fetches and whole pages agree', async () => {
    const selector = 'backstage.io/kubernetes-id=bench-app';
    const reference = await fullWay('synthetic', selector, 'bench', 100);
    expect(reference.pods.total).toBe(700);
    expect(reference.omittedProblems?.length).toBeGreaterThan(0);

    // Rows without objects: a first Table page of 100, then pages of 400.
    const oneByOne = await twoPhase('synthetic', selector, 'bench', 100, 40);
    expect(oneByOne.summary).toEqual(reference);
    expect(oneByOne.stats).toEqual({
      mode: 'table',
      fromRows: 700 - 25 - 13,
      fetchedOneByOne: 25 + 13,
      fullPages: 0,
      uninspected: 0,
      notRunning: 0,
    });

    // Across namespaces (namespace from the row's metadata).
    const anyNamespace = await twoPhase(
      'synthetic',
      selector,
      undefined,
      100,
      40,
    );
    expect(anyNamespace.summary).toEqual(reference);
    expect(anyNamespace.stats.fetchedOneByOne).toBe(25 + 13);

    // The default limit (1% of the Table page) gives up on page one: all in full.
    const byDefault = await twoPhase('synthetic', selector, 'bench', 100);
    expect(byDefault.summary).toEqual(reference);
    expect(byDefault.stats).toEqual({
      mode: 'table',
      fromRows: 0,
      fetchedOneByOne: 0,
      fullPages: 7,
      uninspected: 0,
      notRunning: 0,
    });

    // A limit of 0 one-by-one fetches: page one in full, then the rest.
    const wholePages = await twoPhase('synthetic', selector, 'bench', 100, 0);
    expect(wholePages.summary).toEqual(reference);
    expect(wholePages.stats).toMatchObject({
      fetchedOneByOne: 0,
      fullPages: 7,
    });
  });

  it('switches to full pages mid-list from the same continue token', async () => {
    const reference = await fullWay('fixtures', '', undefined, 2);
    const { summary, stats } = await twoPhase('fixtures', '', undefined, 2, 1);
    expect(summary).toEqual(reference);
    // Some Pods came from rows before a page with two unhealthy rows, and
    // every Pod was counted once.
    expect(stats.fromRows).toBeGreaterThan(0);
    expect(stats.fetchedOneByOne).toBeGreaterThan(0);
    expect(stats.fullPages).toBeGreaterThan(0);
    expect(summary.pods.total).toBeGreaterThan(
      stats.fromRows + stats.fetchedOneByOne,
    );
  });

  it('when half the Pods are unhealthy, whole pages replace one-by-one fetches', async () => {
    const selector = 'backstage.io/kubernetes-id=worse-app';
    const reference = await fullWay('synthetic', selector, 'other', 100);
    expect(reference.pods.total).toBe(300);
    const { summary, stats } = await twoPhase(
      'synthetic',
      selector,
      'other',
      100,
    );
    expect(summary).toEqual(reference);
    expect(stats).toEqual({
      mode: 'table',
      fromRows: 0,
      fetchedOneByOne: 0,
      fullPages: 3,
      uninspected: 0,
      notRunning: 0,
    });
  });

  it('falls back to the full list when the cluster refuses the Table (406)', async () => {
    const reference = await fullWay('fixtures', '', undefined, 500);
    fixtures.failNext('/api/v1/pods', 406, {
      message: 'only application/json is served here',
    });
    const { summary, stats } = await twoPhase('fixtures', '', undefined, 500);
    expect(summary).toEqual(reference);
    expect(stats).toMatchObject({ mode: 'full', fromRows: 0, fullPages: 1 });
  });

  it('falls back to the full list when a proxy drops the Table Accept header', async () => {
    const reference = await fullWay('fixtures', '', undefined, 500);
    const { summary, stats } = await twoPhase('no-tables', '', undefined, 500);
    expect(summary).toEqual(reference);
    expect(stats).toMatchObject({ mode: 'full', fromRows: 0, fullPages: 1 });
  });

  it('lets ClusterAccess ask only for JSON representations', async () => {
    await expect(
      access.get('fixtures', known, '/api/v1/pods', ctx, {
        accept: 'application/yaml',
      }),
    ).rejects.toThrow(/Accept must be a JSON media type/);
  });

  it('still fails the cluster on other errors', async () => {
    synthetic.failNext('/api/v1/namespaces/bench/pods', 500, {
      message: 'etcd is down',
    });
    await expect(
      twoPhase(
        'synthetic',
        'backstage.io/kubernetes-id=bench-app',
        'bench',
        100,
      ),
    ).rejects.toThrow(/HTTP 500: etcd is down/);
  });
});

/** Listed and omitted problems of one signal and reason, together. */
const problemCount = (
  summary: ComponentHealthSummary,
  signal: string,
  reason: string,
) =>
  summary.problems.filter(p => p.signal === signal && p.reason === reason)
    .length +
  (summary.omittedProblems ?? [])
    .filter(o => o.signal === signal && o.reason === reason)
    .reduce((n, o) => n + o.count, 0);

describe('bounded Pod read (an inspection limit per STATUS)', () => {
  async function read(
    cluster: string,
    labelSelector: string,
    namespace: string | undefined,
    inspectLimit: number,
  ) {
    const acc = createComponentHealthAccumulator({ now });
    const stats = await readComponentPods({
      access,
      cluster,
      knownClusters: known,
      namespace,
      labelSelector,
      pageSize: 100,
      ctx,
      acc,
      inspectLimit,
    });
    return { summary: acc.result(), stats };
  }

  async function reference(
    cluster: string,
    labelSelector: string,
    namespace: string | undefined,
  ) {
    const acc = createComponentHealthAccumulator({ now });
    await access.list({
      cluster,
      knownClusters: known,
      apiPath: listPath('', 'v1', 'pods', namespace),
      query: { labelSelector },
      pageSize: 500,
      onItem: item => acc.add(item),
      ctx,
    });
    return acc.result();
  }

  it('counts what the full read counts, fetching only a few Pods per STATUS', async () => {
    const selector = 'backstage.io/kubernetes-id=bench-app';
    const full = await reference('synthetic', selector, 'bench');
    // 25 crash-looping (Running) and 13 Pending of 700.
    expect(full.pods.byPhase).toEqual({ Running: 687, Pending: 13 });
    synthetic.clearRequests();
    const { summary, stats } = await read('synthetic', selector, 'bench', 2);

    expect(stats).toEqual({
      mode: 'table',
      fromRows: 700 - 13 - 2,
      fetchedOneByOne: 2,
      fullPages: 1,
      uninspected: 25 - 2,
      notRunning: 13,
    });
    const { uninspected, ...counts } = summary.pods;
    expect(uninspected).toBe(23);
    expect(counts).toEqual({
      ...full.pods,
      // The worst rate is a Pod's, not one container's, once it comes from a row.
      worstRestartRate: expect.objectContaining({ restarts: 12 }),
    });
    for (const [signal, reason] of [
      ['container-waiting', 'CrashLoopBackOff'],
      ['pod-pending', 'Unschedulable'],
      ['restart-rate', 'RestartRateAboveTarget'],
    ]) {
      expect(problemCount(summary, signal, reason)).toBe(
        problemCount(full, signal, reason),
      );
    }
    // Every problem still links its runbook; the inspected ones say more.
    expect(summary.problems.every(p => p.runbook)).toBe(true);
    const waiting = summary.problems.filter(
      p => p.signal === 'container-waiting',
    );
    expect(waiting.filter(p => p.object.container)).toHaveLength(2);
    expect(waiting[0].message).toMatch(/back-off 5m0s/);

    // The Pending Pods came in one list of their own, never one by one.
    const podRequests = synthetic.requests.filter(r =>
      r.path.startsWith('/api/v1/namespaces/bench/pods'),
    );
    expect(
      podRequests.filter(
        r =>
          r.query.fieldSelector ===
          'status.phase!=Running,status.phase!=Succeeded',
      ),
    ).toHaveLength(1);
    expect(
      podRequests.filter(r => r.path !== '/api/v1/namespaces/bench/pods'),
    ).toHaveLength(2);
  });

  it('gives the full-read summary when no STATUS has more Pods than the limit', async () => {
    for (const [selector, namespace] of [
      ['backstage.io/kubernetes-id=ledger-worker', 'payments'],
      ['backstage.io/kubernetes-id=payments-api', undefined],
      ['backstage.io/kubernetes-id=checkout-web', undefined],
    ] as const) {
      const full = await reference('fixtures', selector, namespace);
      const { summary, stats } = await read('fixtures', selector, namespace, 5);
      expect(summary).toEqual(full);
      expect(stats.uninspected).toBe(0);
    }
  });

  it("counts a finished Job's Pod from its row: Succeeded, not unhealthy, not fetched", async () => {
    const selector = 'backstage.io/kubernetes-id=ledger-worker';
    const full = await reference('fixtures', selector, 'payments');
    expect(full.pods.byPhase.Succeeded).toBe(1);
    fixtures.clearRequests();
    const { summary, stats } = await read('fixtures', selector, 'payments', 5);
    expect(summary).toEqual(full);
    expect(summary.pods.uninspected).toBeUndefined();
    // Listed in full: every Pod but the Running ones and the Succeeded one.
    expect(stats.notRunning).toBe(
      full.pods.total - (full.pods.byPhase.Running ?? 0) - 1,
    );
    expect(
      fixtures.requests.some(r => r.path.includes('/pods/ledger-reconcile')),
    ).toBe(false);
  });

  it('with a limit of 0 reads Pods that are not Running and counts the rest from rows', async () => {
    const selector = 'backstage.io/kubernetes-id=bench-app';
    const full = await reference('synthetic', selector, 'bench');
    const { summary, stats } = await read('synthetic', selector, 'bench', 0);
    expect(stats).toMatchObject({ fetchedOneByOne: 0, uninspected: 25 });
    expect(summary.pods.total).toBe(full.pods.total);
    expect(summary.pods.restarts).toBe(full.pods.restarts);
    expect(problemCount(summary, 'container-waiting', 'CrashLoopBackOff')).toBe(
      25,
    );
    // The scheduler's reasons, from the Pending Pods' own objects.
    expect(
      summary.problems.find(p => p.signal === 'pod-pending')?.message,
    ).toBeTruthy();
  });

  it.each([
    ['the cluster refuses the Table (406)', 'fixtures', true],
    ['a proxy drops the Table Accept header', 'no-tables', false],
  ])(
    'lists the Running Pods in full when %s, counting none twice',
    async (_what, cluster, refuse) => {
      const full = await reference('fixtures', '', undefined);
      if (refuse) {
        // The Table request only, not the list of Pods not Running.
        fixtures.failNext('/api/v1/pods', 406, {
          accept: 'as=Table',
          message: 'only application/json is served here',
        });
      }
      const { summary, stats } = await read(cluster, '', undefined, 2);
      expect(summary).toEqual(full);
      expect(stats).toMatchObject({ mode: 'full', fromRows: 0 });
      expect(stats.notRunning).toBeGreaterThan(0);
    },
  );

  it.each([
    ['the Table', { accept: 'as=Table' }],
    // Both lists: whichever fails first, the other's failure is not left unhandled.
    ['both Pod lists', { times: 2 }],
  ])('fails the cluster when a Pod list fails: %s', async (_what, fault) => {
    synthetic.failNext('/api/v1/namespaces/bench/pods', 500, {
      message: 'etcd is down',
      ...fault,
    });
    await expect(
      read('synthetic', 'backstage.io/kubernetes-id=bench-app', 'bench', 2),
    ).rejects.toThrow(/HTTP 500: etcd is down/);
    synthetic.clearFaults();
  });
});

/** A forwarding proxy that replaces any Accept header with plain JSON. */
async function startAcceptStripper(
  target: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const upstream = new URL(req.url ?? '/', target);
    const forward = http.request(
      upstream,
      {
        method: req.method,
        headers: {
          ...req.headers,
          host: upstream.host,
          accept: 'application/json',
        },
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
