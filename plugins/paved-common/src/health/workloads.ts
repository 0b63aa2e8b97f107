import { conditionOf, makeProblem } from './problems';
import { HEALTH_SLIS } from './slis';
import { HealthProblem, KubeObject } from './types';

/** Ready over desired for one workload (seed 004 M1). @public */
export interface WorkloadAvailability {
  kind: string;
  namespace?: string;
  name: string;
  desired: number;
  ready: number;
  /** ready / desired; 1 when nothing is desired (scaled to zero). */
  ratio: number;
  meetsTarget: boolean;
}

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

/** Desired and ready replicas, read the way `kubectl get` reads them. */
export function workloadAvailability(
  workload: KubeObject,
): WorkloadAvailability | undefined {
  const kind = workload.kind ?? '';
  if (!WORKLOAD_KINDS.includes(kind)) return undefined;
  const status = workload.status ?? {};
  const desired =
    kind === 'DaemonSet'
      ? Number(status.desiredNumberScheduled ?? 0)
      : Number(workload.spec?.replicas ?? 1);
  const ready =
    kind === 'DaemonSet'
      ? Number(status.numberReady ?? 0)
      : Number(status.readyReplicas ?? 0);
  const ratio = desired > 0 ? Math.min(ready / desired, 1) : 1;
  return {
    kind,
    namespace: workload.metadata?.namespace,
    name: workload.metadata?.name ?? '',
    desired,
    ready,
    ratio,
    meetsTarget: ratio >= HEALTH_SLIS.podAvailability.target,
  };
}

/** Problems of a Deployment, StatefulSet, DaemonSet, HPA or PDB. */
export function workloadProblems(
  obj: KubeObject,
  runbookEntityRef?: string,
): HealthProblem[] {
  const problems: HealthProblem[] = [];
  const object = {
    kind: obj.kind ?? '',
    namespace: obj.metadata?.namespace,
    name: obj.metadata?.name ?? '',
  };
  const availability = workloadAvailability(obj);
  if (availability && !availability.meetsTarget) {
    problems.push(
      makeProblem(
        {
          signal: 'workload-unavailable',
          severity: availability.ready === 0 ? 'critical' : 'warning',
          reason: 'BelowDesiredReplicas',
          message: `${object.kind} ${object.name}: ${availability.ready}/${availability.desired} ready`,
          object,
          count: availability.desired - availability.ready,
        },
        runbookEntityRef,
      ),
    );
  }

  if (obj.kind === 'Deployment') {
    const progressing = conditionOf(obj, 'Progressing');
    if (
      progressing?.status === 'False' &&
      progressing.reason === 'ProgressDeadlineExceeded'
    ) {
      problems.push(
        makeProblem(
          {
            signal: 'rollout-stuck',
            severity: 'critical',
            reason: 'ProgressDeadlineExceeded',
            message:
              progressing.message ??
              `Rollout of ${object.name} exceeded its progress deadline`,
            object,
          },
          runbookEntityRef,
        ),
      );
    }
  }

  if (obj.kind === 'HorizontalPodAutoscaler') {
    const max = Number(obj.spec?.maxReplicas);
    const current = Number(obj.status?.currentReplicas ?? NaN);
    if (Number.isFinite(max) && current >= max) {
      // A maxed-out HPA cannot absorb more load; ScalingLimited says why.
      const limited = conditionOf(obj, 'ScalingLimited');
      problems.push(
        makeProblem(
          {
            signal: 'hpa-at-max',
            severity: 'warning',
            reason: 'KubeHpaMaxedOut',
            message: `HPA ${
              object.name
            } runs at its maximum of ${max} replicas${
              limited?.message ? `: ${limited.message}` : ''
            }`,
            object,
            count: current,
          },
          runbookEntityRef,
        ),
      );
    }
  }

  if (obj.kind === 'PodDisruptionBudget') {
    const allowed = obj.status?.disruptionsAllowed;
    if (allowed !== undefined && Number(allowed) <= 0) {
      const condition = conditionOf(obj, 'DisruptionAllowed');
      problems.push(
        makeProblem(
          {
            signal: 'pdb-no-disruptions',
            severity: 'warning',
            reason: condition?.reason ?? 'InsufficientPods',
            message: `PDB ${object.name} allows no disruption (${
              obj.status?.currentHealthy ?? '?'
            } healthy, ${
              obj.status?.desiredHealthy ?? '?'
            } required): node drains will block`,
            object,
            // `SufficientPods` with maxUnavailable 0 blocks drains just the same.
            fallbackRunbook: 'pdb-blocking-drain',
          },
          runbookEntityRef,
        ),
      );
    }
  }
  return problems;
}
