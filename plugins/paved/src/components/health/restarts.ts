import {
  ComponentHealthSummary,
  HealthSignal,
} from '@paved/plugin-paved-common';

/** One bar of the restarts chart: a container (or a Pod) and its restarts. */
export interface ContainerRestarts {
  /** `pod/container`, or the Pod alone when only its list row was read. */
  name: string;
  pod: string;
  container?: string;
  restarts: number;
}

/**
 * Problems whose `count` is the container's restart count (the kubelet's
 * `restartCount`); an eviction's count is not a restart.
 */
const RESTART_SIGNALS: ReadonlySet<HealthSignal> = new Set([
  'restart-rate',
  'oom-killed',
  'container-waiting',
]);

/**
 * Restarts per container, from what the health answer holds: its problems'
 * restart counts and the worst restart rate. Containers that restarted
 * without a problem are only in the total (`pods.restarts`), so this is the
 * restarts of the containers that matter, most first. Empty when the answer
 * has no restarts: then there is nothing to chart.
 */
export function restartsByContainer(
  health: ComponentHealthSummary,
  limit = 10,
): ContainerRestarts[] {
  const byKey = new Map<string, ContainerRestarts>();
  const add = (pod: string, container: string | undefined, n?: number) => {
    if (!pod || !n || n <= 0) return;
    const name = container ? `${pod}/${container}` : pod;
    const known = byKey.get(name);
    // Several problems of one container carry the same count: keep one.
    if (!known || known.restarts < n) {
      byKey.set(name, {
        name,
        pod,
        ...(container ? { container } : {}),
        restarts: n,
      });
    }
  };
  for (const problem of health.problems) {
    if (RESTART_SIGNALS.has(problem.signal) && problem.object.kind === 'Pod') {
      add(problem.object.name, problem.object.container, problem.count);
    }
  }
  const worst = health.pods.worstRestartRate;
  if (worst) add(worst.pod, worst.container || undefined, worst.restarts);
  return [...byKey.values()]
    .sort((a, b) => b.restarts - a.restarts || a.name.localeCompare(b.name))
    .slice(0, limit);
}
