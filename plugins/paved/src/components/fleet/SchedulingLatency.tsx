import Typography from '@material-ui/core/Typography';
import {
  FleetSchedulingLatency,
  PodSchedulingWait,
  SCHEDULING_LATENCY_TARGET,
  SchedulingLatencySummary,
} from '@paved/plugin-paved-common';
import { formatCount, formatDuration } from '../common/format';
import { Fact, SectionTitle } from '../common/CardText';

/** `above the 1 s p95 / 5 s p99 target`, or nothing when within it. */
function targetNote(latency: { meetsTarget: boolean }): string {
  return latency.meetsTarget
    ? ''
    : ` (above the ${formatDuration(
        SCHEDULING_LATENCY_TARGET.p95Ms,
      )} p95 / ${formatDuration(SCHEDULING_LATENCY_TARGET.p99Ms)} p99 target)`;
}

/** `kube-system/gpu-check (Job/gpu-check): waiting 12 min` */
export function slowPodLabel(pod: PodSchedulingWait): string {
  return `${pod.namespace}/${pod.name} (${pod.workload}): ${
    pod.waiting ? 'waiting ' : ''
  }${formatDuration(pod.waitedMs)}`;
}

/** The fleet table's cell: p95, the waiting count, the slowest Pod. */
export function schedulingCellText(latency?: FleetSchedulingLatency): string {
  if (!latency) return '—';
  const waiting = latency.waiting ? ` · ${latency.waiting} waiting` : '';
  return `p95 ${formatDuration(latency.p95Ms)}${waiting}`;
}

/**
 * Seed 004's M3 on a health card: creation to PodScheduled, percentiles,
 * the slowest Pods by name and the workloads that wait longest. `ofPods`
 * (the workload card) says how many Pods there were in all, since only
 * those read in full carry their scheduling time.
 */
export function SchedulingLatencySection(props: {
  latency?: SchedulingLatencySummary;
  ofPods?: number;
  /** How many workloads to list; the cluster card keeps it short. */
  workloads?: number;
}) {
  const { latency, ofPods, workloads = 3 } = props;
  if (!latency) return null;
  const listed = latency.workloads.slice(0, workloads);
  return (
    <section aria-label="Scheduling latency">
      <SectionTitle>Scheduling latency</SectionTitle>
      <Fact label="Creation to scheduled">
        median {formatDuration(latency.medianMs)} · p95{' '}
        {formatDuration(latency.p95Ms)} · p99 {formatDuration(latency.p99Ms)}{' '}
        over {formatCount(latency.pods, 'Pod')}
        {ofPods !== undefined && ofPods > latency.pods
          ? ` of ${ofPods} (those read in full)`
          : ''}
        {targetNote(latency)}
      </Fact>
      {latency.waiting > 0 && (
        <Fact label="Still waiting">
          {formatCount(latency.waiting, 'Pod')} not scheduled yet
        </Fact>
      )}
      <Typography variant="body2" component="div">
        <strong>Slowest:</strong>
        <ul aria-label="Slowest Pods to schedule" style={{ margin: 0 }}>
          {latency.slowest.map(pod => (
            <li key={`${pod.namespace}/${pod.name}`}>{slowPodLabel(pod)}</li>
          ))}
        </ul>
      </Typography>
      {listed.length > 1 && (
        <Typography variant="body2" component="div">
          <strong>By workload:</strong>
          <ul aria-label="Scheduling latency by workload" style={{ margin: 0 }}>
            {listed.map(w => (
              <li key={`${w.namespace}/${w.workload}`}>
                {w.namespace}/{w.workload}: p95 {formatDuration(w.p95Ms)} over{' '}
                {formatCount(w.pods, 'Pod')}
                {w.waiting ? `, ${w.waiting} waiting` : ''}
              </li>
            ))}
          </ul>
        </Typography>
      )}
    </section>
  );
}
