import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import { calendarWindow, type CostResponse } from '@paved/plugin-paved-common';
import request from 'supertest';
import { startPavedTestBackend } from '../../__testUtils__/testBackend';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

// The first proxy call loads @kubernetes/client-node through Jest's transform.
jest.setTimeout(60_000);

const ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': 'payments-api' },
    },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  },
];

const asUser = { Authorization: mockCredentials.user.header() };
const ZONE = 'Europe/Berlin';

/**
 * The cost routes' explicit ranges (`start`/`end`), `compare=previous` and a
 * configured display currency, through the real Kubernetes backend and the
 * double's OpenCost.
 */
describe('cost windows, comparisons and currency on the cost routes', () => {
  let double: Double;
  let server: any;

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
    ({ server } = await startPavedTestBackend(
      ENTITIES,
      [{ name: 'primary', url: double.url }],
      {
        cost: {
          clusterTimeout: 5000,
          maxWindowDays: 31,
          displayCurrency: 'EUR',
          rates: { EUR: 0.92 },
        },
      },
    ));
    for (let i = 0; i < 5; i++) {
      const warm = await request(server)
        .get('/api/paved/cost/cluster/primary')
        .set(asUser);
      if (warm.body?.clusters?.[0]?.ok) break;
    }
  });
  afterAll(async () => {
    await double.close();
  });

  const get = (path: string) => request(server).get(path).set(asUser);
  const range = (start: string, end: string, extra = '') =>
    `start=${encodeURIComponent(start)}&end=${encodeURIComponent(
      end,
    )}&tz=${ZONE}${extra}`;

  it('costs an explicit range and the previous period of equal length', async () => {
    // Local midnights in Berlin: today's, and those 3 and 6 days before.
    const end = calendarWindow('day', new Date(), ZONE).start;
    const midnight = (daysBack: number) =>
      calendarWindow(
        'day',
        new Date(Date.parse(end) - (daysBack - 0.5) * 86_400_000),
        ZONE,
      ).start;
    const start = midnight(3);
    double.clearRequests();
    const res = await get(
      `/api/paved/cost/entity/default/component/payments-api?window=custom&${range(
        start,
        end,
        '&compare=previous',
      )}`,
    );
    expect(res.status).toBe(200);
    const body = res.body as CostResponse;
    expect(body.window).toMatchObject({ kind: 'custom', zone: ZONE });
    expect(Date.parse(body.window.start)).toBe(Date.parse(start));
    expect(Date.parse(body.window.end)).toBe(Date.parse(end));
    expect(body.window.days).toHaveLength(3);
    expect(body.total!.daily).toHaveLength(3);
    const c = body.comparison!;
    expect(c.previous.label).toBe('previous 3 days');
    expect(Date.parse(c.previous.end)).toBe(Date.parse(start));
    expect(Date.parse(c.previous.start)).toBe(Date.parse(midnight(6)));
    expect(c.total.current).toBe(body.total!.costs.total);
    expect(c.total.delta).toBeCloseTo(c.total.current! - c.total.previous!, 9);
    expect(c.workloads.length).toBeGreaterThan(0);
    expect(c.workloads.map(w => w.key)).toContain(
      'payments/deployment:payments-api',
    );
    // OpenCost was asked for the previous period in one accumulated step.
    const asked = double.requests
      .filter(r => r.path.endsWith('/allocation'))
      .map(r => r.query);
    const utc = (iso: string) =>
      new Date(iso).toISOString().replace('.000Z', 'Z');
    expect(asked).toContainEqual(
      expect.objectContaining({
        window: `${utc(c.previous.start)},${utc(c.previous.end)}`,
        accumulate: 'true',
      }),
    );
    // Amounts stay in OpenCost's currency; the rate comes along, labelled.
    expect(body.currency).toBe('USD');
    expect(body.conversion).toEqual({
      from: 'USD',
      to: 'EUR',
      rate: 0.92,
      source: 'config',
    });
  });

  it('leaves the comparison out unless asked for it', async () => {
    const res = await get('/api/paved/cost/cluster/primary?window=yesterday');
    expect(res.status).toBe(200);
    expect(res.body.comparison).toBeUndefined();
    expect(res.body.window.kind).toBe('yesterday');
    expect(res.body.window.days).toHaveLength(1);
  });

  it.each([
    [
      'a start that is not an instant',
      range('yesterday', '2026-11-02T00:00:00Z'),
      /^start must be an ISO 8601 instant with an offset.*got 'yesterday'/,
    ],
    [
      'an instant without an offset',
      range('2026-11-01T00:00:00', '2026-11-02T00:00:00Z'),
      /^start must be an ISO 8601 instant with an offset/,
    ],
    [
      'a bad end',
      range('2026-11-01T00:00:00Z', '2026-13-45T00:00:00Z'),
      /^end must be an ISO 8601 instant/,
    ],
    [
      'an end before the start',
      range('2026-11-05T00:00:00Z', '2026-11-01T00:00:00Z'),
      /^end \(2026-11-01T00:00:00Z\) must be after start \(2026-11-05T00:00:00Z\)/,
    ],
    [
      'an end equal to the start',
      range('2026-11-05T00:00:00Z', '2026-11-05T00:00:00Z'),
      /^end .* must be after start/,
    ],
    [
      'a range over the configured maximum',
      range('2026-09-01T00:00:00Z', '2026-11-01T00:00:00Z'),
      'start to end spans 61 days, more than the 31 allowed (paved.cost.maxWindowDays)',
    ],
    [
      'a start without an end',
      `start=2026-11-01T00:00:00Z&tz=${ZONE}`,
      'end is missing: give start and end together',
    ],
    [
      'an end without a start',
      `end=2026-11-01T00:00:00Z`,
      'start is missing: give start and end together',
    ],
    [
      'a start twice',
      `start=2026-11-01T00:00:00Z&start=2026-11-02T00:00:00Z&end=2026-11-03T00:00:00Z`,
      'start: give one value, got 2',
    ],
    [
      'a future range',
      range('2099-01-01T00:00:00Z', '2099-01-02T00:00:00Z'),
      /^start .* must be before now/,
    ],
    [
      'an unknown window name for a range',
      `window=fortnight&${range(
        '2026-11-01T00:00:00Z',
        '2026-11-02T00:00:00Z',
      )}`,
      /^window must be one of .*got 'fortnight'/,
    ],
    [
      'an unknown comparison',
      'window=last7d&compare=lastYear',
      "compare must be previous or none, got 'lastYear'",
    ],
    [
      'custom without a range',
      'window=custom',
      /^window must be one of .*\(or start and end for a custom range\), got 'custom'/,
    ],
  ])(
    'refuses %s with a 400 naming the parameter',
    async (_what, query, message) => {
      double.clearRequests();
      const res = await get(`/api/paved/cost/cluster/primary?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
      // Refused before any cluster was asked.
      expect(
        double.requests.filter(r => r.path.includes('/allocation')),
      ).toEqual([]);
    },
  );
});
