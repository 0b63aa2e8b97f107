import { DateTime } from 'luxon';
import type { CostResponse } from './responses';
import type { MaybeNumber } from './types';
import { assertZone } from './windows';

/*
 * Cost alerts: conditions computed from one cost answer (a `last30d` window,
 * which carries a tenant's month-to-date budget too). Pure: the backend
 * reads the cost, stores the state and sends the notifications.
 */

/** What an alert is about. */
export const COST_ALERT_KINDS = ['budget', 'growth', 'idle'] as const;
export type CostAlertKind = (typeof COST_ALERT_KINDS)[number];

/** The thresholds of `paved.cost.alerts`. */
export interface CostAlertThresholds {
  /**
   * Week-over-week growth, as a share of the previous week, above which a
   * growth alert is raised (0.2: 20 % more than the week before).
   */
  growthShare: number;
  /**
   * Weeks costing less than this are too small for a growth alert: a
   * tenant going from 1 to 2 is not news.
   */
  growthMinimumWeeklyCost: number;
  /** Idle cost per day (average over the window) above which an alert is raised. */
  idlePerDay: number;
}

/** One condition for one entity, and whether it holds now. */
export interface CostAlertCondition {
  /** `<entityRef>#<kind>:<period>`: stable for the condition, so it is sent once. */
  key: string;
  entityRef: string;
  kind: CostAlertKind;
  /** The budget's month `YYYY-MM`, or the ISO week `YYYY-Www` of the others. */
  period: string;
  /**
   * True: the condition holds. False: it does not. Null: the data cannot
   * tell (a cluster did not answer, a day is missing), so the stored state
   * is neither raised nor cleared.
   */
  active: boolean | null;
  /** One line for the notification and the card. */
  title: string;
  /** The figures behind it, in words. */
  description: string;
}

/** The alert id used in URLs: `<kind>:<period>`. */
export const costAlertId = (kind: CostAlertKind, period: string) =>
  `${kind}:${period}`;

export const costAlertKey = (
  entityRef: string,
  kind: CostAlertKind,
  period: string,
) => `${entityRef}#${costAlertId(kind, period)}`;

const ALERT_ID = /^(budget|growth|idle):(\d{4}-\d{2}|\d{4}-W\d{2})$/;

/** Parses an alert id from a URL; throws naming what is wrong. */
export function parseCostAlertId(id: string): {
  kind: CostAlertKind;
  period: string;
} {
  const m = ALERT_ID.exec(id);
  if (!m) {
    throw new TypeError(
      `alert must be <kind>:<period> with kind one of ${COST_ALERT_KINDS.join(
        ', ',
      )} and period YYYY-MM or YYYY-Www, got '${id}'`,
    );
  }
  return { kind: m[1] as CostAlertKind, period: m[2] };
}

/** Checks thresholds from config; throws naming the bad one. */
export function assertCostAlertThresholds(t: CostAlertThresholds): void {
  const check = (name: keyof CostAlertThresholds, min: number) => {
    const v = t[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
      throw new TypeError(
        `paved.costAlerts.${name} must be a number of at least ${min}, got ${String(
          v,
        )}`,
      );
    }
  };
  check('growthShare', 0);
  check('growthMinimumWeeklyCost', 0);
  check('idlePerDay', 0);
}

const money = (v: number, currency: string) => `${currency} ${v.toFixed(2)}`;

const isoWeek = (d: DateTime) => d.toFormat("kkkk-'W'WW");

