/*
 * The cost route against the pure aggregation of the same data: a 30-day
 * window at one-day steps, 1,000 workloads across 3 clusters.
 *
 *   yarn workspace @paved/plugin-paved-backend bench:cost
 *
 * 1. OpenCost: the doubles (each in its own process, as each cluster's
 *    OpenCost runs beside the backend) are asked directly for exactly what
 *    the route asks them, all clusters at once: how long the answers take,
 *    and their bytes.
 * 2. Pure: those same bytes parsed and reduced to the label's summary with
 *    paved-common's functions (JSON.parse included: the route must do it).
 * 3. End to end: Paved's `/cost/label` route through the real Kubernetes
 *    backend, the clusters' service proxies and the doubles' OpenCost, one
 *    request at a time, taking turns with 2 so load from elsewhere falls on
 *    both alike; then a few more under a sampling profiler to say where the
 *    backend's time goes.
 *
 * Targets (issue #20): end-to-end median ≤ 1.5 × the pure median, and ≤ 1 s.
 * Exits 1 when a target fails, unless BENCH_NO_FAIL=1.
 *
 * Environment (optional): BENCH_WORKLOADS=1000, BENCH_CLUSTERS=3, BENCH_RUNS=10
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  combineSummaries,
  openCostWindowParam,
  parseAllocationResponse,
  resolveCostWindow,
  summarizeCost,
} from '@paved/plugin-paved-common';
import { DEFAULT_ADMIN_TOKEN } from '@paved/kubernetes-api-test-double';
import { startPavedTestBackend } from '../src/__testUtils__/testBackend';
import { DEFAULT_OPENCOST_SERVICE } from '../src/service/cost/costOptions';
import {
  queryString,
  serviceProxyPath,
} from '../src/service/cost/OpenCostClient';
import type { CostHostMessage, CostHostReply } from './costDoubleHost';
import { profiled } from './costProfile';
import { envInt } from './hosts';

const WORKLOADS = envInt('BENCH_WORKLOADS', 1000);
const CLUSTERS = envInt('BENCH_CLUSTERS', 3);
const RUNS = envInt('BENCH_RUNS', 10);
const PROFILED_RUNS = 3;
const RATIO_TARGET = 1.5;
const ABSOLUTE_TARGET_MS = 1000;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) =>
  sorted(xs)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => `${x.toFixed(0)} ms`;
const load = () =>
  loadavg()
    .map(l => l.toFixed(2))
    .join(' ');

function startHost() {
  const child = fork(join(__dirname, 'costDoubleHost.ts'), [], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const send = (m: CostHostMessage) =>
    new Promise<CostHostReply>((resolve, reject) => {
      child.once('message', (r: CostHostReply) =>
        r.type === 'error' ? reject(new Error(r.message)) : resolve(r),
      );
      child.send(m);
    });
  const exit = () => {
    if (child.connected) {
      child.send({ type: 'exit' } satisfies CostHostMessage);
      child.disconnect();
    }
  };
  return { send, exit };
}

const split = (n: number, parts: number) =>
  Array.from({ length: parts }, (_, c) =>
    Array.from({ length: n }, (_unused, i) => i).filter(i => i % parts === c),
  );

async function main() {
  // One process per cluster, as each cluster has its own OpenCost.
  const hosts = split(WORKLOADS, CLUSTERS).map(() => startHost());
  try {
    const createdAt = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const urls = (
      await Promise.all(
        split(WORKLOADS, CLUSTERS).map(async (ids, c) => {
          const started = await hosts[c].send({
            type: 'start',
            clusters: [ids],
            createdAt,
          });
          if (started.type !== 'started') throw new Error('no double');
          return started.urls;
        }),
      )
    ).flat();

    const { server } = await startPavedTestBackend(
      [],
      urls.map((url, c) => ({ name: `c${c}`, url })),
      { cost: { clusterTimeout: { minutes: 2 } } },
    );
    const { port } = server.address() as any;
    const route = `http://127.0.0.1:${port}/api/paved/cost/label/paved.dev%2Fteam/bench?window=last30d&tz=UTC`;
    const headers = { Authorization: mockCredentials.user.header() };
    const ask = async () => {
      const res = await fetch(route, { headers });
      const body = await res.json();
      if (!res.ok) throw new Error(`route: HTTP ${res.status}`);
      return body;
    };
    let routeLines = 0;
    for (let w = 0; w < 2; w++) {
      const warm = await ask();
      const failed = warm.clusters.filter((c: any) => !c.ok);
      if (failed.length)
        throw new Error(`clusters failed: ${JSON.stringify(failed)}`);
      routeLines = warm.total?.workloads?.length ?? 0;
    }

    // 1. The doubles' answers to the route's own query, all clusters at once.
    const window = resolveCostWindow('last30d', new Date(), 'UTC');
    const query = queryString(
      {
        aggregate: 'namespace,controller',
        includeIdle: true,
        window: openCostWindowParam(window),
        step: '1d',
        accumulate: false,
      },
      { endpoint: '/allocation', service: DEFAULT_OPENCOST_SERVICE },
    );
    const path = serviceProxyPath(
      { endpoint: '/allocation', service: DEFAULT_OPENCOST_SERVICE },
      query,
    );
    const fetchBodies = () =>
      Promise.all(
        urls.map(async url => {
          const res = await fetch(`${url}${path}`, {
            headers: { Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}` },
          });
          if (!res.ok) throw new Error(`double: HTTP ${res.status}`);
          return res.text();
        }),
      );
    const openCostTimes: number[] = [];
    let bodies: string[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      bodies = await fetchBodies();
      openCostTimes.push(performance.now() - t0);
    }
    const mib = bodies.reduce((s, b) => s + Buffer.byteLength(b), 0) / 2 ** 20;

    // 2 and 3, taking turns so that a burst of load from elsewhere falls on
    // both alike: pure (the same bytes through paved-common's functions),
    // then one end-to-end request (the response read as a browser would).
    const selector = {
      type: 'label' as const,
      label: 'paved.dev/team',
      value: 'bench',
    };
    const pureTimes: number[] = [];
    const e2eTimes: number[] = [];
    let lines = 0;
    let responseBytes = 0;
    let pureCpuUs = 0;
    let cpuUs = 0;
    const cpuSince = (c0: NodeJS.CpuUsage) => {
      const c = process.cpuUsage(c0);
      return c.user + c.system;
    };
    const loadBefore = load();
    for (let r = 0; r < RUNS; r++) {
      let c0 = process.cpuUsage();
      let t0 = performance.now();
      const combined = combineSummaries(
        bodies.map(b =>
          summarizeCost(
            parseAllocationResponse(JSON.parse(b)),
            selector,
            window,
          ),
        ),
        window,
      );
      pureTimes.push(performance.now() - t0);
      pureCpuUs += cpuSince(c0);
      lines = combined?.workloads.length ?? 0;

      c0 = process.cpuUsage();
      t0 = performance.now();
      const res = await fetch(route, { headers });
      const text = await res.text();
      JSON.parse(text);
      e2eTimes.push(performance.now() - t0);
      cpuUs += cpuSince(c0);
      responseBytes = Buffer.byteLength(text);
    }
    // Both sides must have summed the same workloads.
    if (lines !== routeLines || lines === 0) {
      throw new Error(
        `pure has ${lines} workload lines, the route ${routeLines}`,
      );
    }
    const loadAfter = load();
    const buckets = await profiled(async () => {
      for (let r = 0; r < PROFILED_RUNS; r++) await ask();
    });

    const pure = median(pureTimes);
    const e2e = median(e2eTimes);
    const ratio = e2e / pure;
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    const ratioOk = ratio <= RATIO_TARGET;
    const absOk = e2e <= ABSOLUTE_TARGET_MS;
    const row = (a: string, b: string) => console.log(`  ${a.padEnd(44)} ${b}`);

    console.log(
      `\ncost bench: ${WORKLOADS} workloads × 30 daily steps across ${CLUSTERS} clusters, ` +
        `${lines} workload lines, ${mib.toFixed(1)} MiB of OpenCost JSON, ` +
        `${(responseBytes / 2 ** 20).toFixed(
          1,
        )} MiB response, ${RUNS} runs each\n`,
    );
    row('', 'median     p95       min');
    const line = (name: string, xs: number[]) =>
      row(
        name,
        `${ms(median(xs)).padEnd(10)} ${ms(quantile(xs, 0.95)).padEnd(9)} ${ms(
          Math.min(...xs),
        )}`,
      );
    line('OpenCost answers, fetched directly', openCostTimes);
    line('pure aggregation', pureTimes);
    line('end to end', e2eTimes);
    const pureCpuMs = pureCpuUs / 1000 / RUNS;
    const cpuMs = cpuUs / 1000 / RUNS;
    row(
      'CPU time (this process) per run: pure / e2e',
      `${ms(pureCpuMs)} / ${ms(cpuMs)}  (${(cpuMs / pureCpuMs).toFixed(
        2,
      )}×; less sensitive to load than wall time)`,
    );
    row(
      'load average (1, 5, 15 min) before / after',
      `${loadBefore} / ${loadAfter}`,
    );
    console.log('');
    row(
      `end to end / pure ≤ ${RATIO_TARGET}`,
      `${ratio.toFixed(2)}×  ${verdict(ratioOk)}`,
    );
    row(
      `end to end ≤ ${ABSOLUTE_TARGET_MS} ms`,
      `${ms(e2e)}  ${verdict(absOk)}`,
    );

    const total = [...buckets.values()].reduce((a, b) => a + b, 0);
    console.log(
      `\nwhere the backend's time goes (sampled profile of ${PROFILED_RUNS} more requests, per request):`,
    );
    for (const [name, t] of [...buckets.entries()].sort(
      (a, b) => b[1] - a[1],
    )) {
      row(
        name,
        `${ms(t / PROFILED_RUNS).padStart(7)}  ${((100 * t) / total).toFixed(
          0,
        )}%`,
      );
    }
    return ratioOk && absOk;
  } finally {
    hosts.forEach(h => h.exit());
  }
}

main()
  .then(ok => process.exit(ok || process.env.BENCH_NO_FAIL === '1' ? 0 : 1))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
