/*
 * Paved's component health route against the stock Kubernetes backend's
 * objects-by-entity route, through one real backend (the real
 * @backstage/plugin-kubernetes-backend and Paved, listening on a port) and
 * the same Kubernetes API test doubles; then a growth series for Paved.
 *
 *   yarn workspace @paved/plugin-paved-backend bench:health
 *
 * Environment (all optional):
 *   BENCH_CLUSTERS=3            clusters in the side-by-side run
 *   BENCH_PODS=2000             pods per cluster in the side-by-side run
 *   BENCH_RUNS=40               timed requests per route (p95 of 15 would be the slowest one)
 *   BENCH_SERIES=1000,10000,100000   pod counts of the growth series
 *   BENCH_SERIES_RUNS=3         timed requests per series step
 *   BENCH_CRASH_EVERY=50        every Nth pod crash-looping in the side-by-side run
 *   BENCH_PENDING_EVERY=100     every Nth pod Pending in the side-by-side run
 *   BENCH_WORST_CRASH_EVERY=2   the worst-case run: every Nth pod crash-looping
 *                               (2 = half the pods unhealthy); 0 skips it
 *   BENCH_WORST_RUNS=5          timed requests per route in the worst-case run
 *   BENCH_INSPECT_PODS=2        paved.health.inspectPods for the run (a number
 *                               or `all`); default: Paved's default
 *   BENCH_COST_RUNS=10          requests per route for the read cost (cluster
 *                               requests, connections, CPU per request)
 *
 * The user is a developer: the permission policy allows Paved's and the
 * stock route's reads and denies `kubernetes.proxy` to users, so Paved's
 * route only answers if it reads through the proxy as Paved (its service
 * identity, allowed like Backstage's ServerPermissionClient allows service
 * principals).
 */
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ComponentHealthAccumulator,
  createComponentHealthAccumulator,
} from '@paved/plugin-paved-common';
import { startPavedTestBackend } from '../src/__testUtils__/testBackend';
import {
  CallContext,
  ClusterAccess,
} from '../src/service/clusters/ClusterAccess';
import {
  COMPONENT_KINDS,
  COMPONENT_WORKLOAD_KINDS,
} from '../src/service/health/componentSelection';
import { readHealthOptions } from '../src/service/clusters/options';
import { listPath } from '../src/service/clusters/paths';
import {
  PodReadStats,
  readComponentPods,
} from '../src/service/health/podTableRead';
import {
  countConnectionsTo,
  cpuMsSince,
  envInt as env,
  exitHosts,
  Host,
  startHost,
  takeClusterRequests,
} from './hosts';

const CLUSTERS = env('BENCH_CLUSTERS', 3);
const PODS = env('BENCH_PODS', 2000);
const RUNS = env('BENCH_RUNS', 40);
const SERIES_RUNS = env('BENCH_SERIES_RUNS', 3);
const CRASH_EVERY = env('BENCH_CRASH_EVERY', 50, 0);
const PENDING_EVERY = env('BENCH_PENDING_EVERY', 100, 0);
const WORST_CRASH_EVERY = env('BENCH_WORST_CRASH_EVERY', 2, 0);
const WORST_RUNS = env('BENCH_WORST_RUNS', 5);
const COST_RUNS = env('BENCH_COST_RUNS', 10);
const SERIES = (process.env.BENCH_SERIES ?? '1000,10000,100000')
  .split(',')
  .filter(Boolean)
  .map(s => {
    const n = Number(s);
    if (!Number.isInteger(n) || n <= 0) {
      throw new Error(`BENCH_SERIES must list positive integers, got '${s}'`);
    }
    return n;
  });

const NAMESPACE = 'bench';
const APP = 'bench-app';
const LABELS = { 'backstage.io/kubernetes-id': APP };
/** BENCH_INSPECT_PODS: a number or `all`, as `paved.health.inspectPods`. */
const INSPECT_PODS_ENV = process.env.BENCH_INSPECT_PODS;
const INSPECT_PODS: number | 'all' | undefined =
  INSPECT_PODS_ENV === undefined || INSPECT_PODS_ENV === 'all'
    ? INSPECT_PODS_ENV
    : Number(INSPECT_PODS_ENV);
