import { DateTime } from 'luxon';
import {
  formatBytes,
  formatCount,
  formatCpu,
  formatDuration,
  formatInstant,
  formatMoney,
  formatPercent,
  formatPerHour,
  formatRelativeTime,
  formatShortDay,
} from '.';

describe('the formatting module', () => {
  it('formats CPU in millicores below a core and in cores above', () => {
    expect(formatCpu(0.25)).toBe('250m');
    expect(formatCpu(0.0015)).toBe('2m');
    expect(formatCpu(1)).toBe('1 core');
    expect(formatCpu(1.25)).toBe('1.25 cores');
    expect(formatCpu(15.678)).toBe('15.68 cores');
    expect(formatCpu(0)).toBe('0 cores');
    expect(formatCpu(null)).toBe('unknown');
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(300 * 2 ** 20)).toBe('300 MiB');
    expect(formatBytes(2 ** 31)).toBe('2 GiB');
    expect(formatBytes(15081684 * 1024)).toBe('14.4 GiB');
    expect(formatBytes(1023.7 * 2 ** 20)).toBe('1 GiB');
    expect(formatBytes(3 * 2 ** 40)).toBe('3 TiB');
    expect(formatBytes(undefined)).toBe('unknown');
  });

  it('formats percentages with one decimal below 100 where it matters', () => {
    expect(formatPercent(1 / 3)).toBe('33.3%');
    expect(formatPercent(0.45)).toBe('45%');
    expect(formatPercent(0.999)).toBe('99.9%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(2.504)).toBe('250%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(NaN)).toBe('unknown');
  });

  it('formats money in the currency of the data', () => {
    expect(formatMoney(4.2, 'USD')).toBe('$4.20');
    expect(formatMoney(36, 'EUR')).toBe('€36');
    expect(formatMoney(1234.5, 'USD')).toBe('$1,235');
    expect(formatMoney(null, 'USD')).toBe('unknown');
    expect(formatMoney(12, 'not a code')).toBe('12 not a code');
  });

  it('formats rates, counts and durations', () => {
    expect(formatPerHour(5.53604965039163)).toBe('5.54/h');
    expect(formatCount(1, 'call')).toBe('1 call');
    expect(formatCount(6, 'call')).toBe('6 calls');
    expect(formatCount(2, 'Pod was', 'Pods were')).toBe('2 Pods were');
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(3 * 3600_000 + 600_000)).toBe('3 h 10 min');
  });

  it('puts times in people terms', () => {
    const now = DateTime.fromISO('2026-11-21T07:00:00Z');
    expect(formatRelativeTime('2026-11-21T06:57:00Z', now)).toBe(
      '3 minutes ago',
    );
    expect(formatRelativeTime('2026-11-21T06:59:58Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-11-19T07:00:00Z', now)).toBe('2 days ago');
    expect(formatRelativeTime('not a time', now)).toBeUndefined();
    expect(formatRelativeTime(undefined, now)).toBeUndefined();
    expect(formatShortDay('2026-11-15')).toBe('Nov 15');
    expect(formatInstant('2026-11-19T05:00:00Z', 'Europe/Berlin')).toBe(
      'Nov 19, 2026, 06:00',
    );
  });
});
