import {
  aggregateSteps,
  CostBreakdown,
  CostSelector,
  Efficiency,
  isIdle,
  ResourceFigures,
  shares,
  slackCostOf,
  sumConcurrent,
  sumMaybe,
  workloadCostOf,
  WorkloadCost,
} from './aggregate';
import { ParsedAllocationSet } from './parse';
import { rightSizing, RightSizingAdvice } from './rightSizing';
import { MaybeNumber } from './types';
import { localDayOf, ResolvedCostWindow } from './windows';

/** A workload's line on the card, with its share of the entity's total. */
export interface WorkloadCostLine extends WorkloadCost {
  share: MaybeNumber;
}

export interface DailyCost {
  /** Local day in the window's zone, `YYYY-MM-DD`. */
  date: string;
  /** Null when OpenCost has no data for that day, never 0. */
  total: MaybeNumber;
}

/** How much of the window OpenCost has data for. */
export interface CostCoverage {
  /** Start of OpenCost's first step with any allocation; null: no data at all. */
  dataStart: string | null;
  /** True when the data covers the window from its start. */
  complete: boolean;
}

/** An entity's cost over a window, in one cluster or summed over several. */
export interface CostSummary {
  costs: CostBreakdown;
  efficiency: Efficiency;
  resources: ResourceFigures;
  /** Cost of requested but unused CPU and memory. */
  slackCost: MaybeNumber;
  /** The clusters' `__idle__` cost: capacity nobody requested. */
  clusterIdleCost: MaybeNumber;
  workloads: WorkloadCostLine[];
  rightSizing: RightSizingAdvice[];
  daily: DailyCost[];
  coverage: CostCoverage;
}

/** Tolerance for a first step that starts a little after the window. */
const COVERAGE_SLACK_MS = 60 * 60 * 1000;

export function coverageOf(
  sets: readonly ParsedAllocationSet[],
  windowStart: string,
): CostCoverage {
  const starts = sets
    .filter(s => s.allocations.length > 0 && (s.dataStart ?? s.start))
    .map(s => Date.parse((s.dataStart ?? s.start)!));
  if (starts.length === 0) return { dataStart: null, complete: false };
  const first = Math.min(...starts);
  return {
    dataStart: new Date(first).toISOString(),
    complete: first <= Date.parse(windowStart) + COVERAGE_SLACK_MS,
  };
}

function resourcesOf(w: WorkloadCost): ResourceFigures {
  return {
    cpuCoreRequestAverage: w.cpuCoreRequestAverage,
    cpuCoreUsageAverage: w.cpuCoreUsageAverage,
    ramByteRequestAverage: w.ramByteRequestAverage,
    ramByteUsageAverage: w.ramByteUsageAverage,
    cpuCoreHours: w.cpuCoreHours,
    ramByteHours: w.ramByteHours,
    minutes: w.minutes,
  };
}

function withShares(workloads: WorkloadCost[]): WorkloadCostLine[] {
  const s = shares(workloads.map(w => w.costs.total));
  return workloads.map((w, i) => ({ ...w, share: s[i] }));
}

/**
 * One cluster's answer (steps of one day, or one accumulated step) reduced
 * to the entity's summary.
 */
export function summarizeCost(
  sets: readonly ParsedAllocationSet[],
  selector: CostSelector,
  window: ResolvedCostWindow,
): CostSummary {
  const coverage = coverageOf(sets, window.start);
  // One pass selects each allocation once, for the workloads and the days.
  const { workloads, stepTotals } = aggregateSteps(sets, selector);
  const total = sumConcurrent(workloads);
  const idleLines = sets.flatMap(s =>
    s.allocations.filter(a => isIdle({ key: a.name })).map(workloadCostOf),
  );
  const byDay = new Map<string, MaybeNumber[]>();
  sets.forEach((set, i) => {
    if (!set.start || !set.end || set.allocations.length === 0) return;
    const day = localDayOf(set.start, set.end, window.zone);
    const totals = byDay.get(day);
    if (totals) totals.push(stepTotals[i]);
    else byDay.set(day, [stepTotals[i]]);
  });
  return {
    costs: total.costs,
    efficiency: total.efficiency,
    resources: resourcesOf(total),
    slackCost: sumMaybe(
      workloads.filter(w => !isIdle(w)).map(w => slackCostOf(w)),
    ),
    clusterIdleCost: idleLines.length
      ? sumMaybe(idleLines.map(l => l.costs.total))
      : null,
    workloads: withShares(workloads),
    rightSizing: workloads.filter(w => !isIdle(w)).map(w => rightSizing(w)),
    daily: window.days.map(date => ({
      date,
      total: byDay.has(date) ? sumMaybe(byDay.get(date)!) : null,
    })),
    coverage,
  };
}

/** Several clusters' summaries as one: workloads side by side, days added. */
export function combineSummaries(
  summaries: readonly CostSummary[],
  window: ResolvedCostWindow,
): CostSummary | null {
  if (summaries.length === 0) return null;
  if (summaries.length === 1) return summaries[0];
  const workloads = summaries
    .flatMap(s => s.workloads)
    .sort((a, b) => (b.costs.total ?? -1) - (a.costs.total ?? -1));
  const total = sumConcurrent(workloads);
  const starts = summaries
    .map(s => s.coverage.dataStart)
    .filter((d): d is string => d !== null);
  return {
    costs: total.costs,
    efficiency: total.efficiency,
    resources: resourcesOf(total),
    slackCost: sumMaybe(summaries.map(s => s.slackCost)),
    clusterIdleCost: summaries.some(s => s.clusterIdleCost !== null)
      ? sumMaybe(summaries.map(s => s.clusterIdleCost ?? 0))
      : null,
    workloads: withShares(workloads),
    rightSizing: summaries.flatMap(s => s.rightSizing),
    daily: window.days.map(date => ({
      date,
      total: sumMaybe(
        summaries.map(s => s.daily.find(d => d.date === date)?.total ?? null),
      ),
    })),
    coverage: {
      dataStart: starts.length
        ? new Date(Math.max(...starts.map(Date.parse))).toISOString()
        : null,
      complete: summaries.every(s => s.coverage.complete),
    },
  };
}