/** Paved's options as the route reads them; the raw fetch uses the same. */
const OPTIONS = readHealthOptions(
  mockServices.rootConfig({
    data:
      INSPECT_PODS === undefined
        ? {}
        : { paved: { health: { inspectPods: INSPECT_PODS } } },
  }),
);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE) || OPTIONS.pageSize;
const INSPECT_LIMIT = OPTIONS.inspectLimit;

const entity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': name,
      'backstage.io/kubernetes-namespace': NAMESPACE,
    },
  },
  spec: { type: 'service', owner: 'team-bench', lifecycle: 'production' },
});
// `bench-idle` selects nothing: it warms a backend up without doing the work.
const ENTITIES = [entity(APP), entity('bench-idle')];
const DEVELOPER = 'user:default/developer';
const USER = mockCredentials.user(DEVELOPER);
const AUTH = { Authorization: mockCredentials.user.header(DEVELOPER) };

/**
 * A developer's policy: every read allowed, `kubernetes.proxy` denied to
 * users. (Service principals are allowed before this is asked, as by
 * Backstage's ServerPermissionClient.) Counts what was asked for users.
 */
const userDecisions = new Map<string, { allowed: number; denied: number }>();
const developerPolicy = (permission: string) => {
  const result =
    permission === 'kubernetes.proxy'
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW;
  const n = userDecisions.get(permission) ?? { allowed: 0, denied: 0 };
  if (result === AuthorizeResult.DENY) n.denied++;
  else n.allowed++;
  userDecisions.set(permission, n);
  return result;
};

/** The doubles' ports, for counting the backend's connections to them. */
const DOUBLE_PORTS = new Set<number>();
const connections = countConnectionsTo(DOUBLE_PORTS);

// --- the doubles' host processes -----------------------------------------

/** One host process per cluster: real clusters do not share a CPU. */
async function startDoubles(
  hosts: Host[],
  clusters: number,
  podsPerCluster: number,
  unhealthy: { crashLoopEvery?: number; pendingEvery?: number } = {},
) {
  while (hosts.length < clusters) hosts.push(startHost());
  const replies = await Promise.all(
    hosts.slice(0, clusters).map(host =>
      host.send({
        type: 'start',
        clusters: 1,
        podsPerCluster,
        namespace: NAMESPACE,
        labels: LABELS,
        name: APP,
        ...unhealthy,
      }),
    ),
  );
  DOUBLE_PORTS.clear();
  replies.forEach(
    r => r.type === 'started' && r.ports.forEach(p => DOUBLE_PORTS.add(p)),
  );
  return {
    urls: replies.flatMap(r => (r.type === 'started' ? r.urls : [])),
    seedMs: Math.max(
      ...replies.map(r => (r.type === 'started' ? r.seedMs : 0)),
    ),
  };
}

const stopDoubles = (hosts: Host[]) =>
  Promise.all(hosts.map(h => h.send({ type: 'stop' })));

// --- measuring ----------------------------------------------------------

interface Timed {
  ms: number;
  bytes: number;
  gzipBytes: number;
  body: any;
}

/**
 * Requests sent again because a kept-alive connection was reset before any
 * answer (the server closing it as idle as it was reused, which a busy
 * machine makes likely). Printed with the read cost.
 */
let resent = 0;

async function timedFetch(url: string, init: RequestInit): Promise<Timed> {
  let started = performance.now();
  const send = () =>
    fetch(url, {
      ...init,
      // Count what the backend writes, before any transport compression.
      headers: { ...AUTH, 'Accept-Encoding': 'identity', ...init.headers },
    });
  let res: Response;
  try {
    res = await send();
  } catch (error: any) {
    if (error?.cause?.code !== 'ECONNRESET') throw error;
    resent++;
    started = performance.now();
    res = await send();
  }
  const buf = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - started;
  if (!res.ok) {
    throw new Error(
      `${url}: HTTP ${res.status} ${buf.toString().slice(0, 300)}`,
    );
  }
  return {
    ms,
    bytes: buf.length,
    gzipBytes: gzipSync(buf).length,
    body: JSON.parse(buf.toString('utf8')),
  };
}

