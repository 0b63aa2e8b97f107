/*
 * Cost aggregation for a 30-day window at one-day steps: 1,000 workloads
 * across 3 clusters (so 30 × 1,000 allocations plus idle).
 *
 *   yarn workspace @paved/plugin-paved-backend bench:cost
 *
 * 1. Pure: parse OpenCost's JSON answers and reduce them to the entity's
 *    summary with paved-common's functions (what the backend does per
 *    request after the network).
 * 2. End to end: Paved's `/cost/label` route through the real Kubernetes
 *    backend, the clusters' service proxies and the test doubles' OpenCost.
 *
 * Environment (optional): BENCH_WORKLOADS=1000, BENCH_CLUSTERS=3, BENCH_RUNS=10
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  combineSummaries,
  parseAllocationResponse,
  resolveCostWindow,
  summarizeCost,
} from '@paved/plugin-paved-common';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import { startPavedTestBackend } from '../src/__testUtils__/testBackend';

const env = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`${name} must be a positive integer, got '${raw}'`);
  }
  return n;
};
const WORKLOADS = env('BENCH_WORKLOADS', 1000);
const CLUSTERS = env('BENCH_CLUSTERS', 3);
const RUNS = env('BENCH_RUNS', 10);
const DAYS = 30;

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function allocation(name: string, cluster: string, start: Date, i: number) {
  const end = new Date(start.getTime() + 86_400_000);
  const s = start.toISOString();
  const e = end.toISOString();
  const cpu = 0.1 + (i % 7) * 0.05;
  return {
    name,
    properties: {
      cluster,
      namespace: `team-${i % 20}`,
      controllerKind: 'deployment',
      controller: `w${i}`,
      labels: { paved_dev_team: 'bench' },
    },
    window: { start: s, end: e },
    start: s,
    end: e,
    minutes: 1440,
    cpuCoreHours: cpu * 24,
    ramByteHours: 2 ** 29 * 24,
    cpuCost: cpu * 24 * 0.031611,
    gpuCost: 0,
    ramCost: 0.5 * 24 * 0.004237,
    pvCost: 0.01,
    networkCost: i % 97 === 0 ? null : 0.002,
    loadBalancerCost: 0,
    sharedCost: 0,
    externalCost: 0,
    totalCost: cpu * 24 * 0.031611 + 0.5 * 24 * 0.004237 + 0.012,
    cpuCoreRequestAverage: cpu,
    cpuCoreUsageAverage: cpu * 0.3,
    ramByteRequestAverage: 2 ** 29,
    ramByteUsageAverage: 2 ** 28,
    cpuEfficiency: 0.3,
    ramEfficiency: 0.5,
    totalEfficiency: 0.35,
  };
}

function openCostBody(
  cluster: string,
  workloads: number[],
  windowStart: Date,
): string {
  const data = Array.from({ length: DAYS }, (_, d) => {
    const start = new Date(windowStart.getTime() + d * 86_400_000);
    const set: Record<string, unknown> = {};
    for (const i of workloads) {
      const key = `team-${i % 20}/deployment:w${i}`;
      set[key] = allocation(key, cluster, start, i);
    }
    set.__idle__ = {
      ...allocation('__idle__', cluster, start, 0),
      properties: { cluster },
    };
    return set;
  });
  return JSON.stringify({ code: 200, status: 'success', data });
}

const split = (n: number, parts: number) =>
  Array.from({ length: parts }, (_, c) =>
    Array.from({ length: n }, (_unused, i) => i).filter(i => i % parts === c),
  );

async function pure() {
  const costWindow = resolveCostWindow('last30d', new Date(), 'UTC');
  const start = new Date(costWindow.start);
  const bodies = split(WORKLOADS, CLUSTERS).map((ws, c) =>
    openCostBody(`c${c}`, ws, start),
  );
  const selector = {
    type: 'label' as const,
    label: 'paved.dev/team',
    value: 'bench',
  };
  const times: number[] = [];
  let total = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const summaries = bodies.map(b =>
      summarizeCost(
        parseAllocationResponse(JSON.parse(b)),
        selector,
        costWindow,
      ),
    );
    const combined = combineSummaries(summaries, costWindow)!;
    times.push(performance.now() - t0);
    total = combined.workloads.length;
  }
  const mb = bodies.reduce((s, b) => s + b.length, 0) / 2 ** 20;
  console.log(
    `pure aggregation: ${WORKLOADS} workloads × ${DAYS} daily steps across ${CLUSTERS} clusters ` +
      `(${mb.toFixed(
        1,
      )} MiB of OpenCost JSON, ${total} workload lines): median ${fmt(
        median(times),
      )}, ` +
      `min ${fmt(Math.min(...times))}, max ${fmt(
        Math.max(...times),
      )} over ${RUNS} runs`,
  );
}

async function endToEnd() {
  const createdAt = new Date(Date.now() - 40 * 86_400_000);
  const doubles = await Promise.all(
    split(WORKLOADS, CLUSTERS).map(ids =>
      startKubernetesApiTestDouble({
        port: 0,
        synthetic: ids.map(i => ({
          namespace: `team-${i % 20}`,
          name: `w${i}`,
          count: 1,
          labels: { 'paved.dev/team': 'bench' },
          crashLoopEvery: 0,
          pendingEvery: 0,
          createdAt,
        })),
      }),
    ),
  );
  try {
    const { server } = await startPavedTestBackend(
      [],
      doubles.map((d, c) => ({ name: `c${c}`, url: d.url })),
      { cost: { clusterTimeout: { minutes: 2 } } },
    );
    // The test backend already listens on a free port.
    const { port } = server.address() as any;
    const url = `http://127.0.0.1:${port}/api/paved/cost/label/paved.dev%2Fteam/bench?window=last30d&tz=UTC`;
    const headers = { Authorization: mockCredentials.user.header() };
    const warm = await (await fetch(url, { headers })).json();
    const lines = warm.total?.workloads?.length;
    const failed = warm.clusters.filter((c: any) => !c.ok);
    if (failed.length)
      throw new Error(`clusters failed: ${JSON.stringify(failed)}`);
    const times: number[] = [];
    for (let r = 0; r < Math.min(RUNS, 5); r++) {
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.json();
      times.push(performance.now() - t0);
    }
    console.log(
      `end to end (Paved route -> Kubernetes backend -> service proxy -> double's OpenCost, ` +
        `${lines} workload lines): median ${fmt(median(times))}, min ${fmt(
          Math.min(...times),
        )}, ` +
        `max ${fmt(Math.max(...times))} over ${times.length} runs`,
    );
  } finally {
    await Promise.all(doubles.map(d => d.close()));
  }
}

(async () => {
  await pure();
  await endToEnd();
  process.exit(0);
})().catch(e => {
  console.error(e);
  process.exit(1);
});
