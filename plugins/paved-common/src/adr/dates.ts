import { DateTime } from 'luxon';

const FORMATS = [
  'yyyy-MM-dd',
  'yyyy/MM/dd',
  'd MMMM yyyy',
  'MMMM d, yyyy',
  'dd.MM.yyyy',
];

/** Normalises the dates ADRs carry to `yyyy-MM-dd`, or undefined. */
export function normaliseAdrDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return DateTime.fromJSDate(value, { zone: 'utc' }).toISODate() ?? undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    return undefined;
  }
  const text = String(value).trim();
  const iso = DateTime.fromISO(text, { zone: 'utc' });
  if (iso.isValid) {
    return iso.toISODate() ?? undefined;
  }
  for (const format of FORMATS) {
    const parsed = DateTime.fromFormat(text, format, {
      zone: 'utc',
      locale: 'en',
    });
    if (parsed.isValid) {
      return parsed.toISODate() ?? undefined;
    }
  }
  // "2024-03-01 (revised 2024-05-02)": the first ISO date written.
  const first = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  const embedded = first && DateTime.fromISO(first[1], { zone: 'utc' });
  return embedded?.isValid ? embedded.toISODate() ?? undefined : undefined;
}
