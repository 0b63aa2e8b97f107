import type { KubeCondition, KubeObject } from './types';

/**
 * Seed 004's M3, scheduler latency, measured as the scheduler sees it: from
 * a Pod's creation to its `PodScheduled` condition turning True. (Image
 * pulls and container start come after scheduling and are not its fault.)
 * Kubernetes writes both times in whole seconds, so the targets are read as
 * "at most": a Pod scheduled within the second it was created reads 0 s,
 * one scheduled across a second boundary 1 s.
 *
 * @public
 */
export const SCHEDULING_LATENCY_TARGET = {
  id: 'M3',
  name: 'Scheduler latency',
  p95Ms: 1000,
  p99Ms: 5000,
} as const;

/** Percentiles of a set of scheduling waits. @public */
export interface SchedulingLatencyStats {
  /** Pods measured: scheduled ones, and unscheduled ones still waiting. */
  pods: number;
  /** Pods not scheduled yet; their wait so far counts (a lower bound). */
  waiting: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** p95 and p99 at most M3's starting targets (1 s, 5 s). */
  meetsTarget: boolean;
}

/** One Pod's wait for the scheduler. @public */
export interface PodSchedulingWait {
  namespace: string;
  name: string;
  /** `Deployment/checkout`, `StatefulSet/db`, `Pod/<name>` for a bare Pod. */
  workload: string;
  waitedMs: number;
  /** Not scheduled yet: `waitedMs` is its age so far. */
  waiting: boolean;
}

/** The waits of one workload's Pods. @public */
export interface WorkloadSchedulingLatency extends SchedulingLatencyStats {
  namespace: string;
  workload: string;
}

/** Scheduling latency of a cluster, or of a component's Pods. @public */
export interface SchedulingLatencySummary extends SchedulingLatencyStats {
  /** The slowest Pods, slowest first (waiting ones count with their age). */
  slowest: PodSchedulingWait[];
  /** Per workload, the slowest p95 first. */
  workloads: WorkloadSchedulingLatency[];
  /** Workloads measured but left out of `workloads` (past its limit). */
  omittedWorkloads: number;
}

/** @public */
export interface SchedulingLatencyOptions {
  /** The time waiting Pods are aged against; default: now. */
  now?: Date;
  /** How many slowest Pods to name; default 5. */
  slowest?: number;
  /** How many workloads to list; default 20. */
  workloads?: number;
}

/** @public */
export interface SchedulingLatencyAccumulator {
  /** A Pod, full object; anything else is ignored. */
  add(pod: KubeObject): void;
  /** Undefined when no Pod could be measured. */
  result(): SchedulingLatencySummary | undefined;
}

const parseTime = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * The workload a Pod belongs to, by its controller: a ReplicaSet made by a
 * Deployment (its name is the Deployment's plus `-<pod-template-hash>`)
 * counts as that Deployment, a CronJob's Job as that CronJob.
 */
export function podWorkload(pod: KubeObject): string {
  const meta = pod.metadata ?? {};
  const owners = meta.ownerReferences ?? [];
  const owner =
    owners.find(o => (o as { controller?: boolean }).controller) ?? owners[0];
  if (!owner?.kind || !owner.name) return `Pod/${meta.name ?? '?'}`;
  const hash = meta.labels?.['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) {
    return `Deployment/${owner.name.slice(0, -hash.length - 1)}`;
  }
  // A CronJob names each Job `<cronjob>-<scheduled minute since the epoch>`.
  const run = /^(.+)-\d{8,}$/.exec(owner.name);
  if (owner.kind === 'Job' && run) return `CronJob/${run[1]}`;
  return `${owner.kind}/${owner.name}`;
}

/**
 * How long one Pod waited (or has waited so far) for the scheduler;
 * undefined for a Pod that says too little to tell (no creation time, or
 * scheduled without a transition time) or that ended without ever being
 * scheduled.
 */
export function podSchedulingWait(
  pod: KubeObject,
  now: Date = new Date(),
): PodSchedulingWait | undefined {
  if (pod.kind && pod.kind !== 'Pod') return undefined;
  const created = parseTime(pod.metadata?.creationTimestamp);
  if (created === undefined) return undefined;
  const conditions: KubeCondition[] = Array.isArray(pod.status?.conditions)
    ? pod.status.conditions
    : [];
  const scheduled = conditions.find(c => c?.type === 'PodScheduled');
  const base = {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    workload: podWorkload(pod),
  };
  if (scheduled?.status === 'True') {
    const at = parseTime(scheduled.lastTransitionTime);
    if (at === undefined) return undefined;
    return { ...base, waitedMs: Math.max(0, at - created), waiting: false };
  }
  // Unscheduled: only a Pod still Pending is waiting; one that failed or
  // was deleted before a node took it no longer is.
  const phase = pod.status?.phase ?? 'Pending';
  if (phase !== 'Pending' || pod.spec?.nodeName) return undefined;
  return {
    ...base,
    waitedMs: Math.max(0, now.getTime() - created),
    waiting: true,
  };
}

function percentile(sorted: number[], p: number): number {
  // Nearest-rank: a wait that really happened.
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank - 1, 0), sorted.length - 1)];
}

