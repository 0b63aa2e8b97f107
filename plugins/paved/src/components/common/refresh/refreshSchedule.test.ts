import { mockApis } from '@backstage/test-utils';
import {
  MAX_BACKOFF_MS,
  nextReadDelayMs,
  refreshIntervalMs,
} from './refreshSchedule';

describe('refreshIntervalMs', () => {
  it('is 30 s without config, and what the config says otherwise', () => {
    expect(refreshIntervalMs(undefined)).toBe(30_000);
    expect(refreshIntervalMs(mockApis.config())).toBe(30_000);
    expect(
      refreshIntervalMs(
        mockApis.config({
          data: { paved: { refresh: { intervalSeconds: 5 } } },
        }),
      ),
    ).toBe(5_000);
    expect(
      refreshIntervalMs(
        mockApis.config({
          data: { paved: { refresh: { intervalSeconds: 0 } } },
        }),
      ),
    ).toBe(0);
  });

  it('names the key when the value is negative or not a number', () => {
    expect(() =>
      refreshIntervalMs(
        mockApis.config({
          data: { paved: { refresh: { intervalSeconds: -1 } } },
        }),
      ),
    ).toThrow(/paved\.refresh\.intervalSeconds must be 0 .* got -1/);
    expect(() =>
      refreshIntervalMs(
        mockApis.config({
          data: { paved: { refresh: { intervalSeconds: 'soon' } } },
        }),
      ),
    ).toThrow(/paved\.refresh\.intervalSeconds/);
  });
});

describe('nextReadDelayMs', () => {
  it('doubles per failure up to the cap, and is the interval after a success', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(f => nextReadDelayMs(30_000, f))).toEqual(
      [
        30_000,
        60_000,
        120_000,
        240_000,
        MAX_BACKOFF_MS,
        MAX_BACKOFF_MS,
        MAX_BACKOFF_MS,
      ],
    );
  });

  it('never waits less than the interval when the interval exceeds the cap', () => {
    expect(nextReadDelayMs(600_000, 3)).toBe(600_000);
  });
});
