import { ConfigApi } from '@backstage/core-plugin-api';

/** How often a card reads again when `paved.refresh.intervalSeconds` is not set. */
export const DEFAULT_REFRESH_INTERVAL_SECONDS = 30;

/** The longest a failing card waits between reads, however often it failed. */
export const MAX_BACKOFF_MS = 5 * 60_000;

export const REFRESH_INTERVAL_KEY = 'paved.refresh.intervalSeconds';

/**
 * The refresh interval in milliseconds from the app's config; 0 means the
 * cards read once and never again. A negative or non-finite value is an
 * error naming the key, not a silent default.
 */
export function refreshIntervalMs(config: ConfigApi | undefined): number {
  const seconds =
    config?.getOptionalNumber(REFRESH_INTERVAL_KEY) ??
    DEFAULT_REFRESH_INTERVAL_SECONDS;
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(
      `${REFRESH_INTERVAL_KEY} must be 0 (no refresh) or a positive number of seconds, got ${seconds}`,
    );
  }
  return seconds * 1000;
}

/**
 * How long to wait before the next read: the interval after a success;
 * after `failures` failures in a row, the interval doubled per failure, up
 * to `MAX_BACKOFF_MS` (or the interval itself when that is longer), so a
 * failing cluster is not asked again every few seconds.
 */
export function nextReadDelayMs(intervalMs: number, failures: number): number {
  if (failures <= 0) return intervalMs;
  const cap = Math.max(intervalMs, MAX_BACKOFF_MS);
  // 2 ** 30 is far past any cap: stop doubling before the number overflows.
  return Math.min(cap, intervalMs * 2 ** Math.min(failures, 30));
}
