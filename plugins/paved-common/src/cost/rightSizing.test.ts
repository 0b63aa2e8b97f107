import fc from 'fast-check';
import { workloadCostOf } from './aggregate';
import { allocation } from './fixtures.testutil';
import { HOURS_PER_MONTH, rightSizing } from './rightSizing';

describe('rightSizing', () => {
  it('recommends use plus head room and prices the saving per month', () => {
    // 24 h at 0.5 cores requested, 0.1 used: 12 core-hours for 0.48 → 0.04/core-hour.
    const w = workloadCostOf(
      allocation('payments/deployment:payments-api', {
        minutes: 1440,
        cpuCoreHours: 12,
        cpuCost: 0.48,
        cpuCoreRequestAverage: 0.5,
        cpuCoreUsageAverage: 0.1,
        ramByteHours: 24 * 2 ** 30,
        ramCost: 0.24,
        ramByteRequestAverage: 2 ** 30,
        ramByteUsageAverage: 2 ** 28,
      }),
    );
    const advice = rightSizing(w);
    expect(advice.cpu.recommended).toBeCloseTo(0.12);
    expect(advice.cpu.unitHourPrice).toBeCloseTo(0.04);
    expect(advice.cpu.monthlySaving).toBeCloseTo(
      (0.5 - 0.12) * 0.04 * HOURS_PER_MONTH,
    );
    expect(advice.ram.recommended).toBeCloseTo(1.2 * 2 ** 28);
    expect(advice.monthlySaving).toBeCloseTo(
      advice.cpu.monthlySaving! + advice.ram.monthlySaving!,
    );
    expect(advice.advice).toBe('right-size');
  });

  it('never advises a negative saving', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 64, noNaN: true }),
        fc.double({ min: 0, max: 64, noNaN: true }),
        (requested, used) => {
          const w = workloadCostOf(
            allocation('p/deployment:a', {
              cpuCoreRequestAverage: requested,
              cpuCoreUsageAverage: used,
            }),
          );
          const a = rightSizing(w);
          expect(a.cpu.monthlySaving).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('says "set requests" when nothing is requested, and unknown without use', () => {
    const none = workloadCostOf(
      allocation('p/deployment:a', {
        cpuCoreRequestAverage: 0,
        cpuEfficiency: null,
      }),
    );
    expect(rightSizing(none).advice).toBe('set-requests');
    const unknown = workloadCostOf(
      allocation('p/deployment:b', { ramByteUsageAverage: null }),
    );
    expect(rightSizing(unknown).monthlySaving).toBeNull();
    expect(rightSizing(unknown).advice).toBe('unknown');
  });
});
