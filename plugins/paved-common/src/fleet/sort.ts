import type { FleetReadiness, FleetRow } from './types';

const READINESS_RANK: Record<FleetReadiness, number> = {
  // A cluster Paved cannot read is the one nobody knows the state of.
  error: 0,
  'not-ready': 1,
  degraded: 2,
  ready: 3,
};

/**
 * Worst first: clusters that did not answer, then not ready, degraded and
 * ready; within each, more critical then warning problems, more nodes not
 * ready, the lower conformance score, and finally by name so the order is
 * stable.
 */
export function compareFleetRows(a: FleetRow, b: FleetRow): number {
  const byReadiness = READINESS_RANK[a.readiness] - READINESS_RANK[b.readiness];
  if (byReadiness) return byReadiness;
  const ca = a.health?.problemCounts;
  const cb = b.health?.problemCounts;
  if (ca && cb) {
    const byProblems =
      cb.critical - ca.critical ||
      cb.warning - ca.warning ||
      (b.health?.nodes.notReady ?? 0) - (a.health?.nodes.notReady ?? 0) ||
      cb.info - ca.info;
    if (byProblems) return byProblems;
  }
  const sa = scoreOf(a);
  const sb = scoreOf(b);
  if (sa !== sb) return sa - sb;
  return a.cluster.localeCompare(b.cluster);
}

/** A missing score sorts after every known one. */
function scoreOf(row: FleetRow): number {
  return row.conformance?.ok && row.conformance.score !== null
    ? row.conformance.score
    : 2;
}

/** A sorted copy, worst first. */
export function sortFleetRows(rows: readonly FleetRow[]): FleetRow[] {
  return [...rows].sort(compareFleetRows);
}
