import { HEALTH_SLIS } from '../health/slis';

/** The API server's latency as the caller measured it (seed 004 M2). @public */
export interface ApiLatencySummary {
  calls: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** p95 under seed 004's 200 ms starting target. */
  meetsTarget: boolean;
}

function percentile(sorted: number[], p: number): number {
  // Nearest-rank: with few calls, report a latency that really happened.
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank - 1, 0), sorted.length - 1)];
}

/** Median, p95 and max of call durations; undefined for no calls. @public */
export function summarizeLatencies(
  durationsMs: readonly number[],
): ApiLatencySummary | undefined {
  if (durationsMs.length === 0) return undefined;
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const p95Ms = percentile(sorted, 95);
  return {
    calls: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms,
    maxMs: sorted[sorted.length - 1],
    meetsTarget: p95Ms < HEALTH_SLIS.apiLatency.p95Ms,
  };
}
