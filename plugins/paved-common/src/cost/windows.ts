import { DateTime, IANAZone } from 'luxon';

/**
 * The start of the local day, week or month that holds `dt`. In a zone that
 * falls back at midnight (Havana, say) midnight happens twice, and the day
 * began at the first one; luxon's startOf can return the second.
 */
export function startOfLocal(
  dt: DateTime,
  unit: 'day' | 'week' | 'month',
): DateTime {
  const start = dt.startOf(unit);
  const earlier = start.minus({ hours: 1 });
  return earlier.toISODate() === start.toISODate() &&
    earlier.hour === 0 &&
    earlier.minute === 0
    ? earlier
    : start;
}

/**
 * The windows the cost card offers. The first three are the original ones
 * and stay first: callers and messages name them in this order.
 */
export const COST_WINDOWS = [
  'last7d',
  'last30d',
  'mtd',
  'today',
  'yesterday',
  'wtd',
  'lastMonth',
  'last90d',
  'custom',
] as const;
export type CostWindowKind = (typeof COST_WINDOWS)[number];

export const COST_WINDOW_LABELS: Record<CostWindowKind, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  wtd: 'Week to date',
  last7d: 'Last 7 days',
  mtd: 'Month to date',
  lastMonth: 'Last month',
  last30d: 'Last 30 days',
  last90d: 'Last 90 days',
  custom: 'Custom range',
};

/** The order the window selector lists them in: shortest first. */
export const COST_WINDOW_MENU: readonly CostWindowKind[] = [
  'today',
  'yesterday',
  'wtd',
  'last7d',
  'mtd',
  'lastMonth',
  'last30d',
  'last90d',
  'custom',
];

/** The windows' names in a shareable URL (`?costWindow=last-7-days`). */
export const COST_WINDOW_SLUGS: Record<CostWindowKind, string> = {
  today: 'today',
  yesterday: 'yesterday',
  wtd: 'week-to-date',
  last7d: 'last-7-days',
  mtd: 'month-to-date',
  lastMonth: 'last-month',
  last30d: 'last-30-days',
  last90d: 'last-90-days',
  custom: 'custom',
};

/** The window a URL slug names; undefined for anything else. */
export function costWindowOfSlug(
  slug: string | null | undefined,
): CostWindowKind | undefined {
  return COST_WINDOWS.find(k => COST_WINDOW_SLUGS[k] === slug);
}

/** A window resolved in one IANA zone. */
export interface ResolvedCostWindow {
  kind: CostWindowKind;
  zone: string;
  /** First instant of the window, ISO with the zone's offset. */
  start: string;
  /** End of the window (exclusive): now for windows up to now. */
  end: string;
  /** The local calendar days the window touches, `YYYY-MM-DD`, oldest first. */
  days: string[];
}

