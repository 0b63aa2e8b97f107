import { DateTime } from 'luxon';

/** "3 minutes ago", or undefined for a time luxon cannot read. */
export function relativeTime(
  iso: string | undefined,
  now?: DateTime,
): string | undefined {
  if (!iso) return undefined;
  const at = DateTime.fromISO(iso);
  if (!at.isValid) return undefined;
  const base = now ?? DateTime.now();
  // luxon says "0 seconds ago"; people say "just now".
  if (Math.abs(base.diff(at).as('seconds')) < 10) return 'just now';
  return at.toRelative({ base }) ?? undefined;
}

export function percent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  const value = ratio * 100;
  // 99.9% matters for availability; keep one decimal below 100.
  return `${
    value >= 100 || value === 0 ? value.toFixed(0) : value.toFixed(1)
  }%`;
}

export function cores(value: number): string {
  return `${Number(value.toFixed(2))}`;
}

const GIB = 1024 ** 3;

export function gibibytes(bytes: number): string {
  return `${Number((bytes / GIB).toFixed(1))} GiB`;
}

export function perHour(value: number): string {
  return `${Number(value.toFixed(2))}/h`;
}

/** `{ Running: 2, Pending: 1 }` → "Running 2 · Pending 1", busiest first. */
export function byPhase(phases: Record<string, number>): string {
  const entries = Object.entries(phases)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length
    ? entries.map(([phase, n]) => `${phase} ${n}`).join(' · ')
    : 'none';
}
