import { allocation, responseOf } from './fixtures.testutil';
import {
  OpenCostApiError,
  OpenCostDataError,
  parseAllocationResponse,
} from './parse';

const key = 'payments/deployment:payments-api';

describe('parseAllocationResponse', () => {
  it('reads the documented shape, one set per step', () => {
    const sets = parseAllocationResponse(
      responseOf({ [key]: allocation(key) }, { [key]: allocation(key) }),
    );
    expect(sets).toHaveLength(2);
    expect(sets[0].allocations[0]).toMatchObject({
      name: key,
      cpuCost: 0.4,
      totalCost: 0.58,
      properties: { namespace: 'payments', controller: 'payments-api' },
    });
    expect(sets[0].start).toBe('2026-11-20T00:00:00Z');
  });

  it('keeps null (NaN/Inf on the server) as unknown, never 0', () => {
    const [set] = parseAllocationResponse(
      responseOf({
        [key]: allocation(key, { cpuEfficiency: null, networkCost: null }),
      }),
    );
    expect(set.allocations[0].cpuEfficiency).toBeNull();
    expect(set.allocations[0].networkCost).toBeNull();
  });

  it('names the field that is wrong', () => {
    const bad = { ...allocation(key), cpuCost: 'cheap' };
    expect(() => parseAllocationResponse(responseOf({ [key]: bad }))).toThrow(
      `Malformed OpenCost response at data[0]["${key}"].cpuCost: expected a number or null, got "cheap"`,
    );
    const missing: Record<string, unknown> = { ...allocation(key) };
    delete missing.totalCost;
    let error: unknown;
    try {
      parseAllocationResponse(responseOf({ [key]: missing }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OpenCostDataError);
    expect((error as OpenCostDataError).field).toBe(
      `data[0]["${key}"].totalCost`,
    );
    expect(() =>
      parseAllocationResponse(
        responseOf({
          [key]: { ...allocation(key), window: { start: 'x', end: 'y' } },
        }),
      ),
    ).toThrow(/window\.start: expected an RFC 3339 time/);
  });

  it('refuses a body that is not an allocation response', () => {
    expect(() => parseAllocationResponse('<html>')).toThrow(/\(body\)/);
    expect(() => parseAllocationResponse({ code: 200, data: {} })).toThrow(
      'Malformed OpenCost response at data: expected an array of allocation sets, got {}',
    );
    expect(() => parseAllocationResponse({ code: 200, data: [5] })).toThrow(
      /data\[0\]: expected a map of allocations/,
    );
  });

  it('reports an OpenCost failure with its message', () => {
    expect(() =>
      parseAllocationResponse({
        code: 500,
        message: 'prometheus unreachable',
        data: null,
      }),
    ).toThrow(new OpenCostApiError(500, 'prometheus unreachable'));
  });

  it('takes a null step as a step without data', () => {
    const sets = parseAllocationResponse(responseOf(null, {}));
    expect(sets).toEqual([{ allocations: [] }, { allocations: [] }]);
  });
});