const pavedRoute = (base: string, name = APP) =>
  timedFetch(`${base}/api/paved/health/entity/default/component/${name}`, {});

const stockRoute = (base: string, name = APP) =>
  timedFetch(`${base}/api/kubernetes/services/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      entity: ENTITIES.find(e => e.metadata.name === name),
      auth: {},
    }),
  });

const pavedPods = (body: any) =>
  body.clusters.reduce((n: number, c: any) => {
    if (!c.ok)
      throw new Error(`Paved: cluster ${c.cluster}: ${c.error?.message}`);
    return n + c.data.pods.total;
  }, 0);

const stockPods = (body: any) =>
  body.items.reduce((n: number, c: any) => {
    if (c.errors?.length) {
      throw new Error(
        `stock: cluster ${c.cluster?.name}: ${JSON.stringify(c.errors)}`,
      );
    }
    const pods = c.resources.find((r: any) => r.type === 'pods');
    return n + (pods?.resources.length ?? 0);
  }, 0);

/** An accumulator that drops everything, for fetch-only timings. */
const dropAll: ComponentHealthAccumulator = {
  add: () => {},
  addHealthyPodRow: () => {},
  addUninspectedPodRow: () => {},
  addFinishedPodRow: () => {},
  result: () => createComponentHealthAccumulator().result(),
};

/** Times every call into an accumulator. */
function timedAccumulator(time: { ms: number }): ComponentHealthAccumulator {
  const acc = createComponentHealthAccumulator();
  const timed =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      const t = performance.now();
      try {
        return fn(...args);
      } finally {
        time.ms += performance.now() - t;
      }
    };
  return {
    add: timed(acc.add),
    addHealthyPodRow: timed(acc.addHealthyPodRow),
    addUninspectedPodRow: timed(acc.addUninspectedPodRow),
    addFinishedPodRow: timed(acc.addFinishedPodRow),
    result: timed(acc.result),
  };
}

/**
 * What Paved's route reads (same paths, selector, page size, proxy and user),
 * outside the route: `full` lists every kind as full objects (the read before
 * the two-phase Pod read); `twoPhase` is today's read (Pods as a Table, full
 * objects only for Pods not plainly healthy). Items are dropped, or
 * aggregated with the time inside the accumulator measured on its own.
 */
async function listAll(
  base: string,
  clusters: string[],
  how: 'full' | 'twoPhase',
  aggregate: boolean,
) {
  const access = new ClusterAccess({
    // As the route: the proxy is called with Paved's own service token.
    auth: mockServices.auth({ pluginId: 'paved' }),
    discovery: { getBaseUrl: async () => `${base}/api/kubernetes` } as any,
  });
  const ctx: CallContext = { credentials: USER as any, clusterAuthHeaders: {} };
  const aggregation = { ms: 0 };
  const stats: PodReadStats[] = [];
  const started = performance.now();
  await Promise.all(
    clusters.map(async cluster => {
      const acc = aggregate ? timedAccumulator(aggregation) : dropAll;
      const list = (k: (typeof COMPONENT_KINDS)[number]) =>
        access.list({
          cluster,
          knownClusters: clusters,
          apiPath: listPath(k.group, k.version, k.plural, NAMESPACE),
          query: { labelSelector: `backstage.io/kubernetes-id=${APP}` },
          pageSize: PAGE_SIZE,
          onItem: item => acc.add(item),
          ctx,
        });
      if (how === 'full') {
        await Promise.all(COMPONENT_KINDS.map(list));
      } else {
        await Promise.all([
          readComponentPods({
            access,
            cluster,
            knownClusters: clusters,
            namespace: NAMESPACE,
            labelSelector: `backstage.io/kubernetes-id=${APP}`,
            pageSize: PAGE_SIZE,
            inspectLimit: INSPECT_LIMIT,
            ctx,
            acc,
          }).then(s => stats.push(s)),
          ...COMPONENT_WORKLOAD_KINDS.map(list),
        ]);
      }
      acc.result();
    }),
  );
  return {
    ms: performance.now() - started,
    aggregationMs: aggregation.ms,
    stats,
  };
}

/** Peak heap while `work` runs: raw heapUsed, and live heap after GCs. */
async function withHeap<T>(
  work: () => Promise<T>,
  sampleLive: boolean,
): Promise<{ result: T; peakMb: number; peakLiveMb: number }> {
  const gc = (global as any).gc as (() => void) | undefined;
  gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let peakLive = baseline;
  const raw = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 2);
  // A full GC now and then shows what is retained, not what awaits collection.
  const live =
    sampleLive && gc
      ? setInterval(() => {
          gc();
          peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
        }, 100)
      : undefined;
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return {
      result,
      peakMb: (peak - baseline) / 2 ** 20,
      peakLiveMb: (peakLive - baseline) / 2 ** 20,
    };
  } finally {
    clearInterval(raw);
    if (live) clearInterval(live);
  }
}

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}
const fmtMs = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const fmtBytes = (b: number) =>
  b >= 2 ** 20
    ? `${(b / 2 ** 20).toFixed(2)} MiB`
    : `${(b / 1024).toFixed(1)} KiB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const targetRow = (target: string, figure: string, result: string) =>
  console.log(`${target.padEnd(38)} ${figure.padEnd(40)} ${result}`);

async function startBackend(urls: string[]) {
  const backend = await startPavedTestBackend(
    ENTITIES,
    urls.map((url, i) => ({ name: `bench-${i + 1}`, url })),
    // A long timeout (the 100k step takes a while) and no result cache.
    {
      clusterTimeoutMs: 600_000,
      permissions: developerPolicy,
      ...(INSPECT_PODS === undefined
        ? {}
        : { health: { inspectPods: INSPECT_PODS } }),
    },
  );
  const { port } = backend.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  // First calls load the Kubernetes client and warm the proxy.
  await pavedRoute(base, 'bench-idle');
  await stockRoute(base, 'bench-idle');
  return { backend, base, clusters: urls.map((_, i) => `bench-${i + 1}`) };
}

/**
 * What one request costs: requests that reach the clusters (the doubles'
 * request logs), TCP connections the backend opens to them, and the
 * backend's CPU time (process.cpuUsage, so the bench's own client, one fetch
 * per request, is included), over `COST_RUNS` sequential requests.
 */
async function readCost(
  hosts: Host[],
  request: () => Promise<unknown>,
): Promise<{
  clusterRequests: number;
  connections: number;
  cpuMs: number;
  ms: number;
  byShape: Record<string, number>;
}> {
  await request(); // warm: nothing from earlier counts
  await takeClusterRequests(hosts);
  connections.take();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < COST_RUNS; i++) await request();
  const cpuMs = cpuMsSince(cpu);
  const ms = performance.now() - started;
  const { total, byShape } = await takeClusterRequests(hosts);
  return {
    clusterRequests: total / COST_RUNS,
    connections: connections.take() / COST_RUNS,
    cpuMs: cpuMs / COST_RUNS,
    ms: ms / COST_RUNS,
    byShape,
  };
}