/** Sum of the days, null when any is unknown or absent. */
function sumDays(
  daily: Map<string, MaybeNumber>,
  days: readonly string[],
): MaybeNumber {
  let sum = 0;
  for (const day of days) {
    const v = daily.get(day);
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

/**
 * The last complete ISO week (Monday to Sunday in the zone) before `now`,
 * and the week before it, as local dates.
 */
export function lastTwoWeeks(
  now: Date,
  zone: string,
): { week: string; last: string[]; previous: string[] } {
  assertZone(zone);
  const thisMonday = DateTime.fromJSDate(now).setZone(zone).startOf('week');
  const lastMonday = thisMonday.minus({ weeks: 1 });
  const days = (from: DateTime) =>
    Array.from({ length: 7 }, (_, i) => from.plus({ days: i }).toISODate()!);
  return {
    week: isoWeek(lastMonday),
    last: days(lastMonday),
    previous: days(lastMonday.minus({ weeks: 1 })),
  };
}

/**
 * The alert conditions of one entity from its cost over the last 30 days
 * (resolved in `zone`, as the backend asks for it):
 * - budget: a tenant's month-end projection is above its monthly budget
 *   (period: the month);
 * - growth: the last complete week cost more than `growthShare` above the
 *   week before (period: the last complete week);
 * - idle: idle cost per day over the window is above `idlePerDay`: requested
 *   but unused capacity for an entity, the `__idle__` capacity for a cluster
 *   (period: the current week, so a lasting one is repeated weekly at most).
 * A tenant without a budget has no budget condition at all.
 */
export function costAlertConditions(input: {
  entityRef: string;
  cost: CostResponse;
  thresholds: CostAlertThresholds;
  now: Date;
}): CostAlertCondition[] {
  const { entityRef, cost, thresholds, now } = input;
  const zone = cost.window.zone;
  const out: CostAlertCondition[] = [];
  const condition = (
    kind: CostAlertKind,
    period: string,
    active: boolean | null,
    title: string,
    description: string,
  ) =>
    out.push({
      key: costAlertKey(entityRef, kind, period),
      entityRef,
      kind,
      period,
      active,
      title,
      description,
    });
  const allAnswered =
    cost.clusters.length > 0 && cost.clusters.every(c => c.ok);

  const budget = cost.budget;
  if (budget && budget.monthlyBudget !== null) {
    const p = budget.projection;
    condition(
      'budget',
      budget.progress.month,
      budget.projectedOverBudget,
      `Projected over budget in ${budget.progress.month}`,
      p === null
        ? `Budget ${money(budget.monthlyBudget, cost.currency)}`
        : `Month-end projection ${money(
            p,
            cost.currency,
          )} against a budget of ${money(budget.monthlyBudget, cost.currency)}`,
    );
  }

  const weeks = lastTwoWeeks(now, zone);
  const daily = new Map(
    (cost.total?.daily ?? []).map(d => [d.date, d.total] as const),
  );
  const last = allAnswered ? sumDays(daily, weeks.last) : null;
  const previous = allAnswered ? sumDays(daily, weeks.previous) : null;
  let growing: boolean | null = null;
  let growthText = 'Not enough data for the last two weeks';
  if (last !== null && previous !== null) {
    if (previous < thresholds.growthMinimumWeeklyCost) {
      growing = false;
      growthText = `The week before cost ${money(previous, cost.currency)}`;
    } else {
      const share = (last - previous) / previous;
      growing = share > thresholds.growthShare;
      growthText = `Week ${weeks.week} cost ${money(
        last,
        cost.currency,
      )}, ${Math.round(share * 100)} % more than the ${money(
        previous,
        cost.currency,
      )} of the week before (threshold ${Math.round(
        thresholds.growthShare * 100,
      )} %)`;
    }
  }
  condition(
    'growth',
    weeks.week,
    growing,
    `Cost grew week over week in ${weeks.week}`,
    growthText,
  );

  const idle =
    cost.scope.type === 'cluster'
      ? cost.total?.clusterIdleCost ?? null
      : cost.total?.slackCost ?? null;
  const days =
    (Date.parse(cost.window.end) - Date.parse(cost.window.start)) / 86_400_000;
  let idleActive: boolean | null = null;
  let idleText = 'Idle cost unknown';
  if (allAnswered && cost.complete && idle !== null && days > 0) {
    const perDay = idle / days;
    idleActive = perDay > thresholds.idlePerDay;
    idleText = `Idle cost ${money(
      perDay,
      cost.currency,
    )} a day over the last ${Math.round(days)} days (threshold ${money(
      thresholds.idlePerDay,
      cost.currency,
    )})`;
  }
  const week = isoWeek(DateTime.fromJSDate(now).setZone(zone));
  condition('idle', week, idleActive, `Idle cost high in ${week}`, idleText);
  return out;
}
