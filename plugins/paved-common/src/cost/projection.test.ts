import fc from 'fast-check';
import { DateTime } from 'luxon';
import { budgetStatus, monthProgress, projectMonthEnd } from './projection';

const zones = fc.constantFrom(
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
);
// Any instant in 2025-2027.
const instants = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map(ms => new Date(ms));

describe('month-end projection', () => {
  it('a constant daily spend projects to that spend times the days in the month', () => {
    fc.assert(
      fc.property(
        instants,
        zones,
        fc.double({ min: 0.01, max: 10_000, noNaN: true }),
        (now, zone, daily) => {
          const p = monthProgress(now, zone);
          fc.pre(p.elapsedDays > 1e-6);
          // Spend accrues evenly through each local day, whatever its length.
          const monthToDate = daily * p.elapsedDays;
          const projection = projectMonthEnd(monthToDate, p)!;
          const expected = daily * p.daysInMonth;
          expect(Math.abs(projection - expected)).toBeLessThan(1e-6 * expected);
        },
      ),
    );
  });

  it('counts the real length of a DST day', () => {
    // 29 March 2026 in Berlin has 23 hours; at 12:00 local, 11 of them are gone.
    const noon = DateTime.fromISO('2026-03-29T12:00:00', {
      zone: 'Europe/Berlin',
    });
    const p = monthProgress(noon.toJSDate(), 'Europe/Berlin');
    expect(p.daysInMonth).toBe(31);
    expect(p.elapsedDays).toBeCloseTo(28 + 11 / 23, 10);
  });

  it('uses the zone calendar at month ends', () => {
    const p = monthProgress('2026-02-28T23:30:00Z', 'Europe/Berlin');
    expect(p.month).toBe('2026-03');
    expect(p.daysInMonth).toBe(31);
    expect(p.elapsedDays).toBeCloseTo(0.5 / 24, 10);
  });

  it('warns when the projection exceeds the budget', () => {
    const progress = monthProgress('2026-11-16T00:00:00Z', 'UTC'); // 15 of 30 days
    const status = budgetStatus({
      monthlyBudget: 1000,
      monthToDate: 600,
      progress,
    });
    expect(status.projection).toBeCloseTo(1200);
    expect(status.projectedOverBudget).toBe(true);
    expect(status.projectedOverage).toBeCloseTo(200);
    expect(status.overBudget).toBe(false);
    expect(status.budgetUsed).toBeCloseTo(0.6);
    const fine = budgetStatus({
      monthlyBudget: 1500,
      monthToDate: 600,
      progress,
    });
    expect(fine.projectedOverBudget).toBe(false);
    expect(fine.projectedOverage).toBe(0);
  });

  it('does not project from incomplete or unknown data', () => {
    const progress = monthProgress('2026-11-16T00:00:00Z', 'UTC');
    const partial = budgetStatus({
      monthlyBudget: 1000,
      monthToDate: 300,
      progress,
      incomplete: 'data-starts-after-month-start',
    });
    expect(partial.projection).toBeNull();
    expect(partial.projectedOverBudget).toBeNull();
    expect(partial.gap).toBe('data-starts-after-month-start');
    const unknown = budgetStatus({
      monthlyBudget: 1000,
      monthToDate: null,
      progress,
    });
    expect(unknown.projection).toBeNull();
    expect(unknown.gap).toBe('cost-unknown');
    expect(budgetStatus({ monthToDate: 10, progress }).gap).toBe('no-budget');
  });
});
