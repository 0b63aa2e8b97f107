import { configApiRef } from '@backstage/core-plugin-api';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import { act, renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { PolledReadContext, usePolledRead } from './usePolledRead';

/** A read whose answers the test scripts, one per call: a value or an Error. */
function scriptedRead(answers: (number | Error)[]) {
  const read = jest.fn(async (_context: PolledReadContext) => {
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return next ?? -1;
  });
  return read;
}

function wrapperWith(config?: object) {
  return ({ children }: { children: ReactNode }) =>
    config ? (
      <TestApiProvider
        apis={[[configApiRef, mockApis.config({ data: config })]]}
      >
        {children}
      </TestApiProvider>
    ) : (
      <TestApiProvider apis={[]}>{children}</TestApiProvider>
    );
}

const interval = (seconds: number) => ({
  paved: { refresh: { intervalSeconds: seconds } },
});

/** Moves the clock and lets the reads it started settle. */
async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => state,
  });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

describe('usePolledRead', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    setVisibility('visible');
    jest.useRealTimers();
  });

  it('reads at once, then every 30 s by default, each refresh a fresh read', async () => {
    const read = scriptedRead([1, 2, 3]);
    const { result } = renderHook(() => usePolledRead(read, []), {
      wrapper: wrapperWith(),
    });
    expect(result.current.loading).toBe(true);
    await advance(0);
    expect(result.current).toMatchObject({ value: 1, loading: false });
    expect(read).toHaveBeenLastCalledWith({ fresh: false });
    await advance(29_000);
    expect(read).toHaveBeenCalledTimes(1);
    await advance(1_000);
    expect(read).toHaveBeenCalledTimes(2);
    expect(read).toHaveBeenLastCalledWith({ fresh: true });
    expect(result.current.value).toBe(2);
    await advance(30_000);
    expect(result.current.value).toBe(3);
  });

  it('keeps the value on screen while a refresh is in flight', async () => {
    let release: (n: number) => void = () => {};
    const read = jest
      .fn()
      .mockResolvedValueOnce(1)
      .mockImplementationOnce(
        () => new Promise<number>(resolve => (release = resolve)),
      );
    const { result } = renderHook(() => usePolledRead(read, []), {
      wrapper: wrapperWith(interval(10)),
    });
    await advance(10_000);
    expect(read).toHaveBeenCalledTimes(2);
    expect(result.current).toMatchObject({
      value: 1,
      loading: false,
      refreshing: true,
    });
    await act(async () => release(2));
    expect(result.current).toMatchObject({ value: 2, refreshing: false });
  });

  it('takes the interval from paved.refresh.intervalSeconds', async () => {
    const read = scriptedRead([1, 2]);
    const { result } = renderHook(() => usePolledRead(read, []), {
      wrapper: wrapperWith(interval(5)),
    });
    await advance(4_999);
    expect(read).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(read).toHaveBeenCalledTimes(2);
    expect(result.current.value).toBe(2);
  });

  it('reads once only when the interval is 0', async () => {
    const read = scriptedRead([1, 2]);
    const { result } = renderHook(() => usePolledRead(read, []), {
      wrapper: wrapperWith(interval(0)),
    });
    await advance(10 * 60_000);
    expect(read).toHaveBeenCalledTimes(1);
    expect(result.current.value).toBe(1);
  });

  it('pauses while the tab is hidden and reads at once when it shows if a read fell due', async () => {
    const read = scriptedRead([1, 2, 3]);
    const { result } = renderHook(() => usePolledRead(read, []), {
      wrapper: wrapperWith(interval(10)),
    });
    await advance(0);
    setVisibility('hidden');
    await advance(60_000);
    expect(read).toHaveBeenCalledTimes(1);
    setVisibility('visible');
    await advance(0);
    expect(read).toHaveBeenCalledTimes(2);
    expect(result.current.value).toBe(2);
    // And the interval runs again from there.
    await advance(10_000);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('does not read early when the tab shows again before a read is due', async () => {
    const read = scriptedRead([1, 2]);
    renderHook(() => usePolledRead(read, []), {
      wrapper: wrapperWith(interval(10)),
    });
    await advance(0);
    setVisibility('hidden');
    await advance(4_000);
    setVisibility('visible');
    await advance(5_999);
    expect(read).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('keeps the last good value through a failure, backs off by doubling, and resets on success', async () => {
    const down = new Error('cluster prod-eu is failing');
    const read = scriptedRead([1, down, down, down, 5, 6]);
    const { result } = renderHook(() => usePolledRead(read, []), {
      wrapper: wrapperWith(interval(10)),
    });
    await advance(0);
    const firstReadAt = result.current.lastReadAt;
    await advance(10_000); // 2nd read fails
    expect(result.current).toMatchObject({
      value: 1,
      error: down,
      loading: false,
      failures: 1,
      retryInMs: 20_000,
    });
    expect(result.current.lastReadAt).toBe(firstReadAt);
    await advance(19_999);
    expect(read).toHaveBeenCalledTimes(2);
    await advance(1); // 3rd read, fails: wait 40 s
    expect(read).toHaveBeenCalledTimes(3);
    expect(result.current.failures).toBe(2);
    await advance(39_999);
    expect(read).toHaveBeenCalledTimes(3);
    await advance(1); // 4th read, fails: wait 80 s
    expect(read).toHaveBeenCalledTimes(4);
    await advance(80_000); // 5th read succeeds
    expect(read).toHaveBeenCalledTimes(5);
    expect(result.current).toMatchObject({ value: 5, failures: 0 });
    expect(result.current.error).toBeUndefined();
    await advance(10_000); // back to the interval
    expect(read).toHaveBeenCalledTimes(6);
    expect(result.current.value).toBe(6);
  });

  it('caps the back-off at five minutes', async () => {
    const read = scriptedRead(Array(20).fill(new Error('down')));
    renderHook(() => usePolledRead(read, []), {
      wrapper: wrapperWith(interval(60)),
    });
    await advance(0); // fails: 2 min
    await advance(120_000); // fails: 4 min
    await advance(240_000); // fails: 8 min capped to 5
    expect(read).toHaveBeenCalledTimes(3);
    await advance(299_999);
    expect(read).toHaveBeenCalledTimes(3);
    await advance(1);
    expect(read).toHaveBeenCalledTimes(4);
  });

  it('starts over when its dependencies change, and stops when unmounted', async () => {
    const read = jest.fn(async () => 'x');
    const { result, rerender, unmount } = renderHook(
      ({ id }) => usePolledRead(read, [id]),
      { wrapper: wrapperWith(interval(10)), initialProps: { id: 'a' } },
    );
    await advance(0);
    expect(result.current.value).toBe('x');
    rerender({ id: 'b' });
    expect(result.current.loading).toBe(true);
    expect(result.current.value).toBeUndefined();
    await advance(0);
    expect(read).toHaveBeenCalledTimes(2);
    unmount();
    await advance(60_000);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('polls nothing when there is nothing to read', async () => {
    const read = jest.fn(() => undefined);
    const { result } = renderHook(() => usePolledRead(read, []), {
      wrapper: wrapperWith(interval(10)),
    });
    await advance(60_000);
    expect(read).toHaveBeenCalledTimes(1);
    expect(result.current.loading).toBe(false);
  });
});
