import { configApiRef, useApiHolder } from '@backstage/core-plugin-api';
import { DateTime } from 'luxon';
import { DependencyList, useEffect, useRef, useState } from 'react';
import { nextReadDelayMs, refreshIntervalMs } from './refreshSchedule';

/** What a polled read has come to so far. */
export interface PolledRead<T> {
  /** The last good answer, kept on screen while later reads run or fail. */
  value?: T;
  /** The last read's failure; cleared by the next success. */
  error?: Error;
  /** True only until the first read settles: nothing to show yet. */
  loading: boolean;
  /** A later read is running (the value stays on screen meanwhile). */
  refreshing: boolean;
  /** When `value` was read. */
  lastReadAt?: DateTime;
  /** Failed reads in a row; each doubles the wait before the next. */
  failures: number;
  /** After a failure, the wait before the next try (undefined: no polling). */
  retryInMs?: number;
}

/** What the read is told: `fresh` on a refresh, which must reach the backend. */
export interface PolledReadContext {
  fresh: boolean;
}

const hidden = () =>
  typeof document !== 'undefined' && document.visibilityState === 'hidden';

/**
 * Reads once, then again every `paved.refresh.intervalSeconds` (default 30;
 * 0 reads once only) while the tab is visible. A hidden tab does not read;
 * when it shows again a read that fell due meanwhile runs at once. After a
 * failure the wait doubles up to a cap, and a success resets it. The last
 * good value stays through refreshes and failures; when `deps` change (another
 * entity, another window) the read starts over from nothing.
 *
 * `read` returns undefined when the card has nothing to read (the entity
 * lacks its annotations): then nothing is polled.
 */
export function usePolledRead<T>(
  read: (context: PolledReadContext) => Promise<T> | undefined,
  deps: DependencyList,
): PolledRead<T> {
  const intervalMs = refreshIntervalMs(useApiHolder().get(configApiRef));
  const [state, setState] = useState<PolledRead<T>>({
    loading: true,
    refreshing: false,
    failures: 0,
  });
  // The latest `read`, so a timer set before a re-render calls the current one.
  const readRef = useRef(read);
  readRef.current = read;

  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;
    let failures = 0;
    let dueAt = Infinity;

    function clear() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    }
    function arm() {
      clear();
      if (dueAt === Infinity || hidden()) return;
      // eslint-disable-next-line @typescript-eslint/no-use-before-define
      timer = setTimeout(() => run(true), Math.max(0, dueAt - Date.now()));
    }
    function run(fresh: boolean) {
      clear();
      if (inFlight) return;
      const pending = readRef.current({ fresh });
      if (!pending) {
        setState({ loading: false, refreshing: false, failures: 0 });
        return;
      }
      inFlight = true;
      setState(s => ({ ...s, refreshing: !s.loading }));
      pending
        .then(
          value => {
            if (!active) return;
            failures = 0;
            setState({
              value,
              loading: false,
              refreshing: false,
              lastReadAt: DateTime.now(),
              failures,
            });
          },
          (error: unknown) => {
            if (!active) return;
            failures += 1;
            setState(s => ({
              ...s,
              error: error instanceof Error ? error : new Error(String(error)),
              loading: false,
              refreshing: false,
              failures,
              retryInMs:
                intervalMs > 0
                  ? nextReadDelayMs(intervalMs, failures)
                  : undefined,
            }));
          },
        )
        .finally(() => {
          inFlight = false;
          if (!active) return;
          dueAt =
            intervalMs > 0
              ? Date.now() + nextReadDelayMs(intervalMs, failures)
              : Infinity;
          arm();
        });
    }
    const onVisibility = () => {
      if (hidden()) clear();
      else if (!inFlight) arm();
    };

    setState({ loading: true, refreshing: false, failures: 0 });
    run(false);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      active = false;
      clear();
      document.removeEventListener('visibilitychange', onVisibility);
    };
    // `read` changes every render; `deps` say when it reads something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [intervalMs, ...deps]);

  return state;
}
