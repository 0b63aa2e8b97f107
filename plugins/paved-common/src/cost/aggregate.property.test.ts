import fc from 'fast-check';
import {
  aggregateWorkloads,
  selectAllocation,
  shares,
  sumConcurrent,
  sumMaybe,
  sumSequential,
  workloadCostOf,
} from './aggregate';
import { allocation } from './fixtures.testutil';

const money = fc.double({ min: 0, max: 1000, noNaN: true });
const costs = fc.record({
  cpuCost: money,
  ramCost: money,
  gpuCost: money,
  pvCost: money,
  networkCost: money,
  loadBalancerCost: money,
  sharedCost: money,
  externalCost: money,
});
const workloadName = fc
  .tuple(
    fc.constantFrom('payments', 'checkout', 'monitoring'),
    fc.constantFrom('deployment', 'statefulset'),
    fc.constantFrom('a', 'b', 'c', 'd'),
  )
  .map(([ns, kind, name]) => `${ns}/${kind}:${name}`);

/** Allocations whose totalCost is the sum of their parts, as OpenCost sends. */
const allocations = fc
  .array(fc.tuple(workloadName, costs), { maxLength: 30 })
  .map(list =>
    list.map(([name, c]) =>
      allocation(name, {
        ...c,
        totalCost: Object.values(c).reduce((a, b) => a + b, 0),
      }),
    ),
  );

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe('cost aggregation properties', () => {
  it('the workloads of a tenant sum to its total, and the parts to the total', () => {
    fc.assert(
      fc.property(allocations, allocs => {
        const selector = {
          type: 'namespaces' as const,
          namespaces: ['payments', 'checkout'],
        };
        const lines = aggregateWorkloads([{ allocations: allocs }], selector);
        const total = sumConcurrent(lines);
        const expected = allocs
          .filter(a => selectAllocation(a, selector))
          .reduce((s, a) => s + a.totalCost!, 0);
        expect(close(total.costs.total!, expected)).toBe(true);
        const parts =
          total.costs.cpu! +
          total.costs.ram! +
          total.costs.gpu! +
          total.costs.pv! +
          total.costs.network! +
          total.costs.loadBalancer! +
          total.costs.shared! +
          total.costs.external!;
        expect(close(parts, total.costs.total!)).toBe(true);
      }),
    );
  });

  it('splitting a window into steps does not change the total', () => {
    fc.assert(
      fc.property(allocations, fc.integer({ min: 1, max: 5 }), (allocs, n) => {
        const selector = { type: 'cluster' as const };
        const whole = sumConcurrent(
          aggregateWorkloads([{ allocations: allocs }], selector),
        );
        // The same allocations spread over n steps, each carrying 1/n of the cost.
        const steps = Array.from({ length: n }, () => ({
          allocations: allocs.map(a => ({
            ...a,
            cpuCost: a.cpuCost! / n,
            ramCost: a.ramCost! / n,
            gpuCost: a.gpuCost! / n,
            pvCost: a.pvCost! / n,
            networkCost: a.networkCost! / n,
            loadBalancerCost: a.loadBalancerCost! / n,
            sharedCost: a.sharedCost! / n,
            externalCost: a.externalCost! / n,
            totalCost: a.totalCost! / n,
          })),
        }));
        const split = sumConcurrent(aggregateWorkloads(steps, selector));
        expect(close(split.costs.total!, whole.costs.total!)).toBe(true);
      }),
    );
  });

  it('shares of known, positive values sum to one', () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 1, maxLength: 20 }), values => {
        fc.pre(values.reduce((a, b) => a + b, 0) > 0);
        const s = shares(values);
        expect(close(s.reduce((a, b) => a! + b!, 0)!, 1)).toBe(true);
        s.forEach(v => expect(v).toBeGreaterThanOrEqual(0));
      }),
    );
  });

  it('one unknown part makes the sum unknown', () => {
    fc.assert(
      fc.property(fc.array(money), fc.nat(), (values, at) => {
        const withNull = [...values];
        withNull.splice(at % (values.length + 1), 0, null as any);
        expect(sumMaybe(withNull)).toBeNull();
      }),
    );
    expect(shares([1, null, 2])).toEqual([null, null, null]);
  });

  it('averages over steps are weighted by minutes', () => {
    const a = workloadCostOf(
      allocation('p/deployment:a', { minutes: 60, cpuCoreRequestAverage: 1 }),
    );
    const b = workloadCostOf(
      allocation('p/deployment:a', { minutes: 180, cpuCoreRequestAverage: 3 }),
    );
    expect(sumSequential([a, b]).cpuCoreRequestAverage).toBe(2.5);
    expect(sumSequential([a, b]).minutes).toBe(240);
  });

  it('efficiency is usage over requests, unknown without requests', () => {
    const w = sumConcurrent([
      workloadCostOf(
        allocation('p/deployment:a', {
          cpuCoreRequestAverage: 1,
          cpuCoreUsageAverage: 0.25,
          ramByteRequestAverage: 100,
          ramByteUsageAverage: 50,
          cpuCost: 3,
          ramCost: 1,
        }),
      ),
    ]);
    expect(w.efficiency.cpu).toBe(0.25);
    expect(w.efficiency.ram).toBe(0.5);
    expect(w.efficiency.total).toBeCloseTo((0.25 * 3 + 0.5 * 1) / 4);
    const none = sumConcurrent([
      workloadCostOf(
        allocation('p/deployment:b', {
          cpuCoreRequestAverage: 0,
          cpuCoreUsageAverage: 0.2,
        }),
      ),
    ]);
    expect(none.efficiency.cpu).toBeNull();
  });
});

describe('selectAllocation', () => {
  const a = allocation('payments/deployment:payments-api', {
    properties: {
      cluster: 'c1',
      namespace: 'payments',
      controllerKind: 'deployment',
      controller: 'payments-api',
      namespaceLabels: { paved_dev_team: 'team-payments' },
    },
  });
  it('picks a component by its controllers, a tenant by namespaces, a team by label', () => {
    expect(
      selectAllocation(a, {
        type: 'workloads',
        workloads: [
          {
            namespace: 'payments',
            controllerKind: 'Deployment',
            controller: 'payments-api',
          },
        ],
      }),
    ).toBe(true);
    expect(
      selectAllocation(a, {
        type: 'workloads',
        workloads: [
          {
            namespace: 'checkout',
            controllerKind: 'Deployment',
            controller: 'payments-api',
          },
        ],
      }),
    ).toBe(false);
    expect(
      selectAllocation(a, { type: 'namespaces', namespaces: ['payments'] }),
    ).toBe(true);
    expect(
      selectAllocation(a, {
        type: 'label',
        label: 'paved.dev/team',
        value: 'team-payments',
      }),
    ).toBe(true);
    expect(
      selectAllocation(a, {
        type: 'label',
        label: 'paved.dev/team',
        value: 'other',
      }),
    ).toBe(false);
  });

  it('counts __idle__ only for a whole cluster', () => {
    const idle = allocation('__idle__', { properties: { cluster: 'c1' } });
    expect(selectAllocation(idle, { type: 'cluster' })).toBe(true);
    expect(
      selectAllocation(idle, { type: 'namespaces', namespaces: ['payments'] }),
    ).toBe(false);
  });

  it('falls back to the aggregate key when properties are missing', () => {
    const bare = allocation('checkout/deployment:checkout-web', {
      properties: {},
    });
    expect(workloadCostOf(bare)).toMatchObject({
      namespace: 'checkout',
      controllerKind: 'deployment',
      controller: 'checkout-web',
    });
  });
});
