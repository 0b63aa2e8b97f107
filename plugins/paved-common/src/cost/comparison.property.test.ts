import fc from 'fast-check';
import { COST_PARTS, sumConcurrent, WorkloadCost } from './aggregate';
import { compareCosts, costChange } from './comparison';
import { summarizeCost } from './summary';
import { allocation } from './fixtures.testutil';
import { resolveCostWindow } from './windows';

const money = fc.oneof(
  fc.double({ min: 0, max: 5000, noNaN: true }),
  fc.constant(0),
);
const maybeMoney = fc.oneof(
  { weight: 9, arbitrary: money },
  { weight: 1, arbitrary: fc.constant(null) },
);
const workloadName = fc
  .tuple(
    fc.constantFrom('payments', 'checkout'),
    fc.constantFrom('deployment', 'statefulset'),
    fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  )
  .map(([ns, kind, name]) => `${ns}/${kind}:${name}`);
const allocations = (cost: fc.Arbitrary<number | null>) =>
  fc
    .uniqueArray(
      fc.tuple(workloadName, cost, cost, fc.constantFrom('c1', 'c2')),
      { maxLength: 12, selector: ([n, , , c]) => `${c}|${n}` },
    )
    .map(list =>
      list.map(([name, cpu, ram, cluster]) => {
        const a = allocation(name, {
          cpuCost: cpu,
          ramCost: ram,
          pvCost: 0,
          networkCost: 0,
          loadBalancerCost: 0,
          totalCost: cpu === null || ram === null ? null : cpu + ram,
        });
        a.properties.cluster = cluster;
        return a;
      }),
    );

const window = resolveCostWindow('last7d', '2026-11-21T12:00:00Z', 'UTC');
const period = {
  start: 'a',
  end: 'b',
  label: 'previous 7 days',
  complete: true,
};
const side = (allocs: ReturnType<typeof allocation>[]) =>
  summarizeCost([{ allocations: allocs }], { type: 'cluster' }, window);

describe('comparing a period with the previous one', () => {
  it('a period compared with itself changes by zero, everywhere it is known', () => {
    fc.assert(
      fc.property(allocations(maybeMoney), allocs => {
        const s = side(allocs);
        const c = compareCosts(s, s, period);
        const known = [c.total, ...COST_PARTS.map(p => c.parts[p])];
        for (const change of [...known, ...c.workloads.map(w => w.change)]) {
          const expected = change.current === null ? null : 0;
          expect([change.delta, change.ratio]).toEqual([expected, expected]);
        }
        expect(c.workloads.every(w => w.presence === 'both')).toBe(true);
        expect(c.workloads).toHaveLength(s.workloads.length);
      }),
    );
  });

  it('workload changes add up to the total change, and new and gone ones are named', () => {
    fc.assert(
      fc.property(allocations(money), allocations(money), (now, before) => {
        const current = side(now);
        const previous = side(before);
        const c = compareCosts(current, previous, period);
        const sum = c.workloads.reduce((s, w) => s + w.change.delta!, 0);
        expect(sum).toBeCloseTo(c.total.delta!, 6);
        const ids = (ws: readonly WorkloadCost[]) =>
          new Set(ws.map(w => `${w.cluster}|${w.key}`));
        const was = ids(previous.workloads);
        const is = ids(current.workloads);
        for (const w of c.workloads) {
          const id = `${w.cluster}|${w.key}`;
          let presence: string = 'both';
          if (!was.has(id)) presence = 'new';
          else if (!is.has(id)) presence = 'gone';
          expect(w.presence).toBe(presence);
          // Not running in a period is a known 0, not unknown.
          expect(w.presence === 'gone' ? w.change.current : 0).toBe(0);
          expect(w.presence === 'new' ? w.change.previous : 0).toBe(0);
        }
        // Largest change first.
        const sizes = c.workloads.map(w => Math.abs(w.change.delta!));
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      }),
    );
  });

  it('is antisymmetric: swapping the periods negates every change', () => {
    fc.assert(
      fc.property(allocations(money), allocations(money), (a, b) => {
        const x = compareCosts(side(a), side(b), period);
        const y = compareCosts(side(b), side(a), period);
        expect(x.total.delta).toBeCloseTo(-y.total.delta!, 6);
        for (const p of COST_PARTS) {
          expect(x.parts[p].delta).toBeCloseTo(-y.parts[p].delta!, 6);
        }
      }),
    );
  });

  it('a rise from nothing has no percentage; unknown stays unknown', () => {
    expect(costChange(34, 0)).toEqual({
      current: 34,
      previous: 0,
      delta: 34,
      ratio: null,
    });
    expect(costChange(0, 0).ratio).toBe(0);
    expect(costChange(112, 100).ratio).toBeCloseTo(0.12);
    expect(costChange(null, 100).delta).toBeNull();
    expect(sumConcurrent([]).costs.total).toBe(0);
  });
});