/** Percentiles of waits; undefined for none. @public */
export function schedulingLatencyStats(
  waitsMs: readonly number[],
  waiting: number,
): SchedulingLatencyStats | undefined {
  if (waitsMs.length === 0) return undefined;
  const sorted = [...waitsMs].sort((a, b) => a - b);
  const p95Ms = percentile(sorted, 95);
  const p99Ms = percentile(sorted, 99);
  return {
    pods: sorted.length,
    waiting,
    medianMs: percentile(sorted, 50),
    p95Ms,
    p99Ms,
    maxMs: sorted[sorted.length - 1],
    meetsTarget:
      p95Ms <= SCHEDULING_LATENCY_TARGET.p95Ms &&
      p99Ms <= SCHEDULING_LATENCY_TARGET.p99Ms,
  };
}

const bySlowest = (a: PodSchedulingWait, b: PodSchedulingWait) =>
  b.waitedMs - a.waitedMs ||
  a.namespace.localeCompare(b.namespace) ||
  a.name.localeCompare(b.name);

/**
 * Feed Pods one by one (page by page); keeps one number per Pod and the few
 * slowest, not the Pods.
 * @public
 */
export function createSchedulingLatencyAccumulator(
  options: SchedulingLatencyOptions = {},
): SchedulingLatencyAccumulator {
  const now = options.now ?? new Date();
  const keepSlowest = options.slowest ?? 5;
  const keepWorkloads = options.workloads ?? 20;
  const all: number[] = [];
  let waiting = 0;
  const workloads = new Map<
    string,
    { namespace: string; workload: string; waits: number[]; waiting: number }
  >();
  let slowest: PodSchedulingWait[] = [];

  return {
    add(pod) {
      const wait = podSchedulingWait(pod, now);
      if (!wait) return;
      all.push(wait.waitedMs);
      if (wait.waiting) waiting += 1;
      const key = `${wait.namespace}\u0000${wait.workload}`;
      let w = workloads.get(key);
      if (!w) {
        w = {
          namespace: wait.namespace,
          workload: wait.workload,
          waits: [],
          waiting: 0,
        };
        workloads.set(key, w);
      }
      w.waits.push(wait.waitedMs);
      if (wait.waiting) w.waiting += 1;
      if (keepSlowest > 0) {
        slowest.push(wait);
        // Trim in batches: one sort per `keepSlowest` Pods, not per Pod.
        if (slowest.length >= 2 * keepSlowest + 8) {
          slowest = slowest.sort(bySlowest).slice(0, keepSlowest);
        }
      }
    },
    result() {
      const stats = schedulingLatencyStats(all, waiting);
      if (!stats) return undefined;
      const perWorkload = [...workloads.values()]
        .map(w => ({
          namespace: w.namespace,
          workload: w.workload,
          ...schedulingLatencyStats(w.waits, w.waiting)!,
        }))
        .sort(
          (a, b) =>
            b.p95Ms - a.p95Ms ||
            b.maxMs - a.maxMs ||
            a.namespace.localeCompare(b.namespace) ||
            a.workload.localeCompare(b.workload),
        );
      return {
        ...stats,
        slowest: [...slowest].sort(bySlowest).slice(0, keepSlowest),
        workloads: perWorkload.slice(0, keepWorkloads),
        omittedWorkloads: Math.max(0, perWorkload.length - keepWorkloads),
      };
    },
  };
}

/** Scheduling latency of a set of Pods; see the accumulator. @public */
export function summarizeSchedulingLatency(
  pods: Iterable<KubeObject>,
  options: SchedulingLatencyOptions = {},
): SchedulingLatencySummary | undefined {
  const acc = createSchedulingLatencyAccumulator(options);
  for (const pod of pods) acc.add(pod);
  return acc.result();
}

/**
 * `acc` (any accumulator fed with `add`) that also measures the Pods it is
 * fed, and puts `schedulingLatency` in its result: how the health services
 * add M3 to answers whose accumulators they do not own.
 * @public
 */
export function withSchedulingLatency<
  A extends { add(obj: KubeObject): void; result(): object },
>(
  acc: A,
  options: SchedulingLatencyOptions = {},
): A & { result(): ReturnType<A['result']> & SchedulingLatencyField } {
  const scheduling = createSchedulingLatencyAccumulator(options);
  const wrapped = Object.create(acc) as A;
  wrapped.add = (obj: KubeObject) => {
    acc.add(obj);
    if (obj?.kind === 'Pod') scheduling.add(obj);
  };
  wrapped.result = () => {
    const schedulingLatency = scheduling.result();
    return {
      ...acc.result(),
      ...(schedulingLatency ? { schedulingLatency } : {}),
    };
  };
  return wrapped as any;
}

/** The field health summaries carry M3 in. @public */
export interface SchedulingLatencyField {
  /** Absent when no Pod could be measured. */
  schedulingLatency?: SchedulingLatencySummary;
}
