import { DateTime } from 'luxon';
import {
  costAlertConditions,
  CostAlertThresholds,
  lastTwoWeeks,
  parseCostAlertId,
} from './alerts';
import { nextCostAlertAction, parseSnoozeUntil } from './alertsState';
import { budgetStatus, monthProgress } from './projection';
import type { CostResponse } from './responses';
import { resolveCostWindow } from './windows';

const thresholds: CostAlertThresholds = {
  growthShare: 0.2,
  growthMinimumWeeklyCost: 10,
  idlePerDay: 5,
};

/** A tenant's last-30-days answer with a cost per local day from `perDay`. */
function tenantCost(opts: {
  now: string;
  zone?: string;
  perDay: (date: string) => number | null;
  monthToDate?: number;
  budget?: number;
  slack?: number;
  clusterFailed?: boolean;
}): CostResponse {
  const zone = opts.zone ?? 'UTC';
  const window = resolveCostWindow('last30d', opts.now, zone);
  return {
    scope: { type: 'tenant', tenant: 'shop', namespaces: ['shop'] },
    window,
    currency: 'USD',
    clusters: opts.clusterFailed
      ? [
          {
            cluster: 'c1',
            ok: false,
            error: { message: 'x', problem: 'timeout' } as any,
          },
        ]
      : [{ cluster: 'c1', ok: true, summary: {} as any } as any],
    total: {
      slackCost: opts.slack ?? 0,
      clusterIdleCost: null,
      daily: window.days.map(date => ({ date, total: opts.perDay(date) })),
    } as any,
    complete: !opts.clusterFailed,
    ...(opts.budget !== undefined
      ? {
          budget: budgetStatus({
            monthlyBudget: opts.budget,
            monthToDate: opts.monthToDate ?? 0,
            progress: monthProgress(opts.now, zone),
          }),
        }
      : {}),
  };
}

const conditions = (cost: CostResponse, now: string) =>
  Object.fromEntries(
    costAlertConditions({
      entityRef: 'resource:default/tenant-shop',
      cost,
      thresholds,
      now: new Date(now),
    }).map(c => [c.kind, c]),
  );

describe('costAlertConditions', () => {
  it('raises a budget alert for the month when the projection is above the budget', () => {
    // 15 days into a 30-day month, 600 spent: 1200 projected against 1000.
    const now = '2026-11-16T00:00:00Z';
    const c = conditions(
      tenantCost({ now, perDay: () => 20, budget: 1000, monthToDate: 600 }),
      now,
    );
    expect(c.budget).toMatchObject({
      key: 'resource:default/tenant-shop#budget:2026-11',
      period: '2026-11',
      active: true,
    });
    expect(c.budget.description).toContain('USD 1200.00');
    const under = conditions(
      tenantCost({ now, perDay: () => 20, budget: 1000, monthToDate: 400 }),
      now,
    );
    expect(under.budget.active).toBe(false);
  });

  it('has no budget condition without a budget', () => {
    const now = '2026-11-16T00:00:00Z';
    expect(conditions(tenantCost({ now, perDay: () => 1 }), now).budget).toBe(
      undefined,
    );
  });

  it('compares the last complete ISO week with the one before', () => {
    // Wednesday 2026-12-02: last week is 23–29 Nov, the one before 16–22 Nov.
    const now = '2026-12-02T10:00:00Z';
    const weeks = lastTwoWeeks(new Date(now), 'UTC');
    expect(weeks.week).toBe('2026-W48');
    expect(weeks.last[0]).toBe('2026-11-23');
    expect(weeks.previous[6]).toBe('2026-11-22');
    const perDay = (d: string) => (d >= '2026-11-23' ? 13 : 10);
    const c = conditions(tenantCost({ now, perDay }), now);
    expect(c.growth).toMatchObject({ period: '2026-W48', active: true });
    expect(c.growth.description).toContain('30 %');
    const flat = conditions(tenantCost({ now, perDay: () => 10 }), now);
    expect(flat.growth.active).toBe(false);
  });

  it('cannot tell growth when a day is unknown or a cluster failed', () => {
    const now = '2026-12-02T10:00:00Z';
    const gap = conditions(
      tenantCost({ now, perDay: d => (d === '2026-11-18' ? null : 10) }),
      now,
    );
    expect(gap.growth.active).toBe(null);
    const failed = conditions(
      tenantCost({ now, perDay: () => 10, clusterFailed: true }),
      now,
    );
    expect(failed.growth.active).toBe(null);
    expect(failed.idle.active).toBe(null);
  });

  it('ignores growth from a week below the minimum', () => {
    const now = '2026-12-02T10:00:00Z';
    const perDay = (d: string) => (d >= '2026-11-23' ? 5 : 1);
    expect(conditions(tenantCost({ now, perDay }), now).growth.active).toBe(
      false,
    );
  });

  it('uses local weeks in the zone across a DST change', () => {
    // Europe/Berlin leaves summer time on Sunday 2026-10-25 (a 25-hour day).
    const now = '2026-10-26T00:30:00+01:00';
    const weeks = lastTwoWeeks(new Date(now), 'Europe/Berlin');
    expect(weeks.week).toBe('2026-W43');
    expect(weeks.last).toEqual([
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
    ]);
    // In UTC the same instant is still Sunday: the week before.
    expect(lastTwoWeeks(new Date(now), 'UTC').week).toBe('2026-W42');
  });

  it('raises idle by the average per day over the window', () => {
    const now = '2026-12-02T00:00:00Z';
    // 30 days (29 whole plus today's start): 300 idle is 10 a day.
    const c = conditions(tenantCost({ now, perDay: () => 1, slack: 300 }), now);
    expect(c.idle).toMatchObject({ period: '2026-W49', active: true });
    const low = conditions(
      tenantCost({ now, perDay: () => 1, slack: 30 }),
      now,
    );
    expect(low.idle.active).toBe(false);
  });
});

