import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PavedApiError } from './PavedApiError';
import { PavedCostClient } from './PavedCostClient';

const BASE = 'http://backstage.test/api/paved';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = new PavedCostClient({
  discoveryApi: { getBaseUrl: async () => BASE },
  fetchApi: { fetch: (i: any, init?: any) => fetch(i, init) },
});
const ref = { kind: 'System', namespace: 'default', name: 'shop' };

describe('PavedCostClient', () => {
  it('asks for the window in the user zone', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE}/cost/entity/default/system/shop`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ clusters: [] });
      }),
    );
    await expect(
      client.getEntityCost(ref, 'last30d', 'Europe/Berlin'),
    ).resolves.toEqual({
      clusters: [],
    });
    expect(url!.searchParams.get('window')).toBe('last30d');
    expect(url!.searchParams.get('tz')).toBe('Europe/Berlin');
  });

  it('passes on the backend words for a bad request and explains a denial', async () => {
    server.use(
      http.get(`${BASE}/cost/cluster/c1`, () =>
        HttpResponse.json(
          { error: { message: "tz must be an IANA time zone, got 'x'" } },
          { status: 400 },
        ),
      ),
    );
    await expect(client.getClusterCost('c1', 'mtd', 'x')).rejects.toMatchObject(
      {
        statusCode: 400,
        message: "tz must be an IANA time zone, got 'x'",
      },
    );
    server.use(
      http.get(
        `${BASE}/cost/cluster/c1`,
        () => new HttpResponse(null, { status: 403 }),
      ),
    );
    const error = await client.getClusterCost('c1', 'mtd', 'UTC').catch(e => e);
    expect(error).toBeInstanceOf(PavedApiError);
    expect(error.message).toMatch(/paved\.cost\.read/);
  });
});
