import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { COST_CSV_HEADER, CostResponse } from '@paved/plugin-paved-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useLocation } from 'react-router-dom';
import { PavedCostClient, pavedCostApiRef } from '../../api';
import { EntityCostCard } from './EntityCostCard';
import { EntityCostContent } from './EntityCostContent';
import { componentEntity, comparedResponse, ZONE } from './fixtures.testutil';

// Queries by role over a whole card are slow on a busy machine.
jest.setTimeout(60_000);

const BASE = 'http://backstage.test/api/paved';
const ROUTE = `${BASE}/cost/entity/default/component/payments-api`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** The page's query string, as the address bar would show it. */
function Address() {
  return <output aria-label="Address">{useLocation().search}</output>;
}

function render(ui: React.ReactElement, entity: Entity, url = '/') {
  const discoveryApi = { getBaseUrl: async () => BASE };
  const fetchApi = { fetch: (i: any, init?: any) => fetch(i, init) };
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [pavedCostApiRef, new PavedCostClient({ discoveryApi, fetchApi })],
      ]}
    >
      <EntityProvider entity={entity}>
        {ui}
        <Address />
      </EntityProvider>
    </TestApiProvider>,
    { routeEntries: [url] },
  );
}

function answer(body: () => CostResponse, asked: URLSearchParams[] = []) {
  server.use(
    http.get(ROUTE, ({ request }) => {
      asked.push(new URL(request.url).searchParams);
      return HttpResponse.json(body());
    }),
  );
  return asked;
}