/** A bad window parameter; `field` names which. */
export class CostWindowError extends Error {
  readonly name = 'CostWindowError';
  constructor(
    readonly field: 'window' | 'tz' | 'now' | 'start' | 'end',
    message: string,
  ) {
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

export type CalendarUnit = 'day' | 'week' | 'month';

/**
 * The whole local day, week (Monday first, ISO) or month holding an
 * instant, as [start, end). The end is the start of the next unit worked
 * out from the calendar, not start + 24 h: days are 23, 23.5, 24.5 or 25
 * hours long around DST changes, and in zones that skip midnight the day
 * starts at the first instant that exists.
 */
export function calendarWindow(
  unit: CalendarUnit,
  instant: Date | string,
  zone: string,
): { start: string; end: string } {
  assertZone(zone);
  const at = toZone(instant, zone);
  const start = startOfLocal(at, unit);
  const end = startOfLocal(start.plus({ [`${unit}s`]: 1 }), unit);
  return { start: start.toISO()!, end: end.toISO()! };
}

function daysBetween(start: DateTime, end: DateTime): string[] {
  const days: string[] = [];
  // [start, end): a window ending at local midnight does not touch that day.
  for (let d = startOfLocal(start, 'day'); d < end; d = d.plus({ days: 1 })) {
    days.push(d.toISODate()!);
  }
  return days;
}

const resolved = (
  kind: CostWindowKind,
  zone: string,
  start: DateTime,
  end: DateTime,
): ResolvedCostWindow => ({
  kind,
  zone,
  start: start.toISO()!,
  end: end.toISO()!,
  days: daysBetween(start, end),
});

/**
 * Resolves a window in the user's zone. Days are calendar days there, so a
 * day may be 23 or 25 hours long around a DST change; "last 7 days" is today
 * and the six days before it, up to now; weeks start on Monday.
 * `custom` needs an explicit range: see {@link resolveCostRange}.
 */
export function resolveCostWindow(
  kind: string,
  now: Date | string,
  zone: string,
): ResolvedCostWindow {
  if (!isCostWindowKind(kind) || kind === 'custom') {
    throw new CostWindowError(
      'window',
      `window must be one of ${COST_WINDOWS.filter(k => k !== 'custom').join(
        ', ',
      )} (or start and end for a custom range), got '${kind}'`,
    );
  }
  assertZone(zone);
  const end = toZone(now, zone);
  const today = startOfLocal(end, 'day');
  switch (kind) {
    case 'today':
      return resolved(kind, zone, today, end);
    case 'yesterday': {
      const y = startOfLocal(today.minus({ days: 1 }), 'day');
      return resolved(kind, zone, y, today);
    }
    case 'wtd':
      return resolved(kind, zone, startOfLocal(end, 'week'), end);
    case 'mtd':
      return resolved(kind, zone, startOfLocal(end, 'month'), end);
    case 'lastMonth': {
      const month = startOfLocal(end, 'month');
      return resolved(
        kind,
        zone,
        startOfLocal(month.minus({ months: 1 }), 'month'),
        month,
      );
    }
    default: {
      const back = { last7d: 6, last30d: 29, last90d: 89 }[kind];
      return resolved(
        kind,
        zone,
        startOfLocal(today.minus({ days: back }), 'day'),
        end,
      );
    }
  }
}

/** An instant with its offset, as the routes take `start` and `end`. */
const INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function parseInstant(field: 'start' | 'end', value: string): DateTime {
  const dt = INSTANT.test(value)
    ? DateTime.fromISO(value, { setZone: true })
    : undefined;
  if (!dt?.isValid) {
    throw new CostWindowError(
      field,
      `${field} must be an ISO 8601 instant with an offset, such as 2026-11-01T00:00:00+01:00 or 2026-11-01T00:00:00Z, got '${value}'`,
    );
  }
  return dt;
}

/**
 * A window given as explicit instants, as the card sends it: checked (both
 * instants with an offset, end after start, start before now, at most
 * `maxDays` long) and resolved in the zone. An end after now is cut to
 * now: OpenCost has nothing later. `kind` only names it.
 */
export function resolveCostRange(
  range: { start: string; end: string; kind?: string },
  now: Date | string,
  zone: string,
  maxDays: number,
): ResolvedCostWindow {
  assertZone(zone);
  const kind: CostWindowKind =
    range.kind === undefined ? 'custom' : (range.kind as CostWindowKind);
  if (!isCostWindowKind(kind)) {
    throw new CostWindowError(
      'window',
      `window must be one of ${COST_WINDOWS.join(', ')}, got '${range.kind}'`,
    );
  }
  const start = parseInstant('start', range.start).setZone(zone);
  const end = parseInstant('end', range.end).setZone(zone);
  if (end <= start) {
    throw new CostWindowError(
      'end',
      `end (${range.end}) must be after start (${range.start})`,
    );
  }
  const nowDt = toZone(now, zone);
  if (start >= nowDt) {
    throw new CostWindowError(
      'start',
      `start (${range.start}) must be before now: OpenCost has no cost for the future`,
    );
  }
  const days = end.diff(start, 'days').days;
  if (days > maxDays + 1e-9) {
    throw new CostWindowError(
      'end',
      `start to end spans ${Math.ceil(
        days,
      )} days, more than the ${maxDays} allowed (paved.cost.maxWindowDays)`,
    );
  }
  return resolved(kind, zone, start, end < nowDt ? end : nowDt);
}

/**
 * The period a window is compared with, of equal length and just before
 * it. A window that starts at local midnight is moved back by the number
 * of calendar days it touches (so "last 7 days" is compared with the 7
 * days before, midnight to midnight, whatever DST did); any other window by
 * its exact length.
 */
export function previousCostWindow(w: ResolvedCostWindow): {
  start: string;
  end: string;
  /** "previous 7 days", "previous day", "previous 5 h". */
  label: string;
} {
  const start = DateTime.fromISO(w.start, { zone: w.zone });
  const end = DateTime.fromISO(w.end, { zone: w.zone });
  if (start.equals(startOfLocal(start, 'day')) && w.days.length > 0) {
    const n = w.days.length;
    // An end at the start of a day stays at the start of a day: in a zone
    // whose day began at 01:00 (Tehran, 21 March 2020) the day before began
    // at 00:00, not at 01:00.
    const shiftedEnd = end.minus({ days: n });
    return {
      start: startOfLocal(start.minus({ days: n }), 'day').toISO()!,
      end: (end.equals(startOfLocal(end, 'day'))
        ? startOfLocal(shiftedEnd, 'day')
        : shiftedEnd
      ).toISO()!,
      label: n === 1 ? 'previous day' : `previous ${n} days`,
    };
  }
  const ms = end.toMillis() - start.toMillis();
  const hours = ms / 3_600_000;
  return {
    start: start.minus({ milliseconds: ms }).toISO()!,
    end: w.start,
    label:
      hours >= 48
        ? `previous ${Math.round(hours / 24)} days`
        : `previous ${Math.max(1, Math.round(hours))} h`,
  };
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

/**
 * A custom range of whole local days, from the first day's midnight to the
 * midnight after the last day, as the window selector sends it.
 */
export function customDaysRange(
  fromDay: string,
  toDay: string,
  zone: string,
): { start: string; end: string } {
  assertZone(zone);
  const from = DateTime.fromISO(fromDay, { zone });
  const to = DateTime.fromISO(toDay, { zone });
  if (!from.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(fromDay)) {
    throw new CostWindowError(
      'start',
      `start must be a date YYYY-MM-DD, got '${fromDay}'`,
    );
  }
  if (!to.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(toDay)) {
    throw new CostWindowError(
      'end',
      `end must be a date YYYY-MM-DD, got '${toDay}'`,
    );
  }
  return {
    start: startOfLocal(from, 'day').toISO()!,
    end: startOfLocal(to.plus({ days: 1 }), 'day').toISO()!,
  };
}