function printReadCost(
  paved: Awaited<ReturnType<typeof readCost>>,
  stock: Awaited<ReturnType<typeof readCost>>,
) {
  console.log(
    `\nread cost, per request (${COST_RUNS} sequential requests per route, cache off; CPU is this process: backend + the bench's fetch):`,
  );
  const row = (name: string, c: typeof paved) =>
    console.log(
      `${name.padEnd(34)} cluster requests ${c.clusterRequests
        .toFixed(1)
        .padStart(5)}  TCP connections to clusters ${c.connections
        .toFixed(1)
        .padStart(5)}  backend CPU ${fmtMs(c.cpuMs).padStart(8)} (wall ${fmtMs(
        c.ms,
      )})`,
    );
  row('Paved GET /api/paved/health/entity', paved);
  row('stock POST /api/kubernetes/services', stock);
  const shapes = Object.entries(paved.byShape)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${(v / COST_RUNS).toFixed(1)} x ${k}`);
  console.log(`Paved's cluster requests per request: ${shapes.join('; ')}`);
  console.log(
    `CPU per cluster request (Paved): ${fmtMs(
      paved.cpuMs / paved.clusterRequests,
    )}; connections per cluster request: ${(
      paved.connections / paved.clusterRequests
    ).toFixed(2)}`,
  );
  const asked = [...userDecisions.entries()]
    .map(([p, n]) => `${p} ${n.allowed} allowed / ${n.denied} denied`)
    .join(', ');
  if (resent > 0) {
    console.log(
      `(${resent} requests sent again after a reset kept-alive connection)`,
    );
  }
  console.log(
    `path: Paved's route as ${DEVELOPER} (kubernetes.proxy denied to users), every cluster read through the Kubernetes proxy as Paved's service identity; permission decisions for the user so far: ${asked}`,
  );
}

