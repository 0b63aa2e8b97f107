import { DateTime } from 'luxon';
import {
  customDaysRange,
  localDayOf,
  openCostWindowParam,
  previousCostWindow,
  resolveCostRange,
  resolveCostWindow,
} from './windows';

describe('resolveCostWindow', () => {
  it('last 7 days are today and the six days before, from local midnight', () => {
    const w = resolveCostWindow(
      'last7d',
      '2026-11-21T08:30:00Z',
      'Europe/Berlin',
    );
    expect(w.start).toBe('2026-11-15T00:00:00.000+01:00');
    expect(w.end).toBe('2026-11-21T09:30:00.000+01:00');
    expect(w.days).toEqual([
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
    ]);
    expect(openCostWindowParam(w)).toBe(
      '2026-11-14T23:00:00Z,2026-11-21T08:30:00Z',
    );
  });

  it('month to date starts at the local first of the month, across a month end in UTC', () => {
    // 23:30 UTC on 31 Oct is already 1 November in Tokyo.
    const w = resolveCostWindow('mtd', '2026-10-31T23:30:00Z', 'Asia/Tokyo');
    expect(w.start).toBe('2026-11-01T00:00:00.000+09:00');
    expect(w.days).toEqual(['2026-11-01']);
    const utc = resolveCostWindow('mtd', '2026-10-31T23:30:00Z', 'UTC');
    expect(utc.days).toHaveLength(31);
  });

  it('keeps calendar days across a DST change (Berlin leaves DST on 25 Oct 2026)', () => {
    const w = resolveCostWindow(
      'last7d',
      '2026-10-28T12:00:00Z',
      'Europe/Berlin',
    );
    expect(w.start).toBe('2026-10-22T00:00:00.000+02:00');
    expect(w.days[0]).toBe('2026-10-22');
    expect(w.days).toHaveLength(7);
    // The 25th is 25 hours long: a 24-hour step from its midnight still lands on it.
    const midnight = DateTime.fromISO('2026-10-25T00:00:00', {
      zone: 'Europe/Berlin',
    });
    expect(
      localDayOf(
        midnight.toISO()!,
        midnight.plus({ hours: 24 }).toISO()!,
        'Europe/Berlin',
      ),
    ).toBe('2026-10-25');
    // And the step after it, shifted by the extra hour, is the 26th.
    expect(
      localDayOf(
        midnight.plus({ hours: 24 }).toISO()!,
        midnight.plus({ hours: 48 }).toISO()!,
        'Europe/Berlin',
      ),
    ).toBe('2026-10-26');
  });

  it('30 days run back over a month boundary', () => {
    const w = resolveCostWindow(
      'last30d',
      '2026-03-05T10:00:00Z',
      'America/New_York',
    );
    expect(w.days[0]).toBe('2026-02-04');
    expect(w.days).toHaveLength(30);
  });

  it('names the parameter that is wrong', () => {
    expect(() => resolveCostWindow('last9d', new Date(), 'UTC')).toThrow(
      /window must be one of last7d, last30d, mtd, today, .* got 'last9d'/,
    );
    expect(() => resolveCostWindow('mtd', new Date(), 'Mars/Olympus')).toThrow(
      "tz must be an IANA time zone such as Europe/Berlin, got 'Mars/Olympus'",
    );
  });
});

describe('the other windows', () => {
  const now = '2026-11-21T08:30:00Z'; // a Saturday; 09:30 in Berlin
  const zone = 'Europe/Berlin';
  const range = (kind: string) => {
    const w = resolveCostWindow(kind, now, zone);
    return [w.start, w.end, w.days.length];
  };

  it('today, yesterday, week to date, last month and 90 days', () => {
    expect(range('today')).toEqual([
      '2026-11-21T00:00:00.000+01:00',
      '2026-11-21T09:30:00.000+01:00',
      1,
    ]);
    // Yesterday ends at midnight and does not touch today.
    expect(range('yesterday')).toEqual([
      '2026-11-20T00:00:00.000+01:00',
      '2026-11-21T00:00:00.000+01:00',
      1,
    ]);
    // Weeks start on Monday.
    expect(range('wtd')).toEqual([
      '2026-11-16T00:00:00.000+01:00',
      '2026-11-21T09:30:00.000+01:00',
      6,
    ]);
    expect(range('lastMonth')).toEqual([
      '2026-10-01T00:00:00.000+02:00',
      '2026-11-01T00:00:00.000+01:00',
      31,
    ]);
    expect(range('last90d')[2]).toBe(90);
  });

  it('custom ranges are checked, named by the parameter, and cut at now', () => {
    const days = customDaysRange('2026-11-01', '2026-11-30', zone);
    const w = resolveCostRange(days, now, zone, 92);
    expect(w.kind).toBe('custom');
    expect(w.start).toBe('2026-11-01T00:00:00.000+01:00');
    expect(w.end).toBe('2026-11-21T09:30:00.000+01:00');
    expect(w.days).toHaveLength(21);
    expect(() =>
      resolveCostRange({ start: 'yesterday', end: now }, now, zone, 92),
    ).toThrow(/^start must be an ISO 8601 instant with an offset/);
    expect(() =>
      resolveCostRange(
        { start: '2026-11-01T00:00:00', end: now },
        now,
        zone,
        92,
      ),
    ).toThrow(/^start must be an ISO 8601 instant with an offset/);
    expect(() =>
      resolveCostRange(
        { start: '2026-11-10T00:00:00Z', end: '2026-11-09T00:00:00Z' },
        now,
        zone,
        92,
      ),
    ).toThrow(/^end \(2026-11-09T00:00:00Z\) must be after start/);
    expect(() =>
      resolveCostRange(
        { start: '2026-01-01T00:00:00Z', end: '2026-11-01T00:00:00Z' },
        now,
        zone,
        92,
      ),
    ).toThrow('start to end spans 304 days, more than the 92 allowed');
    expect(() =>
      resolveCostRange(
        { start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z' },
        now,
        zone,
        92,
      ),
    ).toThrow(/^start .* must be before now/);
  });

  it('compares with the previous period of equal length', () => {
    const last7 = resolveCostWindow('last7d', now, zone);
    expect(previousCostWindow(last7)).toEqual({
      start: '2026-11-08T00:00:00.000+01:00',
      end: '2026-11-14T09:30:00.000+01:00',
      label: 'previous 7 days',
    });
    // Across the October DST change the previous 7 days still start at midnight.
    const overDst = resolveCostWindow('last7d', '2026-10-30T12:00:00Z', zone);
    expect(previousCostWindow(overDst).start).toBe(
      '2026-10-17T00:00:00.000+02:00',
    );
    expect(
      previousCostWindow(resolveCostWindow('yesterday', now, zone)).label,
    ).toBe('previous day');
    const hours = resolveCostRange(
      { start: '2026-11-21T03:00:00Z', end: '2026-11-21T08:00:00Z' },
      now,
      'UTC',
      92,
    );
    expect(previousCostWindow(hours)).toEqual({
      start: '2026-11-20T22:00:00.000Z',
      end: '2026-11-21T03:00:00.000Z',
      label: 'previous 5 h',
    });
  });
});
