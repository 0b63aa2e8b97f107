import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { CostAlertRecord } from '@paved/plugin-paved-common';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { pavedCostAlertsApiRef } from '../../../api/PavedCostAlertsClient';
import { formatInstant, userZone } from '../../common/format';

const DAY_MS = 86_400_000;

/** When an alert was sent or a snooze ends, in the reader's zone. */
const whenText = (iso: string) => formatInstant(iso, userZone());

function AlertLine(props: {
  alert: CostAlertRecord;
  busy: boolean;
  onSnooze: (days: number) => void;
  onDismiss: () => void;
}) {
  const { alert, busy } = props;
  const snoozed =
    alert.snoozedUntil && Date.parse(alert.snoozedUntil) > Date.now()
      ? alert.snoozedUntil
      : null;
  let state = alert.sentAt ? `Sent ${whenText(alert.sentAt)}` : 'Not sent yet';
  if (alert.dismissedAt)
    state = `Dismissed by ${alert.dismissedBy ?? 'someone'}`;
  else if (snoozed) state = `Snoozed until ${whenText(snoozed)}`;
  return (
    <ListItem divider data-testid={`cost-alert-${alert.id}`}>
      <ListItemText
        primary={alert.title}
        secondary={`${alert.description} · ${state}`}
      />
      {!alert.dismissedAt && (
        <Box display="flex" style={{ gap: 8, flexShrink: 0 }}>
          <Button
            size="small"
            disabled={busy}
            onClick={() => props.onSnooze(1)}
            // The accessible name starts with the visible text (WCAG 2.5.3).
            aria-label={`Snooze 1 day: ${alert.title}`}
          >
            Snooze 1 day
          </Button>
          <Button
            size="small"
            disabled={busy}
            onClick={() => props.onSnooze(7)}
            aria-label={`Snooze 7 days: ${alert.title}`}
          >
            Snooze 7 days
          </Button>
          <Button
            size="small"
            color="secondary"
            disabled={busy}
            onClick={props.onDismiss}
            aria-label={`Dismiss ${alert.title}`}
          >
            Dismiss
          </Button>
        </Box>
      )}
    </ListItem>
  );
}

/**
 * The entity's cost alerts that hold now (budget projection, week-over-week
 * growth, idle cost), with snooze and dismiss for the entity's owners. The
 * scheduled evaluation raises them and notifies the owning group; nothing
 * shows when there are none.
 *
 * @public
 */
export function CostAlertsList() {
  const { entity } = useEntity();
  // Optional: an app (or a test) without the alerts client shows no alerts.
  const api = useApiHolder().get(pavedCostAlertsApiRef);
  const ref = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const [alerts, setAlerts] = useState<CostAlertRecord[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!api) return;
    try {
      setAlerts((await api.getAlerts(ref)).alerts);
    } catch (e) {
      // Not allowed to read this entity's cost: the cost view says so.
      if ((e as { statusCode?: number }).statusCode === 403) setAlerts([]);
      else setError((e as Error).message);
    }
  }, [api, ref]);
  useEffect(() => {
    load();
  }, [load]);

  const act = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await f();
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (!alerts?.length && !error) return null;
  return (
    <Box mb={2} component="section" aria-label="Cost alerts">
      <Typography variant="h6" component="h3">
        Cost alerts
      </Typography>
      {error && (
        <Typography color="error" role="alert">
          {error}
        </Typography>
      )}
      <List dense>
        {(alerts ?? []).map(a => (
          <AlertLine
            key={a.key}
            alert={a}
            busy={busy}
            onSnooze={days =>
              act(() =>
                api!.snooze(
                  ref,
                  a.id,
                  new Date(Date.now() + days * DAY_MS).toISOString(),
                ),
              )
            }
            onDismiss={() => act(() => api!.dismiss(ref, a.id))}
          />
        ))}
      </List>
    </Box>
  );
}
