/*
 * Paved's health and cost routes under sustained load, as a developer,
 * through one real backend (the real @backstage/plugin-kubernetes-backend
 * and Paved, listening on a random loopback port, in this process) and the
 * Kubernetes API test double (the fixture cluster with its OpenCost, plus a
 * synthetic component of many Pods) in a child process. autocannon runs in
 * another child process, so this process's memory and CPU are the
 * backend's.
 *
 *   yarn workspace @paved/plugin-paved-backend load
 *
 * Four runs: the health route of a component and the cost route of the same
 * component, each with the result caches as configured by default and with
 * caching off (`paved.health.cacheTtl: 0`, `paved.cost.cacheTtl: 0`). Per
 * run: requests/s, p50/p99 latency, errors, the backend's resident memory
 * (before; peak, sampled every 500 ms; after a forced GC and a settle) and
 * what the requests cost (cluster requests, TCP connections to the cluster
 * and backend CPU per request). PASS/MISS: no errors, and memory growth
 * (after - before) of at most 200 MB.
 *
 * Environment (all optional):
 *   LOAD_SECONDS=60       duration of each run
 *   LOAD_CONNECTIONS=50   concurrent connections
 *   LOAD_PODS=1000        Pods of the synthetic component
 *   LOAD_SETTLE_SECONDS=10  wait after each run before the "after" memory
 *   LOAD_WARMUP_SECONDS=10  load before each measured run, at the same
 *                           concurrency, so that "before" is the process at its
 *                           working size (JIT, sockets, allocator arenas); the
 *                           warm-up's own growth is printed beside the run
 *
 * The user is a developer: the permission policy allows Paved's reads and
 * denies `kubernetes.proxy` to users, so the routes only answer through the
 * proxy as Paved's own service identity. Loopback only; stops by itself.
 */
import { fork } from 'node:child_process';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startPavedTestBackend } from '../src/__testUtils__/testBackend';
import {
  countConnectionsTo,
  cpuMsSince,
  envInt as env,
  exitHosts,
  startHost,
  takeClusterRequests,
} from './hosts';
import type { LoadResult, LoadRun } from './loadClient';

const SECONDS = env('LOAD_SECONDS', 60);
const CONNECTIONS = env('LOAD_CONNECTIONS', 50);
const PODS = env('LOAD_PODS', 1000);
const SETTLE_SECONDS = env('LOAD_SETTLE_SECONDS', 10, 0);
const WARMUP_SECONDS = env('LOAD_WARMUP_SECONDS', 10, 0);
const MAX_GROWTH_MB = 200;

const CLUSTER = 'paved-local';
const NAMESPACE = 'load';
const APP = 'load-app';
const ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: APP,
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': APP,
        'backstage.io/kubernetes-namespace': NAMESPACE,
      },
    },
    spec: { type: 'service', owner: 'team-load', lifecycle: 'production' },
  },
];
const DEVELOPER = 'user:default/developer';
const HEADERS = {
  Authorization: mockCredentials.user.header(DEVELOPER),
  'Accept-Encoding': 'identity',
};

/** Reads allowed; `kubernetes.proxy` denied to users (service principals pass before this). */
let proxyAskedForUser = 0;
const developerPolicy = (permission: string) => {
  if (permission === 'kubernetes.proxy') {
    proxyAskedForUser++;
    return AuthorizeResult.DENY;
  }
  return AuthorizeResult.ALLOW;
};

const ROUTES = {
  health: `/api/paved/health/entity/default/component/${APP}`,
  cost: `/api/paved/cost/entity/default/component/${APP}?window=mtd&tz=UTC`,
} as const;
type RouteName = keyof typeof ROUTES;

const MB = 2 ** 20;
const rssMb = () => process.memoryUsage().rss / MB;
/** V8 heap and off-heap memory (Buffers), for telling retained objects from RSS the allocator keeps. */
const heapMb = () => {
  const m = process.memoryUsage();
  return { heap: m.heapUsed / MB, external: m.external / MB };
};
const gc = (global as any).gc as (() => void) | undefined;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function runLoad(run: LoadRun): Promise<LoadResult> {
  const child = fork(join(__dirname, 'loadClient.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', r => resolve(r as LoadResult));
    child.once('exit', code =>
      reject(new Error(`load generator exited (${code}) without a result`)),
    );
    child.send(run);
  });
}

/**
 * Paved requests the backend received, and how many it is still working on.
 * The load generator stops with requests in flight and closes their sockets;
 * the backend still reads the cluster for them and ends the response later,
 * so a request counts as done when the route calls `res.end`, not when its
 * socket closes.
 */