describe('nextCostAlertAction', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  const sent = {
    status: 'active' as const,
    sentAt: '2026-12-01T10:00:00Z',
    snoozedUntil: null,
    dismissedAt: null,
  };
  it('sends a new condition once', () => {
    expect(nextCostAlertAction(undefined, true, now)).toBe('send');
    expect(nextCostAlertAction(sent, true, now)).toBe('keep');
  });
  it('honours a snooze until it ends', () => {
    const snoozed = { ...sent, snoozedUntil: '2026-12-02T10:00:01Z' };
    expect(nextCostAlertAction(snoozed, true, now)).toBe('keep');
    expect(
      nextCostAlertAction(snoozed, true, new Date('2026-12-02T10:00:01Z')),
    ).toBe('send');
  });
  it('does not resend a dismissed alert, but does after it cleared', () => {
    const dismissed = { ...sent, dismissedAt: '2026-12-01T11:00:00Z' };
    expect(nextCostAlertAction(dismissed, true, now)).toBe('keep');
    expect(nextCostAlertAction(dismissed, false, now)).toBe('clear');
    expect(
      nextCostAlertAction({ ...dismissed, status: 'cleared' }, true, now),
    ).toBe('send');
  });
  it('decides nothing when the data cannot tell', () => {
    expect(nextCostAlertAction(sent, null, now)).toBe('keep');
    expect(nextCostAlertAction(undefined, null, now)).toBe('keep');
    expect(nextCostAlertAction(undefined, false, now)).toBe('keep');
  });
});

describe('parsing', () => {
  it('parses alert ids and names a bad one', () => {
    expect(parseCostAlertId('growth:2026-W48')).toEqual({
      kind: 'growth',
      period: '2026-W48',
    });
    expect(() => parseCostAlertId('cpu:2026-11')).toThrow(/kind one of/);
  });
  it('accepts a future snooze end with an offset, in UTC', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(parseSnoozeUntil('2026-12-03T09:00:00+01:00', now)).toBe(
      '2026-12-03T08:00:00.000Z',
    );
    expect(() => parseSnoozeUntil('2026-12-03T09:00:00', now)).toThrow(
      /offset/,
    );
    expect(() => parseSnoozeUntil('2026-12-01T09:00:00Z', now)).toThrow(
      /future/,
    );
    expect(() => parseSnoozeUntil('2027-06-01T09:00:00Z', now)).toThrow(
      /90 days/,
    );
    expect(() => parseSnoozeUntil(42, now)).toThrow(/ISO 8601/);
    expect(DateTime.fromISO('2026-12-03T08:00:00.000Z').isValid).toBe(true);
  });
});
