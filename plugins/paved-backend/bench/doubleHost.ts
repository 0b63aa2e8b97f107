/*
 * Runs the Kubernetes API test doubles for the benches in a separate
 * process, so the benches' memory and CPU figures are the backend's alone
 * and not the doubles' stores. Driven over IPC by health.bench.ts and
 * load.ts.
 */
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';

export interface StartMessage {
  type: 'start';
  clusters: number;
  podsPerCluster: number;
  namespace: string;
  labels: Record<string, string>;
  name: string;
  /** Every Nth Pod crash-looping / Pending (seedSyntheticPods' defaults when unset). */
  crashLoopEvery?: number;
  pendingEvery?: number;
  /**
   * Seed the double's own fixtures (the `paved-local` cluster, OpenCost
   * included) beside the synthetic workload; default: synthetic only.
   */
  fixtures?: boolean;
}
/** Every request the doubles served since the last `requests`, then forgets them. */
export interface RequestsMessage {
  type: 'requests';
}
export type HostMessage =
  | StartMessage
  | RequestsMessage
  | { type: 'stop' }
  | { type: 'exit' };
export type HostReply =
  | { type: 'started'; urls: string[]; ports: number[]; seedMs: number }
  | {
      type: 'requests';
      /** Requests served, per double. */
      counts: number[];
      /** Requests by method and path with names and query left out. */
      byShape: Record<string, number>;
    }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

let doubles: KubernetesApiTestDouble[] = [];

async function stop() {
  await Promise.all(doubles.map(d => d.close()));
  doubles = [];
}

/** `/api/v1/namespaces/x/pods/y` -> `GET /api/v1/namespaces/*\/pods/*`. */
function shapeOf(method: string, path: string): string {
  const parts = path.split('/');
  const out = parts.map((p, i) =>
    i > 0 && ['namespaces', 'pods', 'services'].includes(parts[i - 1])
      ? '*'
      : p,
  );
  return `${method} ${out.join('/')}`;
}

process.on('message', async (message: HostMessage) => {
  const reply = (r: HostReply) => process.send?.(r);
  try {
    if (message.type === 'start') {
      await stop();
      const started = performance.now();
      for (let i = 0; i < message.clusters; i++) {
        doubles.push(
          await startKubernetesApiTestDouble({
            // By default only the synthetic workload: every listed object is the bench's.
            fixturesDir: message.fixtures ? undefined : false,
            synthetic: [
              {
                namespace: message.namespace,
                labels: message.labels,
                count: message.podsPerCluster,
                name: message.name,
                crashLoopEvery: message.crashLoopEvery,
                pendingEvery: message.pendingEvery,
              },
            ],
          }),
        );
      }
      reply({
        type: 'started',
        urls: doubles.map(d => d.url),
        ports: doubles.map(d => d.port),
        seedMs: performance.now() - started,
      });
    } else if (message.type === 'requests') {
      const byShape: Record<string, number> = {};
      for (const d of doubles) {
        for (const r of d.requests) {
          const shape = shapeOf(r.method, r.path);
          byShape[shape] = (byShape[shape] ?? 0) + 1;
        }
      }
      const counts = doubles.map(d => d.requests.length);
      doubles.forEach(d => d.clearRequests());
      reply({ type: 'requests', counts, byShape });
    } else if (message.type === 'stop') {
      await stop();
      reply({ type: 'stopped' });
    } else {
      await stop();
      process.exit(0);
    }
  } catch (error) {
    reply({ type: 'error', message: String(error) });
  }
});
