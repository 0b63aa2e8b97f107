import { allocation } from './fixtures.testutil';
import { combineSummaries, summarizeCost } from './summary';
import { resolveCostWindow } from './windows';

const zone = 'UTC';
const window = resolveCostWindow('last7d', '2026-11-21T12:00:00Z', zone);

function day(date: string, total: number, extra = {}) {
  const start = `${date}T00:00:00Z`;
  const end = new Date(Date.parse(start) + 86_400_000).toISOString();
  return {
    start,
    end,
    allocations: [
      allocation('payments/deployment:payments-api', {
        window: { start, end },
        totalCost: total,
        ...extra,
      }),
      allocation('__idle__', {
        window: { start, end },
        totalCost: 5,
        properties: {},
      }),
    ],
  };
}

describe('summarizeCost', () => {
  const selector = { type: 'namespaces' as const, namespaces: ['payments'] };

  it('puts each step on its local day and keeps days without data unknown', () => {
    const s = summarizeCost(
      [day('2026-11-15', 1), day('2026-11-16', 2), day('2026-11-18', 4)],
      selector,
      window,
    );
    expect(s.daily.map(d => d.total)).toEqual([
      1,
      2,
      null,
      4,
      null,
      null,
      null,
    ]);
    expect(s.costs.total).toBe(7);
    expect(s.clusterIdleCost).toBe(15);
    expect(s.workloads).toHaveLength(1);
    expect(s.workloads[0].share).toBe(1);
    expect(s.coverage).toEqual({
      dataStart: '2026-11-15T00:00:00.000Z',
      complete: true,
    });
  });

  it('says when the window starts before OpenCost has data', () => {
    const s = summarizeCost(
      [{ allocations: [] }, day('2026-11-19', 3)],
      selector,
      window,
    );
    expect(s.coverage.complete).toBe(false);
    expect(s.coverage.dataStart).toBe('2026-11-19T00:00:00.000Z');
    expect(summarizeCost([], selector, window).coverage).toEqual({
      dataStart: null,
      complete: false,
    });
  });

  it('combines clusters: totals and days add, unknown stays unknown', () => {
    const a = summarizeCost([day('2026-11-15', 1)], selector, window);
    const b = summarizeCost(
      [day('2026-11-15', 2, { networkCost: null })],
      selector,
      window,
    );
    const both = combineSummaries([a, b], window)!;
    expect(both.costs.total).toBe(3);
    expect(both.costs.network).toBeNull();
    expect(both.daily[0].total).toBe(3);
    expect(both.workloads.map(w => w.share)).toEqual([2 / 3, 1 / 3]);
  });
});
