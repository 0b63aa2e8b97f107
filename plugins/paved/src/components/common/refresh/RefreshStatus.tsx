import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';
import { formatDuration, formatRelativeTime } from '../format';
import { PolledRead } from './usePolledRead';

/** How often "Last read …" is worked out again while it shows. */
const TICK_MS = 5_000;

function useNow(): DateTime {
  const [now, setNow] = useState(() => DateTime.now());
  useEffect(() => {
    const id = setInterval(() => setNow(DateTime.now()), TICK_MS);
    return () => clearInterval(id);
  }, []);
  return now;
}

/**
 * The card's footer: when its data was read ("Last read 12 seconds ago"),
 * with the exact time as the `<time>` element's value and tooltip, and
 * whether a refresh is running.
 */
export function LastRead(props: { read: PolledRead<unknown> }) {
  const { lastReadAt, refreshing } = props.read;
  const now = useNow();
  if (!lastReadAt) return null;
  const iso = lastReadAt.toISO() ?? undefined;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      style={{ marginTop: 8 }}
    >
      Last read{' '}
      <time
        dateTime={iso}
        title={lastReadAt.toLocaleString(DateTime.DATETIME_FULL)}
      >
        {formatRelativeTime(iso, DateTime.max(now, lastReadAt))}
      </time>
      {refreshing ? ' · refreshing…' : ''}
    </Typography>
  );
}

/**
 * A refresh failed but an earlier read succeeded: say so above the data,
 * which stays, with when the card tries again.
 */
export function RefreshFailed(props: { read: PolledRead<unknown> }) {
  const { error, value, failures, retryInMs } = props.read;
  if (!error || value === undefined) return null;
  return (
    <div role="alert" aria-label="Refresh failed" style={{ marginBottom: 8 }}>
      <Typography variant="body2" color="error">
        Could not refresh
        {failures > 1 ? ` (${failures} tries in a row)` : ''}: {error.message}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Showing the last data read
        {retryInMs ? `; trying again in ${formatDuration(retryInMs)}` : ''}.
      </Typography>
    </div>
  );
}
