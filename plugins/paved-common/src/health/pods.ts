import { PodRowFacts } from './podTable';
import { conditionOf, makeProblem } from './problems';
import { HEALTH_SLIS } from './slis';
import {
  HealthObjectRef,
  HealthProblem,
  KubeContainerStatus,
  KubeObject,
} from './types';

/** Waiting reasons that mean a container cannot start; all are problems. */
export const PROBLEM_WAITING_REASONS = [
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'InvalidImageName',
] as const;

/** Below this age a rate would be mostly noise (1 restart in 1 min = 60/h). */
const MIN_RATE_WINDOW_HOURS = 0.25;

/** Per-container restart rate, in restarts per hour. @public */
export interface ContainerRestartRate {
  pod: string;
  namespace?: string;
  container: string;
  restarts: number;
  perHour: number;
}

/** What one Pod contributes to a summary. */
export interface PodSignals {
  phase: string;
  restartRates: ContainerRestartRate[];
  problems: HealthProblem[];
}

function podRef(pod: KubeObject, container?: string): HealthObjectRef {
  return {
    kind: 'Pod',
    namespace: pod.metadata?.namespace,
    name: pod.metadata?.name ?? '',
    ...(container ? { container } : {}),
  };
}

function containerStatuses(pod: KubeObject): KubeContainerStatus[] {
  const s = pod.status ?? {};
  return [
    ...(Array.isArray(s.initContainerStatuses) ? s.initContainerStatuses : []),
    ...(Array.isArray(s.containerStatuses) ? s.containerStatuses : []),
  ];
}

/** A restart-rate problem when a rate is above the M9 target. */
function restartRateProblem(
  rate: ContainerRestartRate,
  who: string,
  object: HealthObjectRef,
  runbookReasons: (string | undefined)[],
  runbookEntityRef: string | undefined,
): HealthProblem | undefined {
  const target = HEALTH_SLIS.restartRate.targetPerHour;
  if (rate.restarts === 0 || rate.perHour <= target) return undefined;
  return makeProblem(
    {
      signal: 'restart-rate',
      severity: 'warning',
      reason: 'RestartRateAboveTarget',
      message: `${who} restarts ${rate.perHour.toFixed(
        2,
      )} times an hour (target below ${target})`,
      object,
      count: rate.restarts,
      runbookReasons,
      fallbackRunbook: 'crashloopbackoff',
    },
    runbookEntityRef,
  );
}

/** Health signals of one Pod: pending, waiting, OOMKilled, evicted, restarts. */
export function podSignals(
  pod: KubeObject,
  now: Date,
  runbookEntityRef?: string,
): PodSignals {
  const problems: HealthProblem[] = [];
  const phase: string = pod.status?.phase ?? 'Unknown';
  const name = pod.metadata?.name ?? '';

  if (pod.status?.reason === 'Evicted') {
    problems.push(
      makeProblem(
        {
          signal: 'pod-evicted',
          severity: 'warning',
          reason: 'Evicted',
          message: pod.status?.message ?? `Pod ${name} was evicted`,
          object: podRef(pod),
          count: 1,
        },
        runbookEntityRef,
      ),
    );
  }

  // The scheduler explains itself in the PodScheduled condition.
  const scheduled = conditionOf(pod, 'PodScheduled');
  if (phase === 'Pending' && scheduled?.status === 'False') {
    problems.push(
      makeProblem(
        {
          signal: 'pod-pending',
          severity: 'critical',
          reason: scheduled.reason ?? 'Unschedulable',
          message: scheduled.message ?? `Pod ${name} cannot be scheduled`,
          object: podRef(pod),
          fallbackRunbook: 'pod-pending',
        },
        runbookEntityRef,
      ),
    );
  }

  const start = Date.parse(
    pod.status?.startTime ?? pod.metadata?.creationTimestamp ?? '',
  );
  const hours = Number.isFinite(start)
    ? Math.max((now.getTime() - start) / 3_600_000, MIN_RATE_WINDOW_HOURS)
    : undefined;
  const restartRates: ContainerRestartRate[] = [];

  for (const status of containerStatuses(pod)) {
    const container = status.name ?? '';
    const waiting = status.state?.waiting?.reason;
    if (
      waiting &&
      (PROBLEM_WAITING_REASONS as readonly string[]).includes(waiting)
    ) {
      problems.push(
        makeProblem(
          {
            signal: 'container-waiting',
            severity: 'critical',
            reason: waiting,
            message:
              status.state?.waiting?.message ??
              `Container ${container} of ${name} is waiting: ${waiting}`,
            object: podRef(pod, container),
            count: status.restartCount,
          },
          runbookEntityRef,
        ),
      );
    }

    // The kubelet keeps only the last termination, so this reports OOM kills
    // that are the most recent reason a container restarted (or stopped).
    const terminated =
      status.state?.terminated?.reason === 'OOMKilled'
        ? status.state.terminated
        : status.lastState?.terminated;
    if (terminated?.reason === 'OOMKilled') {
      problems.push(
        makeProblem(
          {
            signal: 'oom-killed',
            severity: 'warning',
            reason: 'OOMKilled',
            message: `Container ${container} of ${name} was killed for exceeding its memory limit (exit ${
              terminated.exitCode ?? 137
            })${terminated.finishedAt ? ` at ${terminated.finishedAt}` : ''}`,
            object: podRef(pod, container),
            count: status.restartCount,
          },
          runbookEntityRef,
        ),
      );
    }

    const restarts = status.restartCount ?? 0;
    if (hours !== undefined) {
      const rate: ContainerRestartRate = {
        pod: name,
        namespace: pod.metadata?.namespace,
        container,
        restarts,
        perHour: restarts / hours,
      };
      restartRates.push(rate);
      const problem = restartRateProblem(
        rate,
        `Container ${container} of ${name}`,
        podRef(pod, container),
        // The last termination says why it restarts: OOM, error, ...
        [waiting, status.lastState?.terminated?.reason],
        runbookEntityRef,
      );
      if (problem) problems.push(problem);
    }
  }

  return { phase, restartRates, problems };
}

