/**
 * Seed 004's SLIs that the health signals measure, with their starting
 * targets, so cards and docs quote one source.
 *
 * @public
 */
export const HEALTH_SLIS = {
  /** M1 Pod availability: ready Pods over desired, target 99.9%. */
  podAvailability: { id: 'M1', name: 'Pod availability', target: 0.999 },
  /** M9 Pod restart rate: restarts per container per hour, below 0.1. */
  restartRate: { id: 'M9', name: 'Pod restart rate', targetPerHour: 0.1 },
  /** M10 Eviction rate: near zero for production. */
  evictionRate: { id: 'M10', name: 'Eviction rate', target: 0 },
  /** M2 API server latency: p95 below 200 ms, p99 below 1 s. */
  apiLatency: { id: 'M2', name: 'API server latency', p95Ms: 200, p99Ms: 1000 },
} as const;
