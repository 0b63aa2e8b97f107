import { mockServices } from '@backstage/backend-test-utils';
import { readHealthOptions } from './options';

const read = (health?: object) =>
  readHealthOptions(
    mockServices.rootConfig({ data: health ? { paved: { health } } : {} }),
  );

describe('readHealthOptions', () => {
  it('defaults to 10 s and pages of 500', () => {
    expect(read()).toEqual({
      clusterTimeoutMs: 10_000,
      pageSize: 500,
      cacheTtlMs: 10_000,
      inspectLimit: 2,
    });
    expect(read({ cacheTtl: 0 }).cacheTtlMs).toBe(0);
  });

  it("reads inspectPods as a count, or 'all' for every Pod in full", () => {
    expect(read({ inspectPods: 0 }).inspectLimit).toBe(0);
    expect(read({ inspectPods: 25 }).inspectLimit).toBe(25);
    expect(read({ inspectPods: 'all' }).inspectLimit).toBe(
      Number.POSITIVE_INFINITY,
    );
    for (const bad of [-1, 2.5, 'some']) {
      expect(() => read({ inspectPods: bad })).toThrow(
        /paved\.health\.inspectPods must be a whole number/,
      );
    }
  });

  it('reads milliseconds or a duration', () => {
    expect(read({ clusterTimeout: 2500 }).clusterTimeoutMs).toBe(2500);
    expect(
      read({ clusterTimeout: { seconds: 3, milliseconds: 500 } })
        .clusterTimeoutMs,
    ).toBe(3500);
  });

  it('refuses a zero timeout', () => {
    expect(() => read({ clusterTimeout: 0 })).toThrow(/positive/);
  });
});
