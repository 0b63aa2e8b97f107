import { mockServices } from '@backstage/backend-test-utils';
import { readClusterReadOptions } from './options';

const readWith = (paved: object) => {
  const logger = mockServices.logger.mock();
  const options = readClusterReadOptions(
    mockServices.rootConfig({ data: { paved } }),
    logger,
  );
  return { options, warnings: logger.warn.mock.calls.map(c => c[0]) };
};

const read = (health?: object) =>
  readWith(health ? { health } : {}).options;

describe('readClusterReadOptions', () => {
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

  it('reads Backstage duration strings and names the key of a bad one', () => {
    const clusters = (c: object) => readWith({ clusterAccess: c }).options;
    expect(clusters({ clusterTimeout: 'PT2M' }).clusterTimeoutMs).toBe(
      120_000,
    );
    expect(clusters({ cacheTtl: '30s' }).cacheTtlMs).toBe(30_000);
    expect(clusters({ cacheTtl: { hours: 1 } }).cacheTtlMs).toBe(3_600_000);
    expect(() => clusters({ clusterTimeout: 'soon' })).toThrow(
      /^paved\.clusterAccess\.clusterTimeout must be milliseconds, a duration/,
    );
    expect(() => clusters({ cacheTtl: { secs: 5 } })).toThrow(
      /^paved\.clusterAccess\.cacheTtl must be .*Needs one or more of 'years'/,
    );
    expect(() => read({ clusterTimeout: 'soon' })).toThrow(
      /^paved\.health\.clusterTimeout must be milliseconds/,
    );
    expect(() => clusters({ clusterTimeout: 0 })).toThrow(
      'paved.clusterAccess.clusterTimeout must be a positive duration',
    );
  });
});

describe('paved.health → paved.clusterAccess compatibility window', () => {
  it('reads paved.clusterAccess without a warning', () => {
    const { options, warnings } = readWith({
      clusterAccess: { clusterTimeout: { seconds: 4 }, cacheTtl: 0, pageSize: 50 },
      health: { inspectPods: 7 },
    });
    expect(options).toEqual({
      clusterTimeoutMs: 4000,
      cacheTtlMs: 0,
      pageSize: 50,
      inspectLimit: 7,
    });
    expect(warnings).toEqual([]);
  });

  it('still reads the old keys, with one warning naming old and new keys', () => {
    const { options, warnings } = readWith({
      health: { clusterTimeout: 2500, cacheTtl: { seconds: 1 }, pageSize: 9 },
    });
    expect(options).toMatchObject({
      clusterTimeoutMs: 2500,
      cacheTtlMs: 1000,
      pageSize: 9,
    });
    expect(warnings).toHaveLength(1);
    for (const key of ['clusterTimeout', 'cacheTtl', 'pageSize']) {
      expect(warnings[0]).toContain(
        `paved.health.${key} is deprecated; it was read, but move it to paved.clusterAccess.${key}.`,
      );
    }
  });

  it('takes the new key when both are set, warning that the old one is ignored', () => {
    const { options, warnings } = readWith({
      clusterAccess: { cacheTtl: 0 },
      health: { cacheTtl: 60_000, pageSize: 20 },
    });
    expect(options.cacheTtlMs).toBe(0);
    expect(options.pageSize).toBe(20);
    expect(warnings).toEqual([
      'paved.health.cacheTtl is ignored because paved.clusterAccess.cacheTtl is set; remove paved.health.cacheTtl. ' +
        'paved.health.pageSize is deprecated; it was read, but move it to paved.clusterAccess.pageSize.',
    ]);
  });

  it('leaves paved.health.inspectPods where it is, without a warning', () => {
    const { options, warnings } = readWith({ health: { inspectPods: 'all' } });
    expect(options.inspectLimit).toBe(Number.POSITIVE_INFINITY);
    expect(warnings).toEqual([]);
  });
});
