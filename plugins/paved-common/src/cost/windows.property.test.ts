import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  calendarWindow,
  CalendarUnit,
  previousCostWindow,
  resolveCostWindow,
} from './windows';

/*
 * Windows tiled end to end (day after day, week after week, month after
 * month) must cover every instant exactly once, in any zone: DST changes
 * make days 23, 23.5, 24.5 or 25 hours long, and some zones skipped
 * midnight itself (São Paulo until 2019).
 */
const ALL_ZONES: string[] = (Intl as any).supportedValuesOf('timeZone');
const DST_ZONES = [
  'Europe/Berlin',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Havana',
  'Asia/Tehran',
];
const zone = fc.oneof(
  fc.constantFrom(...DST_ZONES),
  fc.constantFrom(...ALL_ZONES),
);

/** Instants near DST switches (and any others) from 2015 to 2030. */
const SWITCH_DAYS = [
  ['Europe/Berlin', '2026-03-29'],
  ['Europe/Berlin', '2026-10-25'],
  ['America/Sao_Paulo', '2018-11-04'],
  ['America/Sao_Paulo', '2019-02-16'],
  ['Australia/Lord_Howe', '2026-04-05'],
  ['Australia/Lord_Howe', '2026-10-04'],
  ['America/Havana', '2026-03-08'],
] as const;
const anyInstant = fc
  .integer({
    min: Date.parse('2015-01-01T00:00:00Z'),
    max: Date.parse('2030-12-31T00:00:00Z'),
  })
  .map(ms => new Date(ms));

const unit = fc.constantFrom<CalendarUnit>('day', 'week', 'month');

function tiles(u: CalendarUnit, from: Date, z: string, n: number) {
  const out = [calendarWindow(u, from, z)];
  while (out.length < n)
    out.push(calendarWindow(u, out[out.length - 1].end, z));
  return out;
}

function coversOnce(
  list: { start: string; end: string }[],
  instant: number,
): number {
  return list.filter(
    w => Date.parse(w.start) <= instant && instant < Date.parse(w.end),
  ).length;
}

describe('cost windows tile time', () => {
  it('consecutive days, weeks and months abut and cover each instant once, in any zone', () => {
    fc.assert(
      fc.property(
        zone,
        unit,
        anyInstant,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (z, u, from, where) => {
          const list = tiles(u, from, z, u === 'day' ? 9 : 3);
          for (let i = 1; i < list.length; i++) {
            expect(Date.parse(list[i].start)).toBe(Date.parse(list[i - 1].end));
          }
          const first = Date.parse(list[0].start);
          const last = Date.parse(list[list.length - 1].end);
          expect(first).toBeLessThanOrEqual(from.getTime());
          const instant = Math.floor(first + where * (last - first - 1));
          expect(coversOnce(list, instant)).toBe(1);
          // The window of any instant in a tile is that tile.
          const again = calendarWindow(u, new Date(instant), z);
          expect(coversOnce([again], instant)).toBe(1);
          expect(list).toContainEqual(again);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on DST-switch days the day is whole and its neighbours abut it', () => {
    for (const [z, day] of SWITCH_DAYS) {
      const noon = DateTime.fromISO(`${day}T12:00:00`, { zone: z });
      const [before, switchDay, after] = tiles(
        'day',
        noon.minus({ days: 1 }).toJSDate(),
        z,
        3,
      );
      expect(DateTime.fromISO(switchDay.start, { zone: z }).toISODate()).toBe(
        day,
      );
      expect(switchDay.start).toBe(before.end);
      expect(after.start).toBe(switchDay.end);
      const hours =
        (Date.parse(switchDay.end) - Date.parse(switchDay.start)) / 3_600_000;
      expect(hours).not.toBe(24);
      // Every minute of the three days is in exactly one.
      for (
        let t = Date.parse(before.start);
        t < Date.parse(after.end);
        t += 60_000
      ) {
        expect(coversOnce([before, switchDay, after], t)).toBe(1);
      }
    }
  });

  it('starts a day at its first midnight where midnight happens twice (Havana falls back at 01:00 to 00:00)', () => {
    // The counterexample fast-check found: 00:00 CST on 3 November 2019,
    // the second midnight of that day.
    const now = new Date('2019-11-03T05:00:00.000Z');
    const z = 'America/Havana';
    const today = resolveCostWindow('today', now, z);
    const yesterday = resolveCostWindow('yesterday', now, z);
    expect(Date.parse(today.start)).toBe(Date.parse('2019-11-03T04:00:00Z'));
    expect(Date.parse(yesterday.start)).toBe(
      Date.parse('2019-11-02T04:00:00Z'),
    );
    expect(Date.parse(yesterday.end)).toBe(Date.parse(today.start));
    expect(Date.parse(previousCostWindow(yesterday).end)).toBe(
      Date.parse(yesterday.start),
    );
  });

  it('ends the day before a day without midnight at its own start (Tehran sprang forward at 00:00)', () => {
    // The counterexample fast-check found: 21 March 2020 began at 01:00
    // +04:30, so "yesterday" ends then, and the day before it ends at
    // 00:00 +03:30 on the 20th, not at 01:00.
    const now = new Date('2020-03-20T20:30:00.000Z');
    const yesterday = resolveCostWindow('yesterday', now, 'Asia/Tehran');
    expect(Date.parse(yesterday.start)).toBe(
      Date.parse('2020-03-19T20:30:00Z'),
    );
    const prev = previousCostWindow(yesterday);
    expect(Date.parse(prev.end)).toBe(Date.parse(yesterday.start));
    expect(Date.parse(prev.start)).toBe(Date.parse('2020-03-18T20:30:00Z'));
  });

  it('yesterday and today meet, and whole-day periods and their previous ones abut', () => {
    fc.assert(
      fc.property(zone, anyInstant, (z, now) => {
        const today = resolveCostWindow('today', now, z);
        const yesterday = resolveCostWindow('yesterday', now, z);
        expect(Date.parse(yesterday.end)).toBe(Date.parse(today.start));
        expect(coversOnce([yesterday, today], now.getTime() - 1)).toBe(1);
        const month = resolveCostWindow('lastMonth', now, z);
        const prev = previousCostWindow(yesterday);
        expect(Date.parse(prev.end)).toBe(Date.parse(yesterday.start));
        expect(Date.parse(month.end)).toBe(
          Date.parse(resolveCostWindow('mtd', now, z).start),
        );
      }),
      { numRuns: 300 },
    );
  });
});
