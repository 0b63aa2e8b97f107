import { DateTime } from 'luxon';
import { localDayOf, openCostWindowParam, resolveCostWindow } from './windows';

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
      "window must be one of last7d, last30d, mtd, got 'last9d'",
    );
    expect(() => resolveCostWindow('mtd', new Date(), 'Mars/Olympus')).toThrow(
      "tz must be an IANA time zone such as Europe/Berlin, got 'Mars/Olympus'",
    );
  });
});