function countPavedRequests(server: Server) {
  let received = 0;
  let inFlight = 0;
  const onRequest = (req: { url?: string }, res: { end: Function }) => {
    if (!req.url?.startsWith('/api/paved/')) return;
    received++;
    inFlight++;
    const end = res.end;
    res.end = function ended(this: unknown, ...args: unknown[]) {
      inFlight--;
      res.end = end;
      return end.apply(this, args);
    };
  };
  // First: the routers rewrite req.url as they route.
  server.prependListener('request', onRequest);
  return {
    take: () => {
      const n = received;
      received = 0;
      return n;
    },
    /** Waits until the backend has ended every Paved response (60 s at most). */
    drained: async () => {
      for (let i = 0; i < 600 && inFlight > 0; i++) await sleep(100);
      return inFlight;
    },
  };
}

/** One request, checked: 200 and every cluster answered. */
async function check(base: string, route: RouteName) {
  const res = await fetch(`${base}${ROUTES[route]}`, { headers: HEADERS });
  const body: any = await res.json();
  if (!res.ok) {
    throw new Error(`${route}: HTTP ${res.status} ${JSON.stringify(body)}`);
  }
  const failed = body.clusters.filter((c: any) => !c.ok);
  if (failed.length) {
    throw new Error(`${route}: clusters failed: ${JSON.stringify(failed)}`);
  }
  if (route === 'health') {
    const pods = body.clusters[0].data.pods.total;
    if (pods !== PODS) throw new Error(`health: ${pods} Pods, not ${PODS}`);
  }
  return body;
}

interface RunFigures {
  title: string;
  result: LoadResult;
  before: number;
  peak: number;
  after: number;
  heapBefore: { heap: number; external: number };
  heapAfter: { heap: number; external: number };
  /** Paved requests the backend received (answered or left in flight). */
  received: number;
  clusterRequests: number;
  connections: number;
  cpuMs: number;
}