/** A Running Pod known only from its Table row (see `podRowVerdict`). @public */
export interface UninspectedPodRow {
  name: string;
  namespace?: string;
  facts: PodRowFacts;
}

/**
 * The phase a row's STATUS implies. Rows the bounded read counts are
 * Running Pods, except one that appeared or finished between its two lists:
 * the printer shows those as Pending, ContainerCreating, Init:..., Completed
 * or Evicted.
 */
export function phaseOfRowStatus(status: string): string {
  if (status === 'Completed') return 'Succeeded';
  if (status === 'Evicted') return 'Failed';
  if (status === 'Unknown') return 'Unknown';
  if (
    status === 'Pending' ||
    status === 'ContainerCreating' ||
    status === 'PodInitializing' ||
    status.startsWith('Init:')
  ) {
    return 'Pending';
  }
  return 'Running';
}

/**
 * Health signals of a Pod from its Table row alone, for Running Pods past
 * the inspection limit: the waiting reason STATUS shows, and a restart rate
 * over the Pod's age, the row's restarts shared among its containers (the
 * M9 target is per container). The row cannot show a container's last
 * termination (an OOM kill before a restart) or the waiting message; the
 * summary counts such Pods as `uninspected`.
 */
export function podRowSignals(
  row: UninspectedPodRow,
  runbookEntityRef?: string,
): PodSignals & { restarts: number; evicted: boolean } {
  const { name, facts } = row;
  const object: HealthObjectRef = {
    kind: 'Pod',
    namespace: row.namespace,
    name,
  };
  const problems: HealthProblem[] = [];
  const restarts = facts.restarts ?? 0;
  const evicted = facts.status === 'Evicted';
  if (evicted) {
    problems.push(
      makeProblem(
        {
          signal: 'pod-evicted',
          severity: 'warning',
          reason: 'Evicted',
          message: `Pod ${name} was evicted (from the Pod list; the Pod was not inspected)`,
          object,
          count: 1,
        },
        runbookEntityRef,
      ),
    );
  }
  if ((PROBLEM_WAITING_REASONS as readonly string[]).includes(facts.status)) {
    problems.push(
      makeProblem(
        {
          signal: 'container-waiting',
          severity: 'critical',
          reason: facts.status,
          message: `A container of ${name} is waiting: ${facts.status} (from the Pod list; the Pod was not inspected)`,
          object,
          count: restarts,
        },
        runbookEntityRef,
      ),
    );
  }
  if (facts.status === 'OOMKilled') {
    problems.push(
      makeProblem(
        {
          signal: 'oom-killed',
          severity: 'warning',
          reason: 'OOMKilled',
          message: `A container of ${name} was killed for exceeding its memory limit`,
          object,
          count: restarts,
        },
        runbookEntityRef,
      ),
    );
  }
  const restartRates: ContainerRestartRate[] = [];
  if (facts.ageHours !== undefined) {
    const containers = Math.max(facts.ready?.total ?? 1, 1);
    // One rate for the Pod: its containers' restarts, shared among them.
    const rate: ContainerRestartRate = {
      pod: name,
      namespace: row.namespace,
      container: '',
      restarts,
      perHour:
        restarts / containers / Math.max(facts.ageHours, MIN_RATE_WINDOW_HOURS),
    };
    restartRates.push(rate);
    const problem = restartRateProblem(
      rate,
      containers > 1
        ? `${name} (each of its ${containers} containers on average)`
        : name,
      object,
      [facts.status],
      runbookEntityRef,
    );
    if (problem) problems.push(problem);
  }
  return {
    phase: phaseOfRowStatus(facts.status),
    restartRates,
    problems,
    restarts,
    evicted,
  };
}
