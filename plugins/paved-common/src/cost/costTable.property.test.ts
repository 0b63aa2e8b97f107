import fc from 'fast-check';
import { compareCosts } from './comparison';
import {
  COST_CSV_HEADER,
  costTable,
  costTableCsv,
  CostViewKind,
  SHOWN_COST_PARTS,
} from './costTable';
import { CostConversion, roundMoney } from './currency';
import { allocation } from './fixtures.testutil';
import { CostResponse } from './responses';
import { summarizeCost } from './summary';
import { resolveCostWindow } from './windows';

/** A strict RFC 4180 reader, for checking what the writer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      expect(ch).not.toMatch(/[\r\n"]/);
      field += ch;
      i++;
    }
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

const window = resolveCostWindow(
  'last7d',
  '2026-11-21T12:00:00Z',
  'Europe/Berlin',
);
const money = fc.oneof(
  fc.double({ min: 0, max: 20000, noNaN: true }),
  fc.double({ min: 0, max: 12, noNaN: true }),
  fc.constant(null),
);
/** Names with the characters CSV has to quote. */
const name = fc
  .tuple(
    fc.constantFrom('payments', 'we,ird', 'q"uote'),
    fc.constantFrom('a', 'b', 'line\nbreak', 'c'),
  )
  .map(([ns, n]) => `${ns}/deployment:${n}`);
const allocations = fc
  .uniqueArray(fc.tuple(name, money, money, fc.integer({ min: 0, max: 6 })), {
    maxLength: 10,
    selector: ([n, , , d]) => `${n}|${d}`,
  })
  .map(list =>
    list.map(([n, cpu, ram, day]) => {
      const start = `${window.days[day]}T00:00:00+01:00`;
      const end = new Date(Date.parse(start) + 86_400_000).toISOString();
      return allocation(n, {
        window: { start, end },
        start,
        end,
        cpuCost: cpu,
        ramCost: ram,
        totalCost: cpu === null || ram === null ? null : cpu + ram + 0.08,
      });
    }),
  );
const steps = (allocs: ReturnType<typeof allocation>[]) =>
  window.days.map(d => {
    const a = allocs.filter(x => x.start.startsWith(d));
    return a.length
      ? { start: a[0].start, end: a[0].end, allocations: a }
      : { allocations: [] };
  });

const conversion = fc.option(
  fc.record({
    from: fc.constant('USD'),
    to: fc.constantFrom('EUR', 'GBP', 'JPY'),
    rate: fc.double({ min: 0.01, max: 200, noNaN: true }),
    source: fc.constant('config' as const),
  }),
  { nil: undefined },
);

function response(
  now: ReturnType<typeof allocation>[],
  before: ReturnType<typeof allocation>[] | undefined,
  conv: CostConversion | undefined,
): CostResponse {
  const total = summarizeCost(steps(now), { type: 'cluster' }, window);
  const previous =
    before && summarizeCost(steps(before), { type: 'cluster' }, window);
  return {
    scope: { type: 'cluster', cluster: 'c' },
    window,
    currency: 'USD',
    clusters: [],
    total,
    complete: true,
    ...(previous
      ? {
          comparison: compareCosts(total, previous, {
            start: 'x',
            end: 'y',
            label: 'previous 7 days',
            complete: true,
          }),
        }
      : {}),
    ...(conv ? { conversion: conv } : {}),
  };
}

const col = (header: (typeof COST_CSV_HEADER)[number]) =>
  COST_CSV_HEADER.indexOf(header);
const num = (s: string) => (s === '' ? null : Number(s));

describe('the cost CSV is what the card shows', () => {
  it("the CSV's totals, kinds of cost, workloads and days equal the card's", () => {
    fc.assert(
      fc.property(
        allocations,
        fc.option(allocations, { nil: undefined }),
        conversion,
        fc.constantFrom<CostViewKind>('daily', 'cumulative'),
        fc.boolean(),
        (now, before, conv, view, detailed) => {
          const r = response(now, before, conv);
          const card = costTable(r, { view, detailed });
          const rows = parseCsv(costTableCsv(card));
          expect(rows[0]).toEqual([...COST_CSV_HEADER]);
          const body = rows.slice(1);
          expect(body).toHaveLength(card.rows.length);
          body.forEach((line, i) => {
            const shown = card.rows[i];
            expect(line).toHaveLength(COST_CSV_HEADER.length);
            expect(line[col('section')]).toBe(shown.section);
            expect(line[col('item')]).toBe(shown.item);
            expect(num(line[col('amount')])).toBe(shown.amount);
            expect(num(line[col('change_amount')])).toBe(shown.change ?? null);
            expect(line[col('currency')]).toBe(conv?.to ?? 'USD');
            expect(line[col('window_start')]).toBe(window.start);
            expect(line[col('time_zone')]).toBe('Europe/Berlin');
          });
          // The total row is the route's total, converted and rounded once.
          const totalLine = body.find(l => l[col('section')] === 'total')!;
          const expected = roundMoney(
            r.total!.costs.total === null
              ? null
              : r.total!.costs.total * (conv?.rate ?? 1),
          );
          expect(num(totalLine[col('amount')])).toBe(expected);
          expect(
            body
              .filter(l => l[col('section')] === 'category')
              .map(l => l[col('item')]),
          ).toHaveLength(SHOWN_COST_PARTS.length);
          // Cumulative: the last day is the running total of the days.
          const days = body.filter(l => l[col('section')] === 'day');
          expect(days.map(l => l[col('item')])).toEqual(window.days);
          // The last day: the running total in the cumulative view.
          const daily = r.total!.daily.map(d => d.total);
          const running = daily.some(d => d === null)
            ? null
            : daily.reduce((sum, d) => sum! + d!, 0);
          const lastDay =
            view === 'cumulative' ? running : daily[daily.length - 1];
          expect(num(days[days.length - 1][col('amount')])).toBe(
            roundMoney(lastDay === null ? null : lastDay * (conv?.rate ?? 1)),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rounds as the card does: cents below 10, whole units from 10', () => {
    expect(roundMoney(9.994)).toBe(9.99);
    expect(roundMoney(1.005)).toBe(1); // 1.00499999… as a double
    expect(roundMoney(10.5)).toBe(11);
    expect(roundMoney(-0.001)).toBe(0);
    expect(roundMoney(null)).toBeNull();
  });
});
