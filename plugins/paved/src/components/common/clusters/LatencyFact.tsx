import { ApiLatencySummary, HEALTH_SLIS } from '@paved/plugin-paved-common';
import { Fact } from '../CardText';
import { formatCount, formatDuration } from '../format';

/** The API server's latency as the backend measured it (seed 004 M2). */
export function LatencyFact(props: { latency?: ApiLatencySummary }) {
  const { latency } = props;
  if (!latency) return null;
  return (
    <Fact label="API latency">
      median {formatDuration(latency.medianMs)} · p95{' '}
      {formatDuration(latency.p95Ms)} over {formatCount(latency.calls, 'call')}
      {latency.meetsTarget
        ? ''
        : ` (above the ${formatDuration(
            HEALTH_SLIS.apiLatency.p95Ms,
          )} p95 target)`}
    </Fact>
  );
}