// --- the runs ------------------------------------------------------------

async function sideBySide(
  hosts: Host[],
  run: {
    title: string;
    crashLoopEvery: number;
    pendingEvery: number;
    runs: number;
    /** Print the PASS/MISS table (the default mix only). */
    targets: boolean;
  },
) {
  const { urls, seedMs } = await startDoubles(hosts, CLUSTERS, PODS, {
    crashLoopEvery: run.crashLoopEvery,
    pendingEvery: run.pendingEvery,
  });
  const share = (every: number) =>
    every > 0 ? `${Number((100 / every).toFixed(1))}%` : '0%';
  console.log(
    `\n== ${
      run.title
    }: 1 component over ${CLUSTERS} clusters x ${PODS} pods, ${share(
      run.crashLoopEvery,
    )} crash-looping, ${share(
      run.pendingEvery,
    )} Pending (doubles seeded in ${fmtMs(seedMs)}) ==`,
  );
  const { backend, base, clusters } = await startBackend(urls);
  try {
    const paved: Timed[] = [];
    const stock: Timed[] = [];
    const raw: number[] = [];
    const rawFull: number[] = [];
    const agg: number[] = [];
    let stats: PodReadStats[] = [];
    for (let i = 0; i < run.runs + 1; i++) {
      // Alternate so both routes see the same machine state; run 0 is warm-up.
      const p = await pavedRoute(base);
      const s = await stockRoute(base);
      const r = await listAll(base, clusters, 'twoPhase', false);
      const f = await listAll(base, clusters, 'full', false);
      const a = await listAll(base, clusters, 'twoPhase', true);
      stats = r.stats;
      if (i === 0) {
        const expected = CLUSTERS * PODS;
        if (pavedPods(p.body) !== expected || stockPods(s.body) !== expected) {
          throw new Error(
            `pod counts differ: paved ${pavedPods(p.body)}, stock ${stockPods(
              s.body,
            )}, expected ${expected}`,
          );
        }
        continue;
      }
      paved.push(p);
      stock.push(s);
      raw.push(r.ms);
      rawFull.push(f.ms);
      agg.push(a.aggregationMs);
    }
    const row = (name: string, xs: Timed[]) =>
      console.log(
        `${name.padEnd(34)} median ${fmtMs(median(xs.map(x => x.ms))).padStart(
          8,
        )}  p95 ${fmtMs(
          quantile(
            xs.map(x => x.ms),
            0.95,
          ),
        ).padStart(8)}  bytes ${fmtBytes(xs[0].bytes).padStart(
          10,
        )}  (gzip ${fmtBytes(xs[0].gzipBytes)})`,
      );
    row('Paved GET /api/paved/health/entity', paved);
    row('stock POST /api/kubernetes/services', stock);

    const speedup = median(stock.map(x => x.ms)) / median(paved.map(x => x.ms));
    const speedupP95 =
      quantile(
        stock.map(x => x.ms),
        0.95,
      ) /
      quantile(
        paved.map(x => x.ms),
        0.95,
      );
    const bytesRatio = stock[0].bytes / paved[0].bytes;
    const rawMedian = median(raw);
    const overhead = median(paved.map(x => x.ms)) / rawMedian - 1;
    const aggShare = median(agg) / rawMedian;
    const sum = (pick: (x: PodReadStats) => number) =>
      stats.reduce((n, x) => n + pick(x), 0);
    console.log(
      `Paved's read, items dropped (inspectPods ${
        Number.isFinite(INSPECT_LIMIT) ? INSPECT_LIMIT : 'all'
      }; Pods: ${sum(x => x.fromRows)} counted from Table rows (${sum(
        x => x.uninspected,
      )} of them unhealthy), ${sum(
        x => x.fetchedOneByOne,
      )} fetched one by one, ${sum(
        x => x.notRunning,
      )} Pending, Failed or Unknown listed in full, ${sum(
        x => x.fullPages,
      )} full pages${
        stats.some(x => x.mode === 'full') ? ', Table refused' : ''
      }; ${COMPONENT_WORKLOAD_KINDS.length} other lists): median ${fmtMs(
        rawMedian,
      )}`,
    );
    console.log(
      `full-object lists (the read before the two-phase Pod read: ${
        COMPONENT_KINDS.length
      } lists x ${CLUSTERS} clusters, page ${PAGE_SIZE}, items dropped): median ${fmtMs(
        median(rawFull),
      )}`,
    );
    console.log(
      `aggregation time (inside the accumulator): median ${fmtMs(
        median(agg),
      )} = ${(aggShare * 100).toFixed(1)}% of Paved's read`,
    );
    // Loopback makes bytes nearly free; a real browser link does not.
    const link = (bytes: number) => fmtMs(((bytes * 8) / 100e6) * 1000);
    console.log(
      `(not in the figures above: at 100 Mbit/s to the browser the bodies alone take ${link(
        stock[0].bytes,
      )} stock vs ${link(paved[0].bytes)} Paved)`,
    );
    let cost:
      | [
          Awaited<ReturnType<typeof readCost>>,
          Awaited<ReturnType<typeof readCost>>,
        ]
      | undefined;
    if (run.targets) {
      cost = [
        await readCost(hosts.slice(0, CLUSTERS), async () => {
          if (pavedPods((await pavedRoute(base)).body) !== CLUSTERS * PODS)
            throw new Error('pod count differs');
        }),
        await readCost(hosts.slice(0, CLUSTERS), () => stockRoute(base)),
      ];
      printReadCost(...cost);
      if (userDecisions.get('kubernetes.proxy')?.allowed) {
        throw new Error('kubernetes.proxy was allowed for the user');
      }
    }
    if (!run.targets) {
      console.log(
        `speed-up: ${speedup.toFixed(1)}x median, ${speedupP95.toFixed(
          1,
        )}x p95; bytes ${bytesRatio.toFixed(0)}x fewer`,
      );
      return;
    }
    console.log('');
    targetRow('target', 'figure', 'result');
    targetRow(
      '>= 5x faster (median; p95)',
      `${speedup.toFixed(1)}x; ${speedupP95.toFixed(1)}x`,
      verdict(speedup >= 5 && speedupP95 >= 5),
    );
    targetRow(
      "(issue #13's aim) >= 10x (median; p95)",
      `${speedup.toFixed(1)}x; ${speedupP95.toFixed(1)}x`,
      verdict(speedup >= 10 && speedupP95 >= 10),
    );
    targetRow(
      '>= 50x fewer bytes',
      `${bytesRatio.toFixed(0)}x (gzip: ${(
        stock[0].gzipBytes / paved[0].gzipBytes
      ).toFixed(0)}x)`,
      verdict(bytesRatio >= 50),
    );
    targetRow(
      'aggregation <= 20% of list fetching',
      `${(aggShare * 100).toFixed(1)}% (route vs read: ${
        overhead >= 0 ? '+' : ''
      }${(overhead * 100).toFixed(0)}%)`,
      verdict(aggShare <= 0.2),
    );
  } finally {
    await backend.stop();
    await stopDoubles(hosts);
  }
}

