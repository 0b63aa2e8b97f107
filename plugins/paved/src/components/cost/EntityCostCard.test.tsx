import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DateTime } from 'luxon';
import { PavedCostClient, pavedCostApiRef } from '../../api';
import { EntityCostCard } from './EntityCostCard';
import { EntityCostContent } from './EntityCostContent';
import {
  componentEntity,
  tenantEntity,
  tenantResponse,
  ZONE,
} from './fixtures.testutil';

const BASE = 'http://backstage.test/api/paved';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function render(ui: React.ReactElement, entity: Entity) {
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
      <EntityProvider entity={entity}>{ui}</EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityCostCard', () => {
  it('shows a tenant month: budget, projection, warning, breakdown and trend', async () => {
    const seen: URL[] = [];
    server.use(
      http.get(`${BASE}/cost/entity/default/system/shop`, ({ request }) => {
        seen.push(new URL(request.url));
        return HttpResponse.json(tenantResponse());
      }),
    );
    await render(<EntityCostCard zone={ZONE} />, tenantEntity);
    const budget = await screen.findByRole('region', {
      name: 'Monthly budget',
    });
    expect(seen[0].searchParams.get('window')).toBe('mtd');
    expect(seen[0].searchParams.get('tz')).toBe(ZONE);
    // 20 known days × 1.80 = 36.00; 21 Nov 11:00 in Berlin is 20 + 11/24 days in.
    expect(budget).toHaveTextContent('Monthly budget: €40');
    expect(budget).toHaveTextContent('Month to date: €36 (90% of budget)');
    const projection = (36 / (20 + 11 / 24)) * 30;
    expect(budget).toHaveTextContent(
      `Month-end projection: €${Math.round(projection)}`,
    );
    expect(within(budget).getByRole('alert')).toHaveTextContent(
      /Warning: the projection exceeds the budget by €1[0-9]/,
    );
    expect(screen.getByLabelText('Total cost')).toHaveTextContent('€36');
    const breakdown = screen.getByRole('table', { name: 'Cost breakdown' });
    expect(
      within(breakdown).getByRole('row', { name: 'CPU €20' }),
    ).toBeInTheDocument();
    expect(
      within(breakdown).getByRole('row', { name: 'Memory €10' }),
    ).toBeInTheDocument();
    expect(
      within(breakdown).getByRole('row', { name: 'GPU €0.00' }),
    ).toBeInTheDocument();
    // The unknown day is a gap, not a zero bar.
    // The chart is named, and its data is a table: 21 days, one unknown.
    expect(screen.getByRole('img', { name: 'Daily cost' })).toBeInTheDocument();
    const days = within(
      screen.getByRole('table', { name: 'Daily cost' }),
    ).getAllByRole('row');
    expect(days).toHaveLength(22);
    expect(days.filter(r => /unknown$/.test(r.textContent ?? ''))).toHaveLength(
      1,
    );
    expect(
      within(screen.getByRole('table', { name: 'Daily cost' })).getByRole(
        'row',
        { name: 'Nov 10 unknown' },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Efficiency \(usage over requests\)/).parentElement,
    ).toHaveTextContent('CPU 20% · memory 50% · total');
    expect(
      screen.getByRole('list', { name: 'Right-sizing' }),
    ).toHaveTextContent(
      /deployment payments\/payments-api: uses 150m of 750m CPU .* saves about €\d+ a month/,
    );
    // The cluster without OpenCost says how to install it.
    expect(
      screen.getByRole('alert', { name: 'Cost problem in prod-eu' }),
    ).toHaveTextContent(
      /OpenCost not found in cluster prod-eu.*helm install opencost/,
    );
    expect(
      screen.getByText(/Without prod-eu: the total is incomplete/),
    ).toBeInTheDocument();
  });

  it('asks again for another window, as explicit instants in the zone', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(
        `${BASE}/cost/entity/default/component/payments-api`,
        ({ request }) => {
          asked.push(new URL(request.url).searchParams);
          return HttpResponse.json({ ...tenantResponse(), budget: undefined });
        },
      ),
    );
    await render(<EntityCostCard zone={ZONE} />, componentEntity);
    await screen.findByLabelText('Total cost');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Window' }),
      'Last 7 days',
    );
    await waitFor(() =>
      expect(asked.map(q => q.get('window'))).toEqual(['mtd', 'last7d']),
    );
    const last = asked[1];
    expect(last.get('compare')).toBe('previous');
    expect(last.get('tz')).toBe(ZONE);
    // Local midnight six days ago, in Berlin, as an instant with its offset.
    const start = DateTime.fromISO(last.get('start')!, { setZone: true });
    expect(start.setZone(ZONE).toFormat('HH:mm')).toBe('00:00');
    expect(
      DateTime.now().setZone(ZONE).startOf('day').diff(start, 'days').days,
    ).toBeCloseTo(6, 0);
    expect(Date.parse(last.get('end')!)).toBeLessThanOrEqual(Date.now());
    expect(screen.queryByRole('region', { name: 'Monthly budget' })).toBeNull();
  });

  it('shows the backend error in the user terms', async () => {
    server.use(
      http.get(`${BASE}/cost/entity/default/component/payments-api`, () =>
        HttpResponse.json(
          { error: { message: 'Missing permission paved.cost.read' } },
          { status: 403 },
        ),
      ),
    );
    await render(<EntityCostCard zone={ZONE} />, componentEntity);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You are not allowed to read cost (permission paved.cost.read',
    );
  });

  it('says when OpenCost has no data for the start of the window', async () => {
    const r = tenantResponse();
    r.total!.coverage = { dataStart: '2026-11-05T06:00:00Z', complete: false };
    r.budget = {
      ...r.budget!,
      projection: null,
      projectedOverBudget: null,
      gap: 'data-starts-after-month-start',
    };
    server.use(
      http.get(`${BASE}/cost/entity/default/system/shop`, () =>
        HttpResponse.json(r),
      ),
    );
    await render(<EntityCostCard zone={ZONE} />, tenantEntity);
    expect(await screen.findByRole('note')).toHaveTextContent(
      'OpenCost has data from Nov 5, 2026, 07:00 only',
    );
    const budget = screen.getByRole('region', { name: 'Monthly budget' });
    expect(budget).toHaveTextContent('Month-end projection: none');
    expect(budget).toHaveTextContent(
      'OpenCost has no data for the start of the month',
    );
    expect(within(budget).queryByRole('alert')).toBeNull();
  });
});

describe('EntityCostContent', () => {
  it('lists every workload with its share', async () => {
    server.use(
      http.get(`${BASE}/cost/entity/default/system/shop`, () =>
        HttpResponse.json(tenantResponse()),
      ),
    );
    await render(<EntityCostContent zone={ZONE} />, tenantEntity);
    expect(
      await screen.findByRole('list', { name: 'Workloads' }),
    ).toHaveTextContent(
      'payments/deployment:payments-api (paved-local): €36 · 100% of the total',
    );
  });
});
