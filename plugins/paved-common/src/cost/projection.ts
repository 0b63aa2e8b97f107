import { DateTime } from 'luxon';
import { MaybeNumber } from './types';
import { assertZone, CostWindowError } from './windows';

/** How far through its month an instant is, in the zone's calendar days. */
export interface MonthProgress {
  /** `YYYY-MM` */
  month: string;
  daysInMonth: number;
  /**
   * Whole days gone plus the elapsed fraction of today, where today's length
   * is its real length in the zone (23 or 25 hours on a DST change).
   */
  elapsedDays: number;
}

export function monthProgress(now: Date | string, zone: string): MonthProgress {
  assertZone(zone);
  const t = (
    typeof now === 'string'
      ? DateTime.fromISO(now, { setZone: true })
      : DateTime.fromJSDate(now)
  ).setZone(zone);
  if (!t.isValid) {
    throw new CostWindowError('now', `not a valid instant: '${String(now)}'`);
  }
  const dayStart = t.startOf('day');
  const dayEnd = dayStart.plus({ days: 1 });
  const fraction =
    t.diff(dayStart).as('milliseconds') /
    dayEnd.diff(dayStart).as('milliseconds');
  return {
    month: t.toFormat('yyyy-MM'),
    daysInMonth: t.daysInMonth!,
    elapsedDays: t.day - 1 + fraction,
  };
}

/**
 * Month-end projection at the month's run rate so far: spend per elapsed
 * day times the days in the month. Unknown when the spend is unknown or the
 * month has barely begun (no time elapsed).
 */
export function projectMonthEnd(
  monthToDate: MaybeNumber,
  progress: MonthProgress,
): MaybeNumber {
  if (monthToDate === null || !(progress.elapsedDays > 0)) return null;
  return (monthToDate / progress.elapsedDays) * progress.daysInMonth;
}

/** Why a budget figure is missing, in words the card shows. */
export type BudgetGap =
  | 'no-budget'
  | 'cost-unknown'
  | 'clusters-missing'
  | 'data-starts-after-month-start';

/** A tenant's month: budget, spend so far, projection and warnings. */
export interface BudgetStatus {
  monthlyBudget: number | null;
  monthToDate: MaybeNumber;
  projection: MaybeNumber;
  progress: MonthProgress;
  /** Spend so far already above the budget. */
  overBudget: boolean | null;
  /** The projection is above the budget: the card warns. */
  projectedOverBudget: boolean | null;
  /** Projection minus budget when positive. */
  projectedOverage: MaybeNumber;
  /** Used share of the budget so far (0..), null without a budget. */
  budgetUsed: MaybeNumber;
  /** Set when a figure is missing, saying why. */
  gap?: BudgetGap;
}

/**
 * Budget against month to date and the projection. `complete` is false when
 * some of the tenant's data is missing (a cluster failed, or OpenCost's data
 * starts inside the month): then spend is "at least" and nothing is
 * projected, because a projection from part of the data would be wrong.
 */
export function budgetStatus(input: {
  monthlyBudget?: number;
  monthToDate: MaybeNumber;
  progress: MonthProgress;
  incomplete?: Exclude<BudgetGap, 'no-budget' | 'cost-unknown'>;
}): BudgetStatus {
  const budget = input.monthlyBudget ?? null;
  const { monthToDate, progress } = input;
  const projection = input.incomplete
    ? null
    : projectMonthEnd(monthToDate, progress);
  let gap: BudgetGap | undefined = input.incomplete;
  if (!gap && monthToDate === null) gap = 'cost-unknown';
  else if (!gap && budget === null) gap = 'no-budget';
  const over = (v: MaybeNumber) =>
    v === null || budget === null ? null : v > budget;
  // Spend already past the budget stays true even with missing data; below
  // it, missing data means "cannot tell".
  let overBudget = over(monthToDate);
  if (overBudget === false && input.incomplete) overBudget = null;
  return {
    monthlyBudget: budget,
    monthToDate,
    projection,
    progress,
    overBudget,
    projectedOverBudget: over(projection),
    projectedOverage:
      projection !== null && budget !== null
        ? Math.max(0, projection - budget)
        : null,
    budgetUsed:
      monthToDate !== null && budget !== null && budget > 0
        ? monthToDate / budget
        : null,
    ...(gap ? { gap } : {}),
  };
}
