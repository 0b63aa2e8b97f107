/*
 * Runs the Kubernetes API test doubles for the health bench in a separate
 * process, so the bench's memory figures are the backend's alone and not the
 * doubles' stores. Driven over IPC by health.bench.ts.
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
}
export type HostMessage = StartMessage | { type: 'stop' } | { type: 'exit' };
export type HostReply =
  | { type: 'started'; urls: string[]; seedMs: number }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

let doubles: KubernetesApiTestDouble[] = [];

async function stop() {
  await Promise.all(doubles.map(d => d.close()));
  doubles = [];
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
            // Only the synthetic workload: every listed object is the bench's.
            fixturesDir: false,
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
        seedMs: performance.now() - started,
      });
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
