import type { SchedulingLatencySummary } from './schedulingLatency';
import { compareProblems, sortProblems } from './problems';
import {
  ContainerRestartRate,
  podRowSignals,
  podSignals,
  PodSignals,
  UninspectedPodRow,
} from './pods';
import { PodRowVerdict } from './podTable';
import { HEALTH_SLIS } from './slis';
import { HealthOptions, HealthProblem, KubeObject } from './types';
import {
  workloadAvailability,
  workloadProblems,
  WorkloadAvailability,
} from './workloads';

/** A component's health in one cluster: summaries only. @public */
export interface ComponentHealthSummary {
  /** Ready over desired across the component's workloads (M1). */
  availability: {
    ready: number;
    desired: number;
    ratio: number;
    target: number;
    meetsTarget: boolean;
  };
  workloads: WorkloadAvailability[];
  pods: {
    total: number;
    byPhase: Record<string, number>;
    restarts: number;
    /** The container restarting most often (M9), if any restarted. */
    worstRestartRate?: ContainerRestartRate;
    /** Pods evicted and not yet garbage-collected (M10). */
    evicted: number;
    /**
     * Pods that were not plainly healthy but were counted from their Table
     * row alone, past the inspection limit: their waiting
     * reasons and restarts are counted, their containers' last terminations
     * (OOM kills before a restart) and waiting messages were not read.
     */
    uninspected?: number;
  };
  problems: HealthProblem[];
  /**
   * Problems counted but not listed, per signal and reason: beyond
   * `maxProblemsPerReason` of a kind, more of the same say nothing new.
   */
  omittedProblems?: { signal: string; reason: string; count: number }[];
  /**
   * Seed 004's M3 over the Pods read in full: every Pod not Running (so
   * every one still waiting), plus those inspected; see schedulingLatency.ts.
   */
  schedulingLatency?: SchedulingLatencySummary;
}

const DEFAULT_MAX_PROBLEMS_PER_REASON = 20;

/** A Pod row judged plainly healthy. @public */
export type HealthyPodRow = Extract<PodRowVerdict, { healthy: true }>;

/**
 * Problems grouped by signal and reason, each group keeping its first `max`
 * in sort order (severity, then id) whatever order they arrive in, and
 * counting the rest: memory and answer size stay flat as Pods grow.
 */
function boundedProblems(max: number) {
  const groups = new Map<string, { kept: HealthProblem[]; omitted: number }>();
  return {
    add(problem: HealthProblem) {
      const key = `${problem.signal}\u0000${problem.reason}`;
      let group = groups.get(key);
      if (!group) {
        group = { kept: [], omitted: 0 };
        groups.set(key, group);
      }
      group.kept.push(problem);
      // Trim in batches: one sort per `max` additions, not per problem.
      if (group.kept.length >= 2 * max) {
        group.kept.sort(compareProblems);
        group.omitted += group.kept.length - max;
        group.kept.length = max;
      }
    },
    result() {
      const listed: HealthProblem[] = [];
      const omitted: { signal: string; reason: string; count: number }[] = [];
      for (const group of groups.values()) {
        const kept = [...group.kept].sort(compareProblems);
        const extra = Math.max(kept.length - max, 0) + group.omitted;
        listed.push(...kept.slice(0, max));
        if (extra > 0) {
          omitted.push({
            signal: kept[0].signal,
            reason: kept[0].reason,
            count: extra,
          });
        }
      }
      // Sorted, so the answer does not depend on which list arrived first.
      omitted.sort((a, b) =>
        `${a.signal}\u0000${a.reason}`.localeCompare(
          `${b.signal}\u0000${b.reason}`,
        ),
      );
      return { listed, omitted };
    },
  };
}

/**
 * Builds a component summary one object at a time, so a caller can feed it
 * page by page and never hold a whole cluster's lists.
 *
 * @public
 */
