import { MaybeNumber } from '@paved/plugin-paved-common';
import { DateTime } from 'luxon';

/** Money in the configured currency; "unknown" for what OpenCost could not tell. */
export function money(
  value: MaybeNumber | undefined,
  currency: string,
): string {
  if (value === null || value === undefined) return 'unknown';
  const digits = Math.abs(value) < 10 ? 2 : 0;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function percent(value: MaybeNumber | undefined): string {
  if (value === null || value === undefined) return 'unknown';
  return `${Math.round(value * 100)} %`;
}

export function cores(value: MaybeNumber): string {
  if (value === null) return 'unknown';
  return value < 1
    ? `${Math.round(value * 1000)}m`
    : `${value.toFixed(2)} cores`;
}

export function bytes(value: MaybeNumber): string {
  if (value === null) return 'unknown';
  const mi = value / 2 ** 20;
  return mi < 1024 ? `${Math.round(mi)} MiB` : `${(mi / 1024).toFixed(1)} GiB`;
}

/** A `YYYY-MM-DD` local day as a short date, e.g. "Nov 15". */
export function shortDay(day: string): string {
  return DateTime.fromISO(day).toFormat('LLL d');
}

/** An instant in the user's zone, e.g. "Nov 19, 2026, 06:00". */
export function instantIn(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('LLL d, yyyy, HH:mm');
}

/** The user's IANA zone, from the browser. */
export function userZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
