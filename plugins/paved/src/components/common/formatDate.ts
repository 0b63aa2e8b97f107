import { DateTime } from 'luxon';

/**
 * An ADR date (`yyyy-MM-dd`) in the reader's locale, or the text as written
 * when it is not a date luxon can read.
 */
export function formatDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const parsed = DateTime.fromISO(date);
  return parsed.isValid ? parsed.toLocaleString(DateTime.DATE_MED) : date;
}
