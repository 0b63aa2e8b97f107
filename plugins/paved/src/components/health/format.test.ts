import { DateTime } from 'luxon';
import { byPhase, gibibytes, percent, perHour, relativeTime } from './format';

describe('health formats', () => {
  const now = DateTime.fromISO('2026-11-21T07:00:00Z');

  it('puts times in people terms', () => {
    expect(relativeTime('2026-11-21T06:57:00Z', now)).toBe('3 minutes ago');
    expect(relativeTime('2026-11-21T06:59:58Z', now)).toBe('just now');
    expect(relativeTime('2026-11-19T07:00:00Z', now)).toBe('2 days ago');
    expect(relativeTime('not a time', now)).toBeUndefined();
    expect(relativeTime(undefined, now)).toBeUndefined();
  });

  it('formats ratios, memory, rates and phases', () => {
    expect(percent(1 / 3)).toBe('33.3%');
    expect(percent(1)).toBe('100%');
    expect(percent(0)).toBe('0%');
    expect(gibibytes(15081684 * 1024)).toBe('14.4 GiB');
    expect(perHour(5.53604965039163)).toBe('5.54/h');
    expect(byPhase({ Running: 2, Pending: 1, Failed: 0 })).toBe(
      'Running 2 · Pending 1',
    );
    expect(byPhase({})).toBe('none');
  });
});
