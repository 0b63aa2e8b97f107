import { ClusterResult, summarizeLatencies } from '@paved/plugin-paved-common';
import { CallContext } from './ClusterReadRequest';
import { toClusterError } from './errors';
import { withTimeout } from './withTimeout';

export type { ClusterResult };

/**
 * Runs `work` for every cluster at once. Each cluster gets its own abort
 * signal that fires after `timeoutMs`, so one slow cluster costs at most the
 * timeout and its error sits beside the others' data; no rejection escapes.
 */
export async function fanOut<T>(
  clusters: readonly string[],
  timeoutMs: number,
  base: Omit<CallContext, 'signal' | 'onLatency'>,
  work: (cluster: string, ctx: CallContext) => Promise<T>,
): Promise<ClusterResult<T>[]> {
  return Promise.all(
    clusters.map(async (cluster): Promise<ClusterResult<T>> => {
      const latencies: number[] = [];
      const controller = new AbortController();
      const ctx: CallContext = {
        ...base,
        signal: controller.signal,
        onLatency: ms => latencies.push(ms),
      };
      try {
        const data = await withTimeout(
          work(cluster, ctx),
          timeoutMs,
          `Cluster '${cluster}' did not answer within ${timeoutMs} ms`,
        );
        const apiLatency = summarizeLatencies(latencies);
        return {
          cluster,
          ok: true,
          data,
          ...(apiLatency ? { apiLatency } : {}),
        };
      } catch (error) {
        // Stop this cluster's other calls (a timeout too): its answer is
        // already an error.
        if (!controller.signal.aborted) controller.abort(error);
        const apiLatency = summarizeLatencies(latencies);
        return {
          cluster,
          ok: false,
          error: toClusterError(error),
          ...(apiLatency ? { apiLatency } : {}),
        };
      }
    }),
  );
}