async function growth(hosts: Host[]) {
  console.log(
    `\n== Growth: Paved's route, 1 cluster, pods ${SERIES.join(' / ')} ==`,
  );
  console.log(
    'pods       median time   peak heap   peak live heap   (heap above the idle baseline)',
  );
  const rows: { pods: number; ms: number; peakMb: number; liveMb: number }[] =
    [];
  for (const pods of SERIES) {
    const { urls } = await startDoubles(hosts, 1, pods);
    const { backend, base } = await startBackend(urls);
    try {
      const times: number[] = [];
      let peakMb = 0;
      for (let i = 0; i < SERIES_RUNS; i++) {
        const { result, peakMb: p } = await withHeap(
          () => pavedRoute(base),
          false,
        );
        if (pavedPods(result.body) !== pods)
          throw new Error('pod count differs');
        times.push(result.ms);
        peakMb = Math.max(peakMb, p);
      }
      // One more run for retained memory: the GCs it forces would skew timing.
      const { peakLiveMb } = await withHeap(() => pavedRoute(base), true);
      const row = { pods, ms: median(times), peakMb, liveMb: peakLiveMb };
      rows.push(row);
      console.log(
        `${String(pods).padEnd(10)} ${fmtMs(row.ms).padStart(
          11,
        )} ${`${row.peakMb.toFixed(1)} MiB`.padStart(
          11,
        )} ${`${row.liveMb.toFixed(1)} MiB`.padStart(16)}`,
      );
    } finally {
      await backend.stop();
      await stopDoubles(hosts);
    }
  }
  if (rows.length >= 2) {
    const first = rows[0];
    const last = rows[rows.length - 1];
    const podsGrowth = last.pods / first.pods;
    // Flat: what is retained while the route runs does not follow the pods.
    // The smallest step's figure is near zero, so allow 4 MiB of slack.
    const flat = last.liveMb <= 2 * first.liveMb + 4;
    console.log('');
    targetRow(
      'memory flat (retained <= 2x + 4 MiB)',
      `${first.liveMb.toFixed(1)} -> ${last.liveMb.toFixed(
        1,
      )} MiB, pods x${podsGrowth}`,
      verdict(flat),
    );
    console.log(
      `time per 1,000 pods: ${(first.ms / (first.pods / 1000)).toFixed(
        0,
      )} ms at ${first.pods}, ${(last.ms / (last.pods / 1000)).toFixed(
        0,
      )} ms at ${last.pods}`,
    );
  }
}

(async () => {
  if (!(global as any).gc) {
    console.log('(run with node --expose-gc for the live-heap figures)');
  }
  const hosts: Host[] = [];
  const started = performance.now();
  try {
    await sideBySide(hosts, {
      title: 'Side by side',
      crashLoopEvery: CRASH_EVERY,
      pendingEvery: PENDING_EVERY,
      runs: RUNS,
      targets: true,
    });
    if (WORST_CRASH_EVERY > 0) {
      await sideBySide(hosts, {
        title: 'Worst case',
        crashLoopEvery: WORST_CRASH_EVERY,
        pendingEvery: 0,
        runs: WORST_RUNS,
        targets: false,
      });
    }
    await growth(hosts);
  } finally {
    exitHosts(hosts);
    connections.close();
  }
  console.log(
    `\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  process.exit(0);
})().catch(error => {
  console.error(error);
  process.exit(1);
});
