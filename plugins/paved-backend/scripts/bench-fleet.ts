/*
 * The fleet route (`GET /api/paved/fleet`) over many clusters, through one
 * real backend (the real @backstage/plugin-kubernetes-backend and Paved,
 * listening on a port) and Kubernetes API test doubles in child processes
 * (bench/doubleHost.ts), as a developer: cold latency (nothing cached for
 * this user), warm latency (the per-user result caches), response bytes,
 * the backend's memory growth, and the cluster requests per cluster.
 *
 *   yarn workspace @paved/plugin-paved-backend bench:fleet
 *
 * Environment (all optional):
 *   BENCH_CLUSTERS=50     clusters, each its own double
 *   BENCH_PODS=2000       synthetic Pods per cluster (generated at start-up)
 *   BENCH_HOSTS=2         child processes the doubles are spread over
 *   BENCH_WARM_RUNS=20    warm requests (median and p95 reported)
 *   BENCH_TARGET_COLD_MS=2000, BENCH_TARGET_WARM_MS=200,
 *   BENCH_TARGET_MEMORY_MB=200   the PASS/FAIL targets
 *
 * Every cluster is a tiered `kubernetes-cluster` Resource, so each row runs
 * health and conformance (sharing one Pod read) and asks for cost. Exits 1
 * when a target is missed.
 */
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startPavedTestBackend } from '../src/__testUtils__/testBackend';
import {
  envInt as env,
  exitHosts,
  Host,
  startHost,
  takeClusterRequests,
} from '../bench/hosts';

const CLUSTERS = env('BENCH_CLUSTERS', 50);
const PODS = env('BENCH_PODS', 2000);
const HOSTS = Math.min(env('BENCH_HOSTS', 2), CLUSTERS);
const WARM_RUNS = env('BENCH_WARM_RUNS', 20);
const TARGET_COLD_MS = env('BENCH_TARGET_COLD_MS', 2000);
const TARGET_WARM_MS = env('BENCH_TARGET_WARM_MS', 200);
const TARGET_MEMORY_MB = env('BENCH_TARGET_MEMORY_MB', 200);

const DEVELOPER = 'user:default/developer';
/** Warms the process (module loading, connections) without filling the developer's cache. */
const WARMER = 'user:default/warmer';
const authAs = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

const clusterName = (i: number) => `bench-${String(i + 1).padStart(2, '0')}`;
const clusterEntity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'paved.dev/tier': '2', 'paved.dev/provider': 'kind' },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
});

/** A developer's policy: Paved's reads allowed, `kubernetes.proxy` denied to users. */
const developerPolicy = (permission: string) =>
  permission === 'kubernetes.proxy'
    ? AuthorizeResult.DENY
    : AuthorizeResult.ALLOW;

const MB = 1024 * 1024;
const gc = () => (global as any).gc?.();