export interface ComponentHealthAccumulator {
  add(obj: KubeObject): void;
  /**
   * Counts a Pod a server-side Table row showed plainly healthy (see
   * `podRowVerdict`): exactly what `add` would make of its full object.
   */
  addHealthyPodRow(row: HealthyPodRow): void;
  /**
   * Counts a Running Pod that is not plainly healthy from its Table row
   * alone (see `podRowSignals`), when its full object is not fetched.
   */
  addUninspectedPodRow(row: UninspectedPodRow): void;
  /**
   * Counts a Succeeded Pod (a finished Job's) from its `Completed` Table
   * row: its phase and restarts. Not unhealthy, so not `uninspected`.
   */
  addFinishedPodRow(row: UninspectedPodRow): void;
  result(): ComponentHealthSummary;
}

/** @public */
export function createComponentHealthAccumulator(
  options: HealthOptions = {},
): ComponentHealthAccumulator {
  const now = options.now ?? new Date();
  const entityRef = options.runbookEntityRef;
  const workloads: WorkloadAvailability[] = [];
  const problems = boundedProblems(
    options.maxProblemsPerReason ?? DEFAULT_MAX_PROBLEMS_PER_REASON,
  );
  const byPhase: Record<string, number> = {};
  let pods = 0;
  let restarts = 0;
  let evicted = 0;
  let uninspected = 0;
  let worst: ContainerRestartRate | undefined;

  const countPod = (signals: PodSignals) => {
    pods += 1;
    byPhase[signals.phase] = (byPhase[signals.phase] ?? 0) + 1;
    for (const rate of signals.restartRates) {
      if (rate.restarts > 0 && (!worst || rate.perHour > worst.perHour)) {
        worst = rate;
      }
    }
    signals.problems.forEach(problems.add);
  };

  return {
    add(obj) {
      if (obj.kind === 'Pod') {
        const signals = podSignals(obj, now, entityRef);
        countPod(signals);
        for (const rate of signals.restartRates) restarts += rate.restarts;
        if (obj.status?.reason === 'Evicted') evicted += 1;
        return;
      }
      const availability = workloadAvailability(obj);
      if (availability) workloads.push(availability);
      workloadProblems(obj, entityRef).forEach(problems.add);
    },
    addHealthyPodRow(row) {
      // Running, all containers ready, no restarts: no problem, no restart
      // rate above zero, not evicted; only the count and the phase.
      pods += 1;
      byPhase[row.phase] = (byPhase[row.phase] ?? 0) + 1;
    },
    addUninspectedPodRow(row) {
      const signals = podRowSignals(row, entityRef);
      countPod(signals);
      // Counted even without an age to rate them over.
      restarts += signals.restarts;
      if (signals.evicted) evicted += 1;
      uninspected += 1;
    },
    addFinishedPodRow(row) {
      const signals = podRowSignals(row, entityRef);
      countPod(signals);
      restarts += signals.restarts;
    },
    result() {
      const { listed, omitted } = problems.result();
      const ready = workloads.reduce(
        (n, w) => n + Math.min(w.ready, w.desired),
        0,
      );
      const desired = workloads.reduce((n, w) => n + w.desired, 0);
      const ratio = desired > 0 ? ready / desired : 1;
      return {
        availability: {
          ready,
          desired,
          ratio,
          target: HEALTH_SLIS.podAvailability.target,
          meetsTarget: ratio >= HEALTH_SLIS.podAvailability.target,
        },
        workloads: [...workloads].sort((a, b) =>
          `${a.namespace}/${a.kind}/${a.name}`.localeCompare(
            `${b.namespace}/${b.kind}/${b.name}`,
          ),
        ),
        pods: {
          total: pods,
          byPhase: { ...byPhase },
          restarts,
          ...(worst ? { worstRestartRate: worst } : {}),
          evicted,
          ...(uninspected ? { uninspected } : {}),
        },
        problems: sortProblems(listed),
        ...(omitted.length ? { omittedProblems: omitted } : {}),
      };
    },
  };
}

/**
 * A component's health from its objects in one cluster (Pods, Deployments,
 * StatefulSets, DaemonSets, HPAs, PDBs; other kinds are ignored).
 *
 * @public
 */
export function summarizeComponentHealth(
  objects: Iterable<KubeObject>,
  options: HealthOptions = {},
): ComponentHealthSummary {
  const acc = createComponentHealthAccumulator(options);
  for (const obj of objects) acc.add(obj);
  return acc.result();
}