(async () => {
  const started = performance.now();
  if (!gc) {
    console.log(
      '(run with node --expose-gc for the "after" memory after a forced GC)',
    );
  }
  const host = startHost();
  const ports = new Set<number>();
  const connections = countConnectionsTo(ports);
  const runs: RunFigures[] = [];
  try {
    const reply = await host.send({
      type: 'start',
      clusters: 1,
      podsPerCluster: PODS,
      namespace: NAMESPACE,
      labels: { 'backstage.io/kubernetes-id': APP },
      name: APP,
      fixtures: true,
    });
    if (reply.type !== 'started') throw new Error('double did not start');
    reply.ports.forEach(p => ports.add(p));
    console.log(
      `== Load: ${CONNECTIONS} connections x ${SECONDS} s per run, as ${DEVELOPER}; 1 cluster (the fixture cluster with OpenCost + ${PODS} Pods of ${APP}, 2% crash-looping, 1% Pending) ==`,
    );

    for (const caching of ['default', 'off'] as const) {
      const off = caching === 'off';
      const backend = await startPavedTestBackend(
        ENTITIES,
        [{ name: CLUSTER, url: reply.urls[0] }],
        {
          permissions: developerPolicy,
          // Paved's defaults (clusterTimeout 10 s, cacheTtl 10 s / 60 s) or caching off.
          health: { clusterTimeout: undefined, cacheTtl: off ? 0 : undefined },
          cost: { cacheTtl: off ? 0 : undefined },
        },
      );
      try {
        const { port } = backend.server.address() as AddressInfo;
        const pavedRequests = countPavedRequests(backend.server);
        const base = `http://127.0.0.1:${port}`;
        // Warm up: the first proxy call loads @kubernetes/client-node.
        for (let i = 0; i < 3; i++) {
          await check(base, 'health');
          await check(base, 'cost');
        }
        for (const route of ['health', 'cost'] as const) {
          const title = `${route}, caching ${
            off ? 'off' : 'default (health 10 s, cost 60 s)'
          }`;
          // One-off growth to the working size is not a leak: warm up at the
          // same load first, print what that took, then measure.
          gc?.();
          const cold = rssMb();
          if (WARMUP_SECONDS > 0) {
            await runLoad({
              url: `${base}${ROUTES[route]}`,
              headers: HEADERS,
              connections: CONNECTIONS,
              seconds: WARMUP_SECONDS,
            });
            await pavedRequests.drained();
          }
          gc?.();
          await sleep(1000);
          const before = rssMb();
          console.log(
            `${route}, caching ${caching}: warm-up ${WARMUP_SECONDS} s took RSS ${cold.toFixed(
              0,
            )} -> ${before.toFixed(0)} MB`,
          );
          const heapBefore = heapMb();
          let peak = before;
          const sampler = setInterval(() => {
            peak = Math.max(peak, rssMb());
          }, 500);
          await takeClusterRequests([host]);
          connections.take();
          pavedRequests.take();
          const cpu = process.cpuUsage();
          let result: LoadResult;
          try {
            result = await runLoad({
              url: `${base}${ROUTES[route]}`,
              headers: HEADERS,
              connections: CONNECTIONS,
              seconds: SECONDS,
            });
          } finally {
            clearInterval(sampler);
          }
          peak = Math.max(peak, rssMb());
          // Requests the generator left in flight still read the cluster.
          const stillInFlight = await pavedRequests.drained();
          if (stillInFlight > 0) {
            console.log(
              `(${stillInFlight} Paved requests still in flight after 60 s)`,
            );
          }
          await sleep(500);
          const cpuMs = cpuMsSince(cpu);
          const { total } = await takeClusterRequests([host]);
          const conns = connections.take();
          const received = Math.max(1, pavedRequests.take());
          gc?.();
          await sleep(SETTLE_SECONDS * 1000);
          gc?.();
          const after = rssMb();
          const heapAfter = heapMb();
          // Still answering, and correctly, after the run.
          await check(base, route);
          const figures: RunFigures = {
            title,
            result,
            before,
            peak,
            after,
            heapBefore,
            heapAfter,
            received,
            clusterRequests: total / received,
            connections: conns / received,
            cpuMs: cpuMs / received,
          };
          runs.push(figures);
          printRun(figures);
        }
      } finally {
        await backend.stop();
      }
    }
  } finally {
    connections.close();
    await host.send({ type: 'stop' }).catch(() => {});
    exitHosts([host]);
  }

  console.log('\n== Summary ==');
  console.log(
    `${'run'.padEnd(44)} ${'req/s'.padStart(7)} ${'p50'.padStart(
      8,
    )} ${'p99'.padStart(8)} ${'errors'.padStart(
      6,
    )}  ${'RSS before / peak / after (MB)'.padEnd(30)}  ${'0 errors'.padEnd(
      8,
    )}  growth <= ${MAX_GROWTH_MB} MB`,
  );
  for (const r of runs) {
    const errors = errorsOf(r.result);
    const growth = r.after - r.before;
    console.log(
      `${r.title.padEnd(44)} ${r.result.requestsPerSecond
        .toFixed(0)
        .padStart(7)} ${`${r.result.p50Ms} ms`.padStart(
        8,
      )} ${`${r.result.p99Ms} ms`.padStart(8)} ${String(errors).padStart(
        6,
      )}  ${`${r.before.toFixed(0)} / ${r.peak.toFixed(0)} / ${r.after.toFixed(
        0,
      )} (${growth >= 0 ? '+' : ''}${growth.toFixed(0)})`.padEnd(
        30,
      )}  ${verdict(errors === 0).padEnd(8)}  ${verdict(
        growth <= MAX_GROWTH_MB,
      )}`,
    );
  }
  console.log(
    `kubernetes.proxy asked for the user: ${proxyAskedForUser} times (denied); every cluster read went through the proxy as Paved`,
  );
  console.log(
    `\nload took ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  process.exit(0);
})().catch(error => {
  console.error(error);
  process.exit(1);
});

/** Non-2xx answers, socket errors (timeouts included) and 2xx answers with a failed cluster. */
function errorsOf(r: LoadResult) {
  return r.non2xx + r.errors + r.partial;
}

function printRun(r: RunFigures) {
  const x = r.result;
  const codes = Object.entries(x.statusCodes)
    .map(([c, n]) => `${c}: ${n}`)
    .join(', ');
  console.log(`\n-- ${r.title} --`);
  console.log(
    `${x.requestsPerSecond.toFixed(0)} req/s, ${
      x.completed
    } answered (${codes}); latency p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms, max ${
      x.maxMs
    } ms`,
  );
  console.log(
    `errors ${errorsOf(x)}: non-2xx ${x.non2xx}, socket errors ${
      x.errors
    } (timeouts ${x.timeouts}), 2xx with a failed cluster ${x.partial}`,
  );
  console.log(
    `backend RSS: before ${r.before.toFixed(0)} MB, peak ${r.peak.toFixed(
      0,
    )} MB, after ${r.after.toFixed(0)} MB (${
      gc ? 'forced GC, ' : ''
    }${SETTLE_SECONDS} s settle): growth ${(r.after - r.before).toFixed(0)} MB`,
  );
  console.log(
    `V8 heap used${gc ? ' after GC' : ''}: before ${r.heapBefore.heap.toFixed(
      0,
    )} MB, after ${r.heapAfter.heap.toFixed(
      0,
    )} MB; external (Buffers): ${r.heapBefore.external.toFixed(
      0,
    )} -> ${r.heapAfter.external.toFixed(0)} MB`,
  );
  console.log(
    `per Paved request (${r.received} received): ${r.clusterRequests.toFixed(
      2,
    )} cluster requests, ${r.connections.toFixed(
      2,
    )} TCP connections to the cluster, ${r.cpuMs.toFixed(2)} ms backend CPU`,
  );
}
