import { DateTime, IANAZone } from 'luxon';

/** The windows the cost card offers. */
export const COST_WINDOWS = ['last7d', 'last30d', 'mtd'] as const;
export type CostWindowKind = (typeof COST_WINDOWS)[number];

export const COST_WINDOW_LABELS: Record<CostWindowKind, string> = {
  last7d: 'Last 7 days',
  last30d: 'Last 30 days',
  mtd: 'Month to date',
};

/** A window resolved in one IANA zone: whole local days up to now. */
export interface ResolvedCostWindow {
  kind: CostWindowKind;
  zone: string;
  /** Local midnight of the first day, as an ISO instant with offset. */
  start: string;
  /** Now (the window ends at the time of the request). */
  end: string;
  /** The local calendar days the window touches, `YYYY-MM-DD`, oldest first. */
  days: string[];
}

/** A bad `window` or `tz` parameter; `field` names which. */
export class CostWindowError extends Error {
  readonly name = 'CostWindowError';
  constructor(readonly field: 'window' | 'tz' | 'now', message: string) {
    super(message);
  }
}

export function isCostWindowKind(v: unknown): v is CostWindowKind {
  return (COST_WINDOWS as readonly unknown[]).includes(v);
}

/** Checks an IANA zone name such as `Europe/Berlin`. */
export function assertZone(zone: string): void {
  if (!zone || !IANAZone.isValidZone(zone)) {
    throw new CostWindowError(
      'tz',
      `tz must be an IANA time zone such as Europe/Berlin, got '${zone}'`,
    );
  }
}

const toZone = (now: Date | string, zone: string): DateTime => {
  const dt =
    typeof now === 'string'
      ? DateTime.fromISO(now, { setZone: true })
      : DateTime.fromJSDate(now);
  if (!dt.isValid) {
    throw new CostWindowError('now', `not a valid instant: '${String(now)}'`);
  }
  return dt.setZone(zone);
};

/**
 * Resolves a window in the user's zone. Days are calendar days there, so a
 * day may be 23 or 25 hours long around a DST change; "last 7 days" is today
 * and the six days before it.
 */
export function resolveCostWindow(
  kind: string,
  now: Date | string,
  zone: string,
): ResolvedCostWindow {
  if (!isCostWindowKind(kind)) {
    throw new CostWindowError(
      'window',
      `window must be one of ${COST_WINDOWS.join(', ')}, got '${kind}'`,
    );
  }
  assertZone(zone);
  const end = toZone(now, zone);
  const today = end.startOf('day');
  const start =
    kind === 'mtd'
      ? end.startOf('month')
      : today.minus({ days: kind === 'last7d' ? 6 : 29 });
  return {
    kind,
    zone,
    start: start.toISO()!,
    end: end.toISO()!,
    days: daysBetween(start, end),
  };
}

function daysBetween(start: DateTime, end: DateTime): string[] {
  const days: string[] = [];
  for (let d = start.startOf('day'); d <= end; d = d.plus({ days: 1 })) {
    days.push(d.toISODate()!);
  }
  return days;
}

/** OpenCost's `window` parameter for an exact range: an RFC 3339 pair in UTC. */
export function openCostWindowParam(range: {
  start: string;
  end: string;
}): string {
  const fmt = (iso: string) =>
    DateTime.fromISO(iso, { setZone: true })
      .toUTC()
      .toISO({ suppressMilliseconds: true })!;
  return `${fmt(range.start)},${fmt(range.end)}`;
}

/**
 * The local day an OpenCost step belongs to: the day of its midpoint, so a
 * 24-hour step still lands on the right day when a DST change makes that
 * day 23 or 25 hours long.
 */
export function localDayOf(start: string, end: string, zone: string): string {
  const mid = (Date.parse(start) + Date.parse(end)) / 2;
  return DateTime.fromMillis(mid, { zone }).toISODate()!;
}

/** The month-to-date range in the zone: local start of month to now. */
export function monthToDate(
  now: Date | string,
  zone: string,
): ResolvedCostWindow {
  return resolveCostWindow('mtd', now, zone);
}
