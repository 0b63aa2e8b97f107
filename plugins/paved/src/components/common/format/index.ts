import { DateTime } from 'luxon';

/*
 * One formatting module for every Paved card: quantities (CPU, bytes),
 * percentages, money, rates and times. A card that shows a number imports it
 * from here, so the same quantity reads the same on every card.
 */

/** What a card shows for a figure nobody could tell. */
export const UNKNOWN = 'unknown';

type Maybe = number | null | undefined;

const known = (value: Maybe): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

/** Up to `digits` decimals, without trailing zeros: 2.50 → "2.5". */
function trim(value: number, digits: number): string {
  return `${Number(value.toFixed(digits))}`;
}

/**
 * CPU in cores: below one core in millicores ("250m"), as Kubernetes writes
 * requests; from one core up with two decimals at most ("1.25 cores").
 */
export function formatCpu(cores: Maybe): string {
  if (!known(cores)) return UNKNOWN;
  if (cores === 0) return '0 cores';
  if (Math.abs(cores) < 1) return `${Math.round(cores * 1000)}m`;
  const text = trim(cores, 2);
  return `${text} ${text === '1' ? 'core' : 'cores'}`;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/**
 * Bytes in binary units, as Kubernetes quantities are: MiB and below
 * rounded ("512 MiB"), GiB and above with one decimal ("14.4 GiB").
 */
export function formatBytes(bytes: Maybe): string {
  if (!known(bytes)) return UNKNOWN;
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1023.6 MiB would round to "1024 MiB": say 1 GiB instead.
  if (unit < 3 && Math.round(value) >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${unit < 3 ? Math.round(value) : trim(value, 1)} ${UNITS[unit]}`;
}

/**
 * A ratio as a percentage: one decimal below 100 where it matters
 * ("99.9%", "45.3%"), none where it does not ("45%", "100%", "250%").
 */
export function formatPercent(ratio: Maybe): string {
  if (!known(ratio)) return UNKNOWN;
  const value = ratio * 100;
  return `${Math.abs(value) >= 100 ? Math.round(value) : trim(value, 1)}%`;
}

/**
 * Money in the currency the data carries (ISO 4217): cents below 10, whole
 * units above ("$4.20", "€36", "$1,234").
 */
export function formatMoney(value: Maybe, currency: string): string {
  if (!known(value)) return UNKNOWN;
  const digits = Math.abs(value) < 10 ? 2 : 0;
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    // Not a currency code Intl knows: the number and the code as given.
    return `${value.toFixed(digits)} ${currency}`;
  }
}

/** A count per hour: "5.54/h". */
export function formatPerHour(value: Maybe): string {
  if (!known(value)) return UNKNOWN;
  return `${trim(value, 2)}/h`;
}

/** A count with its noun, singular or plural: "1 call", "6 calls". */
export function formatCount(n: number, singular: string, plural?: string) {
  return `${n} ${n === 1 ? singular : plural ?? `${singular}s`}`;
}

/** A short duration: "12 ms", "1.5 s", "2 min 5 s", "3 h 10 min". */
export function formatDuration(ms: Maybe): string {
  if (!known(ms)) return UNKNOWN;
  if (Math.abs(ms) < 1000) return `${Math.round(ms)} ms`;
  if (Math.abs(ms) < 60_000) return `${trim(ms / 1000, 1)} s`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m ? `${h} h ${m} min` : `${h} h`;
  return s ? `${m} min ${s} s` : `${m} min`;
}

/**
 * How long ago (or from now) an ISO time is, in people's terms ("3 minutes
 * ago", "just now" within ten seconds); undefined when luxon cannot read it.
 */
export function formatRelativeTime(
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

/** A `YYYY-MM-DD` local day as a short date, e.g. "Nov 15". */
export function formatShortDay(day: string): string {
  const parsed = DateTime.fromISO(day);
  return parsed.isValid ? parsed.toFormat('LLL d') : day;
}

/** An instant in a time zone, e.g. "Nov 19, 2026, 06:00". */
export function formatInstant(iso: string, zone: string): string {
  const parsed = DateTime.fromISO(iso, { zone });
  return parsed.isValid ? parsed.toFormat('LLL d, yyyy, HH:mm') : iso;
}

/** The user's IANA zone, from the browser. */
export function userZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
