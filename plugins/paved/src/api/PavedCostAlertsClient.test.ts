import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PavedApiError } from './PavedApiError';
import { PavedCostAlertsClient } from './PavedCostAlertsClient';

const BASE = 'http://backstage.test/api/paved';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = new PavedCostAlertsClient({
  discoveryApi: { getBaseUrl: async () => BASE },
  fetchApi: { fetch: (i: any, init?: any) => fetch(i, init) },
});
const shop = { kind: 'System', namespace: 'default', name: 'shop' };

describe('PavedCostAlertsClient', () => {
  it('posts the snooze end as JSON to the alert of the entity', async () => {
    let body: unknown;
    server.use(
      http.post(
        `${BASE}/cost/alerts/default/system/shop/budget%3A2026-12/snooze`,
        async ({ request }) => {
          body = await request.json();
          return HttpResponse.json({ id: 'budget:2026-12' });
        },
      ),
    );
    await client.snooze(shop, 'budget:2026-12', '2026-12-06T09:00:00.000Z');
    expect(body).toEqual({ until: '2026-12-06T09:00:00.000Z' });
  });

  it("says who may manage alerts on a refused dismissal, and passes the backend's words otherwise", async () => {
    server.use(
      http.post(`${BASE}/cost/alerts/default/system/shop/*`, () =>
        HttpResponse.json(
          { error: { message: 'Missing permission' } },
          { status: 403 },
        ),
      ),
      http.get(`${BASE}/cost/alerts/default/system/shop`, () =>
        HttpResponse.json(
          { error: { message: 'No entity system:default/shop' } },
          { status: 404 },
        ),
      ),
    );
    await expect(client.dismiss(shop, 'budget:2026-12')).rejects.toThrow(
      /Only the owners/,
    );
    const error = await client.getAlerts(shop).catch(e => e);
    expect(error).toBeInstanceOf(PavedApiError);
    expect(error).toMatchObject({
      statusCode: 404,
      message: 'No entity system:default/shop',
    });
  });
});
