/*
 * The OpenCost side of cost.bench.ts in its own process, as a real OpenCost
 * runs beside the backend and not inside it: the bench's backend figures are
 * then the backend's alone, and the double's own cost shows up as the time
 * its answers take, measured separately. Driven over IPC.
 */
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';

export interface CostHostStart {
  type: 'start';
  /** Per cluster, the workload numbers it runs (`w<i>` in `team-<i % 20>`). */
  clusters: number[][];
  createdAt: string;
}
export type CostHostMessage = CostHostStart | { type: 'exit' };
export type CostHostReply =
  | { type: 'started'; urls: string[] }
  | { type: 'error'; message: string };

let doubles: KubernetesApiTestDouble[] = [];

process.on('message', async (message: CostHostMessage) => {
  const reply = (r: CostHostReply) => process.send?.(r);
  try {
    if (message.type === 'start') {
      const createdAt = new Date(message.createdAt);
      doubles = await Promise.all(
        message.clusters.map(ids =>
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
      reply({ type: 'started', urls: doubles.map(d => d.url) });
    } else {
      await Promise.all(doubles.map(d => d.close()));
      process.exit(0);
    }
  } catch (error) {
    reply({ type: 'error', message: String(error) });
  }
});
