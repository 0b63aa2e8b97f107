import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PavedCrossplaneClient } from './PavedCrossplaneClient';
import { PavedApiError } from './PavedApiError';

const BASE = 'http://backstage.test/api/paved';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// A new client (and fetch API) per test: identical requests of one fetch API
// share an answer for a few seconds (see pavedBackendFetch).
const newApi = () =>
  new PavedCrossplaneClient({
    discoveryApi: { getBaseUrl: async () => BASE },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
let api: PavedCrossplaneClient;
beforeEach(() => {
  api = newApi();
});
const ref = { kind: 'Component', namespace: 'default', name: 'ledger-worker' };

describe('PavedCrossplaneClient', () => {
  it('reads the entity route', async () => {
    const body = { entityRef: 'component:default/ledger-worker', clusters: [] };
    let seen = '';
    server.use(
      http.get(`${BASE}/crossplane/entity/:ns/:kind/:name`, ({ request }) => {
        seen = new URL(request.url).pathname;
        return HttpResponse.json(body);
      }),
    );
    await expect(api.getEntityClaims(ref)).resolves.toEqual(body);
    expect(seen).toBe(
      '/api/paved/crossplane/entity/default/component/ledger-worker',
    );
  });

  it.each([
    [403, /paved\.crossplane\.read/],
    [404, /not found in the catalog/],
    [503, /is @paved\/plugin-paved-backend installed/],
    [500, /failed to read the claims .* \(HTTP 500\)/],
  ])(
    'turns HTTP %s into a message people can act on',
    async (status, message) => {
      server.use(
        http.get(`${BASE}/crossplane/entity/:ns/:kind/:name`, () =>
          HttpResponse.json(
            { error: { message: 'from the backend' } },
            { status },
          ),
        ),
      );
      const error = await api.getEntityClaims(ref).catch(e => e);
      expect(error).toBeInstanceOf(PavedApiError);
      expect(error.statusCode).toBe(status);
      expect(error.backendMessage).toBe('from the backend');
      expect(error.message).toMatch(message);
    },
  );

  it('reports an unreachable backend with status 0', async () => {
    server.use(
      http.get(`${BASE}/crossplane/entity/:ns/:kind/:name`, () =>
        HttpResponse.error(),
      ),
    );
    const error = await api.getEntityClaims(ref).catch(e => e);
    expect(error.statusCode).toBe(0);
    expect(error.message).toMatch(/Could not reach the Paved backend/);
  });

  it('reads what a cluster offers, and says what a refusal means', async () => {
    const body = { cluster: 'paved-local', crossplane: true, offers: [] };
    let seen = '';
    server.use(
      http.get(`${BASE}/crossplane/xrds/:cluster`, ({ request }) => {
        seen = new URL(request.url).pathname;
        // The backend's answer: the cluster's result in `clusters`.
        return HttpResponse.json({
          cluster: 'paved-local',
          clusters: [
            {
              cluster: 'paved-local',
              ok: true,
              data: { crossplane: true, offers: [] },
            },
          ],
        });
      }),
    );
    await expect(api.getXrdOffers('paved-local')).resolves.toEqual(body);
    expect(seen).toBe('/api/paved/crossplane/xrds/paved-local');

    // A backend from before the per-cluster answer still works.
    server.use(
      http.get(`${BASE}/crossplane/xrds/:cluster`, () =>
        HttpResponse.json(body),
      ),
    );
    await expect(newApi().getXrdOffers('paved-local')).resolves.toEqual(body);

    for (const [status, backend, message] of [
      [
        403,
        undefined,
        /paved\.crossplane\.read, or the cluster's own access rules/,
      ],
      // Who refused (the cluster's RBAC, here) comes from the backend.
      [
        403,
        "The cluster 'prod' refused (HTTP 403: pods is forbidden)",
        /Not allowed to read what cluster prod offers: The cluster 'prod' refused/,
      ],
      [503, "Cluster 'prod' did not answer within 10000 ms", /did not answer/],
      [404, undefined, /Cluster prod is not configured/],
    ] as const) {
      server.use(
        http.get(`${BASE}/crossplane/xrds/:cluster`, () =>
          backend
            ? HttpResponse.json({ error: { message: backend } }, { status })
            : new HttpResponse(null, { status }),
        ),
      );
      const error = await api.getXrdOffers('prod').catch(e => e);
      expect(error).toBeInstanceOf(PavedApiError);
      expect(error.message).toMatch(message);
    }
  });

  it('shows the cluster error of a 200 answer, naming the cluster', async () => {
    for (const [clusterError, message] of [
      [
        {
          name: 'ClusterRequestError',
          message: "The cluster 'prod' refused (HTTP 403: pods is forbidden)",
          statusCode: 403,
        },
        /^Not allowed to read what cluster prod offers: The cluster 'prod' refused/,
      ],
      [
        {
          name: 'ClusterTimeoutError',
          message: "Cluster 'prod' did not answer within 10000 ms",
        },
        /^Could not read what cluster prod offers: Cluster 'prod' did not answer/,
      ],
      [
        {
          name: 'ClusterRequestError',
          message: 'etcdserver: request timed out',
          statusCode: 500,
        },
        /^Could not read what cluster prod offers: etcdserver/,
      ],
    ] as const) {
      server.use(
        http.get(`${BASE}/crossplane/xrds/:cluster`, () =>
          HttpResponse.json({
            cluster: 'prod',
            clusters: [{ cluster: 'prod', ok: false, error: clusterError }],
          }),
        ),
      );
      const error = await newApi()
        .getXrdOffers('prod')
        .catch(e => e);
      expect(error).toBeInstanceOf(PavedApiError);
      expect(error.message).toMatch(message);
      expect(error.statusCode).toBe(
        'statusCode' in clusterError ? clusterError.statusCode : 503,
      );
      expect(error.backendMessage).toBe(clusterError.message);
    }
  });
});