/** Peak RSS and heap while `work` runs, sampled every 20 ms. */
async function peakDuring<T>(work: () => Promise<T>) {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  try {
    const value = await work();
    const m = process.memoryUsage();
    return {
      value,
      rss: Math.max(rss, m.rss),
      heap: Math.max(heap, m.heapUsed),
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * CPU ms a child process has used so far (Linux /proc; undefined elsewhere).
 * The doubles stand in for the clusters' own API servers, which run on the
 * clusters' machines; here they share this machine's cores with the backend,
 * so their CPU during the cold answer is printed beside the backend's.
 */
function childCpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}
const hostsCpuMs = (hosts: Host[]) =>
  hosts.reduce<number | undefined>((sum, h) => {
    const ms = childCpuMs(h.child.pid);
    return sum === undefined || ms === undefined ? undefined : sum + ms;
  }, 0);
const load = () =>
  loadavg()
    .map(l => l.toFixed(2))
    .join(' ');

async function fleet(base: string, user: string) {
  const started = performance.now();
  const res = await fetch(`${base}/api/paved/fleet`, {
    headers: authAs(user),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) {
    throw new Error(`fleet answered ${res.status}: ${text.slice(0, 300)}`);
  }
  return { ms, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
}

const pct = (sorted: number[], p: number) =>
  sorted[
    Math.min(
      sorted.length - 1,
      Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
    )
  ];
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function main() {
  if (!(global as any).gc) {
    throw new Error('Run with node --expose-gc (the bench:fleet script does)');
  }
  console.log(
    `fleet bench: ${CLUSTERS} clusters × ${PODS} Pods over ${HOSTS} double hosts`,
  );
  const hosts: Host[] = [];
  try {
    const perHost = Math.ceil(CLUSTERS / HOSTS);
    const seedStarted = performance.now();
    while (hosts.length < HOSTS) hosts.push(startHost());
    const replies = await Promise.all(
      hosts.map((host, h) =>
        host.send({
          type: 'start',
          clusters: Math.max(0, Math.min(perHost, CLUSTERS - h * perHost)),
          podsPerCluster: PODS,
          namespace: 'bench',
          labels: { 'backstage.io/kubernetes-id': 'bench-app' },
          name: 'bench-app',
        }),
      ),
    );
    const urls = replies.flatMap(r => (r.type === 'started' ? r.urls : []));
    if (urls.length !== CLUSTERS) {
      throw new Error(`expected ${CLUSTERS} doubles, got ${urls.length}`);
    }
    console.log(
      `doubles seeded in ${fmt(performance.now() - seedStarted)} (${
        CLUSTERS * PODS
      } Pods)`,
    );

    const names = urls.map((_, i) => clusterName(i));
    const backend = await startPavedTestBackend(
      names.map(clusterEntity),
      urls.map((url, i) => ({ name: names[i], url })),
      // Paved's defaults otherwise: 10 s cluster timeout, 10 s result cache.
      {
        permissions: developerPolicy,
        health: { clusterTimeout: { seconds: 10 } },
        cost: { cacheTtl: { seconds: 60 } },
      },
    );
    const { port } = backend.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;

    // Load modules and open connections as another user: the developer's
    // cache stays empty for the cold request.
    const warmer = await fleet(base, WARMER);
    await takeClusterRequests(hosts);
    if (process.env.BENCH_DEBUG) {
      console.log(`warm-up as another user: ${fmt(warmer.ms)}`);
      for (const path of [
        '/api/paved/fleet',
        `/api/paved/health/cluster/${names[0]}`,
        `/api/paved/conformance/entity/default/resource/${names[0]}`,
        `/api/paved/cost/cluster/${names[0]}`,
      ]) {
        const t = performance.now();
        const r = await fetch(`${base}${path}`, {
          headers: authAs(`user:default/debug-${path.length}`),
        });
        await r.text();
        console.log(`  ${path}: ${r.status} ${fmt(performance.now() - t)}`);
      }
      console.log(JSON.stringify((await takeClusterRequests(hosts)).byShape));
    }

    gc();
    const before = process.memoryUsage();
    // CPU seconds of this process (the backend) are steadier than wall time
    // on a shared machine: other work stretches the latter, not the former.
    const cpuBefore = process.cpuUsage();
    const doublesCpuBefore = hostsCpuMs(hosts);
    const loadBefore = load();
    const cold = await peakDuring(() => fleet(base, DEVELOPER));
    const coldCpu = process.cpuUsage(cpuBefore);
    const doublesCpuAfter = hostsCpuMs(hosts);
    const loadAfter = load();
    const coldRequests = await takeClusterRequests(hosts);

    const warm: number[] = [];
    const warmPeak = await peakDuring(async () => {
      for (let i = 0; i < WARM_RUNS; i++) {
        warm.push((await fleet(base, DEVELOPER)).ms);
      }
    });
    const warmRequests = await takeClusterRequests(hosts);
    gc();
    const after = process.memoryUsage();
    warm.sort((a, b) => a - b);

    const rows: any[] = cold.value.body.clusters;
    const errors = rows.filter(r => r.readiness === 'error');
    const conformed = rows.filter(r => r.conformance?.ok).length;
    const podLists = coldRequests.byShape['GET /api/v1/pods'] ?? 0;
    const peakRssGrowth = (Math.max(cold.rss, warmPeak.rss) - before.rss) / MB;
    const peakHeapGrowth =
      (Math.max(cold.heap, warmPeak.heap) - before.heapUsed) / MB;
    const retainedGrowth = (after.heapUsed - before.heapUsed) / MB;
    const warmMedian = pct(warm, 50);
    const warmP95 = pct(warm, 95);

    console.log('');
    console.log(
      `rows                 ${rows.length} (${errors.length} errors, ${conformed} with a conformance score)`,
    );
    if (errors.length) {
      console.log(
        `  first error: ${errors[0].cluster}: ${errors[0].error?.message}`,
      );
    }
    console.log(
      `cold                 ${fmt(cold.value.ms)} (backend CPU ${fmt(
        (coldCpu.user + coldCpu.system) / 1000,
      )})`,
    );
    if (doublesCpuBefore !== undefined && doublesCpuAfter !== undefined) {
      console.log(
        `                     the doubles' CPU meanwhile: ${fmt(
          doublesCpuAfter - doublesCpuBefore,
        )} over ${HOSTS} processes (they stand in for the clusters' own API servers, on this machine's cores)`,
      );
    }
    console.log(
      `                     load average (1, 5, 15 min) before / after: ${loadBefore} / ${loadAfter} on ${availableParallelism()} cores`,
    );
    console.log(
      `warm                 median ${fmt(warmMedian)} · p95 ${fmt(
        warmP95,
      )} over ${WARM_RUNS}`,
    );
    console.log(
      `response             ${(cold.value.bytes / 1024).toFixed(1)} KiB`,
    );
    console.log(
      `cluster requests     cold ${coldRequests.total} (${(
        coldRequests.total / CLUSTERS
      ).toFixed(1)} per cluster; Pod list pages ${podLists}, ${(
        podLists / CLUSTERS
      ).toFixed(1)} per cluster) · warm ${
        warmRequests.total
      } over ${WARM_RUNS} requests`,
    );
    console.log(
      `memory               peak heap +${peakHeapGrowth.toFixed(
        0,
      )} MB · peak RSS +${peakRssGrowth.toFixed(
        0,
      )} MB · retained heap after GC +${retainedGrowth.toFixed(0)} MB`,
    );

    const verdicts: [string, boolean, string][] = [
      [
        'cold',
        cold.value.ms <= TARGET_COLD_MS,
        `${fmt(cold.value.ms)} ≤ ${TARGET_COLD_MS} ms`,
      ],
      [
        'warm (p95)',
        warmP95 <= TARGET_WARM_MS,
        `${fmt(warmP95)} ≤ ${TARGET_WARM_MS} ms`,
      ],
      // The stricter reading of "growth": the peak while answering, not what stays.
      [
        'memory (peak RSS growth)',
        peakRssGrowth <= TARGET_MEMORY_MB,
        `${peakRssGrowth.toFixed(0)} MB ≤ ${TARGET_MEMORY_MB} MB`,
      ],
      [
        'every cluster answered',
        errors.length === 0,
        `${errors.length} error rows`,
      ],
    ];
    console.log('');
    for (const [name, ok, detail] of verdicts) {
      console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
    }
    await backend.stop();
    process.exitCode = verdicts.every(v => v[1]) ? 0 : 1;
  } finally {
    await Promise.all(hosts.map(h => h.send({ type: 'stop' }).catch(() => {})));
    exitHosts(hosts);
  }
}

main().then(
  // The Kubernetes backend keeps timers: leave with the verdict.
  () => process.exit(process.exitCode ?? 0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