/** RFC 4180 rows (the writer's own quoting is tested in paved-common). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('cost comparisons', () => {
  it('names the change against the previous period, and new and gone workloads', async () => {
    answer(comparedResponse);
    await render(<EntityCostCard zone={ZONE} />, componentEntity);
    const comparison = await screen.findByRole('region', {
      name: 'Comparison',
    });
    // 7 × (1.80 + 1.00) = 19.60 against 7 × (1.50 + 0.50) = 14.00.
    expect(screen.getByLabelText('Total cost')).toHaveTextContent('$20');
    expect(comparison).toHaveTextContent('+40% (+$5.60) vs previous 7 days');
    const changes = within(comparison)
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(changes).toEqual([
      'new: payments/deployment:ledger-worker (paved-local): $7.00',
      'gone: payments/cronjob:old-cron (paved-local): $3.50 in the previous 7 days',
      'payments/deployment:payments-api (paved-local): +20% (+$2.10) vs previous 7 days',
    ]);
    // Each kind of cost has its change beside it.
    const breakdown = screen.getByRole('table', { name: 'Cost breakdown' });
    expect(
      within(breakdown).getByRole('row', { name: /^CPU \$9.80 / }),
    ).toHaveTextContent('+40% (+$2.80) vs previous 7 days');
  });

  it('shows a configured conversion as approximate, with its rate and source', async () => {
    answer(() => ({
      ...comparedResponse(),
      conversion: { from: 'USD', to: 'EUR', rate: 0.92, source: 'config' },
    }));
    await render(<EntityCostCard zone={ZONE} />, componentEntity);
    // 19.60 × 0.92 = 18.03
    expect(await screen.findByLabelText('Total cost')).toHaveTextContent(
      '≈ €18',
    );
    expect(screen.getByLabelText('Currency conversion')).toHaveTextContent(
      '≈ €18, converted at 0.92 USD→EUR, rate from config',
    );
    expect(
      screen.getByRole('region', { name: 'Comparison' }),
    ).toHaveTextContent('+40% (≈ +€5.15) vs previous 7 days');
  });
});

describe('cost window, view and the URL', () => {
  it('reads the window and view from the URL, and writes the user’s choice back', async () => {
    const asked = answer(comparedResponse);
    await render(
      <EntityCostCard zone={ZONE} />,
      componentEntity,
      '/?tab=overview&costWindow=last-7-days&costView=cumulative',
    );
    await screen.findByLabelText('Total cost');
    expect(asked[0].get('window')).toBe('last7d');
    expect(screen.getByRole('combobox', { name: 'Window' })).toHaveValue(
      'last7d',
    );
    expect(screen.getByRole('button', { name: 'Cumulative' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Cumulative: the chart's last day is the whole window's total.
    const chart = screen.getByRole('table', { name: 'Cumulative cost' });
    const rows = within(chart).getAllByRole('row');
    expect(rows[rows.length - 1]).toHaveTextContent('$20');

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Window' }),
      'Yesterday',
    );
    await waitFor(() =>
      expect(asked.map(q => q.get('window'))).toEqual(['last7d', 'yesterday']),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Daily' }));
    const address = new URLSearchParams(
      screen.getByLabelText('Address').textContent!,
    );
    expect(address.get('costWindow')).toBe('yesterday');
    expect(address.get('costView')).toBe('daily');
    // Everyone else's parameters stay.
    expect(address.get('tab')).toBe('overview');
    // Switching the view reads nothing new: the same answer, shown otherwise.
    expect(asked).toHaveLength(2);
    expect(
      screen.getByRole('table', { name: 'Daily cost' }),
    ).toBeInTheDocument();
  });

  it('applies a custom range of whole days in the zone, and refuses a backwards one', async () => {
    const asked = answer(comparedResponse);
    await render(<EntityCostCard zone={ZONE} />, componentEntity);
    await screen.findByLabelText('Total cost');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Window' }),
      'Custom range',
    );
    const first = screen.getByLabelText('First day');
    const last = screen.getByLabelText('Last day');
    await userEvent.clear(first);
    await userEvent.type(first, '2026-10-20');
    await userEvent.clear(last);
    await userEvent.type(last, '2026-10-10');
    expect(screen.getByText('The first day is after the last')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Apply range' })).toBeDisabled();
    await userEvent.clear(last);
    await userEvent.type(last, '2026-10-27');
    await userEvent.click(screen.getByRole('button', { name: 'Apply range' }));
    await waitFor(() => expect(asked).toHaveLength(2));
    // Berlin leaves summer time on 25 October: the range's end has the winter offset.
    expect(asked[1].get('window')).toBe('custom');
    expect(asked[1].get('start')).toBe('2026-10-20T00:00:00.000+02:00');
    expect(asked[1].get('end')).toBe('2026-10-28T00:00:00.000+01:00');
    const address = new URLSearchParams(
      screen.getByLabelText('Address').textContent!,
    );
    expect(address.get('costWindow')).toBe('custom');
    expect(address.get('costFrom')).toBe('2026-10-20');
    expect(address.get('costTo')).toBe('2026-10-27');
  });

  it('falls back to month to date for a window it does not know', async () => {
    const asked = answer(comparedResponse);
    await render(
      <EntityCostCard zone={ZONE} />,
      componentEntity,
      '/?costWindow=fortnight&costView=sideways',
    );
    await screen.findByLabelText('Total cost');
    expect(asked[0].get('window')).toBe('mtd');
    expect(screen.getByRole('button', { name: 'Daily' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});

describe('cost CSV download', () => {
  let saved: { blob: Blob; name: string }[];
  const created = URL.createObjectURL;
  const revoked = URL.revokeObjectURL;
  beforeEach(() => {
    saved = [];
    // The download's file name is the clicked link's `download`.
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function click(this: HTMLAnchorElement) {
        saved[saved.length - 1].name = this.download;
      });
    URL.createObjectURL = (blob: Blob) => {
      saved.push({ blob, name: '' });
      return 'blob:cost';
    };
    URL.revokeObjectURL = () => {};
  });
  afterEach(() => {
    jest.restoreAllMocks();
    URL.createObjectURL = created;
    URL.revokeObjectURL = revoked;
  });

  const text = (blob: Blob) =>
    typeof blob.text === 'function'
      ? blob.text()
      : new Promise<string>(resolve => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as string);
          reader.readAsText(blob);
        });

  it('saves what the card shows: the same rows, amounts and rounding', async () => {
    answer(comparedResponse);
    await render(
      <EntityCostContent zone={ZONE} />,
      componentEntity,
      '/?costWindow=last-7-days',
    );
    await screen.findByLabelText('Total cost');
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('cost-payments-api-last-7-days-daily.csv');
    const csv = (await text(saved[0].blob)).replace(/^\uFEFF/, '');
    const [header, ...rows] = csvRows(csv);
    expect(header).toEqual([...COST_CSV_HEADER]);
    const col = (n: (typeof COST_CSV_HEADER)[number]) =>
      COST_CSV_HEADER.indexOf(n);
    const total = rows.find(r => r[col('section')] === 'total')!;
    // The card's total, as shown ($20 of 19.60), is the file's total.
    const shownTotal = screen.getByLabelText('Total cost').textContent!;
    expect(`$${total[col('amount')]}`).toBe(shownTotal);
    expect(total[col('change_amount')]).toBe('5.6');
    expect(total[col('change_percent')]).toBe('40');
    expect(total[col('compared_with')]).toBe('previous 7 days');
    expect(total[col('currency')]).toBe('USD');
    expect(total[col('time_zone')]).toBe(ZONE);
    // Every breakdown row of the card is a category line of the file.
    const breakdown = within(
      screen.getByRole('table', { name: 'Cost breakdown' }),
    ).getAllByRole('row');
    const categories = rows.filter(r => r[col('section')] === 'category');
    expect(categories.map(r => r[col('item')])).toEqual(
      breakdown.map(r => r.querySelector('th')!.textContent),
    );
    categories.forEach((r, i) => {
      const shown = breakdown[i].querySelectorAll('td')[0].textContent!;
      expect(Number(shown.replace(/[$,]/g, ''))).toBe(Number(r[col('amount')]));
    });
    expect(
      rows
        .filter(r => r[col('section')] === 'workload')
        .map(r => r[col('presence')]),
    ).toEqual(['new', 'gone', 'both']);
    expect(rows.filter(r => r[col('section')] === 'day')).toHaveLength(7);
  });
});
