import type { CostAlertKind } from './alerts';

/** An alert's stored state, as the backend keeps it and the card shows it. */
export interface CostAlertRecord {
  key: string;
  /** `<kind>:<period>`, for the snooze and dismiss routes. */
  id: string;
  entityRef: string;
  kind: CostAlertKind;
  period: string;
  /** The group the notification went to. */
  ownerRef: string;
  /** Active: the condition held at the last evaluation; cleared: it stopped. */
  status: 'active' | 'cleared';
  title: string;
  description: string;
  /** When the last notification went out; null while none has. */
  sentAt: string | null;
  /** Notifications sent for this key, over all its occurrences. */
  sentCount: number;
  snoozedUntil: string | null;
  snoozedBy: string | null;
  dismissedAt: string | null;
  dismissedBy: string | null;
  /** When the condition was last seen to change (raised or cleared). */
  changedAt: string;
}

/** `GET /api/paved/cost/alerts/:namespace/:kind/:name` */
export interface CostAlertsResponse {
  entityRef: string;
  alerts: CostAlertRecord[];
}

/**
 * What one evaluation does with one condition:
 * - `send`: notify the owner (a new condition, one that returned after it
 *   cleared, or one whose snooze ran out while it still holds);
 * - `clear`: it stopped holding; the next time it holds it is sent again;
 * - `keep`: nothing to do (already sent, snoozed, dismissed, not holding, or
 *   the data cannot tell).
 */
export type CostAlertAction = 'send' | 'clear' | 'keep';

export function nextCostAlertAction(
  record:
    | Pick<
        CostAlertRecord,
        'status' | 'sentAt' | 'snoozedUntil' | 'dismissedAt'
      >
    | undefined,
  active: boolean | null,
  now: Date,
): CostAlertAction {
  // Missing data decides nothing: a cluster that did not answer must not
  // clear an alert, and then send it again when it answers.
  if (active === null) return 'keep';
  if (!active) return record?.status === 'active' ? 'clear' : 'keep';
  if (!record || record.status === 'cleared') return 'send';
  if (record.dismissedAt) return 'keep';
  if (record.snoozedUntil) {
    return Date.parse(record.snoozedUntil) <= now.getTime() ? 'send' : 'keep';
  }
  return record.sentAt ? 'keep' : 'send';
}

/** The longest snooze: beyond it, dismiss. */
export const MAX_COST_ALERT_SNOOZE_DAYS = 90;

/**
 * Checks a snooze's end (an ISO instant with offset) against `now`; returns
 * it normalised to UTC, or throws naming what is wrong.
 */
export function parseSnoozeUntil(until: unknown, now: Date): string {
  if (typeof until !== 'string' || !until) {
    throw new TypeError(
      'until must be an ISO 8601 instant such as 2026-12-24T09:00:00Z',
    );
  }
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(until)) {
    throw new TypeError(
      `until must carry its offset (Z or +01:00), got '${until}'`,
    );
  }
  const t = Date.parse(until);
  if (Number.isNaN(t)) {
    throw new TypeError(`until is not a valid instant: '${until}'`);
  }
  if (t <= now.getTime()) {
    throw new TypeError(`until must be in the future, got '${until}'`);
  }
  if (t - now.getTime() > MAX_COST_ALERT_SNOOZE_DAYS * 86_400_000) {
    throw new TypeError(
      `until must be at most ${MAX_COST_ALERT_SNOOZE_DAYS} days ahead, got '${until}'`,
    );
  }
  return new Date(t).toISOString();
}
