import { COST_PARTS, CostPart, WorkloadCost } from './aggregate';
import { MaybeNumber } from './types';

/** One figure now and in the previous period. */
export interface CostChange {
  current: MaybeNumber;
  previous: MaybeNumber;
  /** current − previous; null when either is unknown. */
  delta: MaybeNumber;
  /**
   * delta / previous; 0 when both are 0; null when either is unknown or
   * the previous period cost nothing (a rise from 0 has no percentage).
   */
  ratio: MaybeNumber;
}

/** A workload in either period, matched by cluster and OpenCost key. */
export interface WorkloadChange {
  key: string;
  cluster?: string;
  namespace?: string;
  controllerKind?: string;
  controller?: string;
  /** `new`: not in the previous period; `gone`: not in this one. */
  presence: 'both' | 'new' | 'gone';
  change: CostChange;
}

/** This period against the previous one of equal length. */
export interface CostComparison {
  /** The previous period, and how the card names it ("previous 7 days"). */
  previous: { start: string; end: string; label: string };
  /** False when the previous period's data is missing in part. */
  previousComplete: boolean;
  total: CostChange;
  parts: Record<CostPart, CostChange>;
  /** Largest absolute change first; unknown changes last. */
  workloads: WorkloadChange[];
}

/** The change between two figures, unknown staying unknown. */
export function costChange(
  current: MaybeNumber,
  previous: MaybeNumber,
): CostChange {
  if (current === null || previous === null) {
    return { current, previous, delta: null, ratio: null };
  }
  const delta = current - previous;
  let ratio: MaybeNumber = null;
  if (previous !== 0) ratio = delta / previous;
  else if (current === 0) ratio = 0;
  return { current, previous, delta, ratio };
}

type Side = Pick<WorkloadCost, 'costs'> & {
  workloads: readonly WorkloadCost[];
};

const idOf = (w: WorkloadCost) => `${w.cluster ?? ''}|${w.key}`;

function identity(w: WorkloadCost) {
  const out: Omit<WorkloadChange, 'presence' | 'change'> = { key: w.key };
  if (w.cluster) out.cluster = w.cluster;
  if (w.namespace) out.namespace = w.namespace;
  if (w.controllerKind) out.controllerKind = w.controllerKind;
  if (w.controller) out.controller = w.controller;
  return out;
}

/**
 * Compares two periods' summaries: the total, each kind of cost and each
 * workload. A workload only in this period is `new` (previous 0), one only
 * in the previous period is `gone` (current 0): a workload that did not run
 * cost nothing, which is known, not unknown.
 */
export function compareCosts(
  current: Side,
  previous: Side,
  period: { start: string; end: string; label: string; complete: boolean },
): CostComparison {
  const parts = {} as Record<CostPart, CostChange>;
  for (const part of COST_PARTS) {
    parts[part] = costChange(current.costs[part], previous.costs[part]);
  }
  const before = new Map<string, WorkloadCost>();
  for (const w of previous.workloads) before.set(idOf(w), w);
  const workloads: WorkloadChange[] = [];
  for (const w of current.workloads) {
    const p = before.get(idOf(w));
    before.delete(idOf(w));
    workloads.push({
      ...identity(w),
      presence: p ? 'both' : 'new',
      change: costChange(w.costs.total, p ? p.costs.total : 0),
    });
  }
  for (const p of before.values()) {
    workloads.push({
      ...identity(p),
      presence: 'gone',
      change: costChange(0, p.costs.total),
    });
  }
  const size = (c: WorkloadChange) =>
    c.change.delta === null ? -1 : Math.abs(c.change.delta);
  workloads.sort((a, b) => size(b) - size(a) || a.key.localeCompare(b.key));
  return {
    previous: { start: period.start, end: period.end, label: period.label },
    previousComplete: period.complete,
    total: costChange(current.costs.total, previous.costs.total),
    parts,
    workloads,
  };
}
