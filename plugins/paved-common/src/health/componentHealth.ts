import { sortProblems } from './problems';
import { podSignals, ContainerRestartRate } from './pods';
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
  };
  problems: HealthProblem[];
}

/**
 * Builds a component summary one object at a time, so a caller can feed it
 * page by page and never hold a whole cluster's lists.
 *
 * @public
 */
export interface ComponentHealthAccumulator {
  add(obj: KubeObject): void;
  result(): ComponentHealthSummary;
}

/** @public */
export function createComponentHealthAccumulator(
  options: HealthOptions = {},
): ComponentHealthAccumulator {
  const now = options.now ?? new Date();
  const entityRef = options.runbookEntityRef;
  const workloads: WorkloadAvailability[] = [];
  const problems: HealthProblem[] = [];
  const byPhase: Record<string, number> = {};
  let pods = 0;
  let restarts = 0;
  let evicted = 0;
  let worst: ContainerRestartRate | undefined;

  return {
    add(obj) {
      if (obj.kind === 'Pod') {
        const signals = podSignals(obj, now, entityRef);
        pods += 1;
        byPhase[signals.phase] = (byPhase[signals.phase] ?? 0) + 1;
        for (const rate of signals.restartRates) {
          restarts += rate.restarts;
          if (rate.restarts > 0 && (!worst || rate.perHour > worst.perHour)) {
            worst = rate;
          }
        }
        if (obj.status?.reason === 'Evicted') evicted += 1;
        problems.push(...signals.problems);
        return;
      }
      const availability = workloadAvailability(obj);
      if (availability) workloads.push(availability);
      problems.push(...workloadProblems(obj, entityRef));
    },
    result() {
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
        },
        problems: sortProblems(problems),
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
