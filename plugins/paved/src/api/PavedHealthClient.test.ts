import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PavedApiError } from './PavedApiError';
import { PavedHealthClient } from './PavedHealthClient';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

function client(respond: () => Promise<Response>) {
  const fetch = jest.fn((_url: string, _init?: RequestInit) => respond());
  const getBaseUrl = jest.fn(async () => 'http://backstage:7007/api/paved');
  return {
    api: new PavedHealthClient({
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch: fetch as any },
    }),
    fetch,
    getBaseUrl,
  };
}

describe('PavedHealthClient', () => {
  it('reads an entity through the fetch API, sending no headers of its own', async () => {
    const body = { entityRef: 'component:default/ledger-worker', clusters: [] };
    const { api, fetch, getBaseUrl } = client(async () => json(200, body));
    await expect(
      api.getEntityHealth({
        kind: 'Component',
        namespace: 'default',
        name: 'ledger-worker',
      }),
    ).resolves.toEqual(body);
    expect(getBaseUrl).toHaveBeenCalledWith('paved');
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/paved/health/entity/default/component/ledger-worker',
    );
  });

  it('reads a cluster by its name, encoded', async () => {
    const { api, fetch } = client(async () => json(200, { cluster: {} }));
    await api.getClusterHealth('prod eu/1');
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/paved/health/cluster/prod%20eu%2F1',
    );
  });

  it.each([
    [401, /sign in again/],
    [403, /not allowed.*paved\.health\.read/],
    [404, /Cluster 'paved-local' is not configured.*clusterLocatorMethods/],
    [500, /failed to read the health of cluster 'paved-local' \(HTTP 500\)/],
    [503, /is @paved\/plugin-paved-backend installed/],
  ])('turns HTTP %s into a typed error', async (status, message) => {
    const { api } = client(async () =>
      json(status, {
        error: { name: 'NotAllowedError', message: 'from the backend' },
        response: { statusCode: status },
      }),
    );
    const error = await api.getClusterHealth('paved-local').catch(e => e);
    expect(error).toBeInstanceOf(PavedApiError);
    expect(error).toMatchObject({
      name: 'PavedApiError',
      statusCode: status,
      backendMessage: 'from the backend',
    });
    expect(error.message).toMatch(message);
  });

  it('names the entity on 404 and copes with a body that is not JSON', async () => {
    const { api } = client(async () => new Response('nope', { status: 404 }));
    const error = await api
      .getEntityHealth({ kind: 'Component', namespace: 'default', name: 'x' })
      .catch(e => e);
    expect(error.message).toBe(
      'Component:default/x was not found in the catalog, or you cannot see it.',
    );
    expect(error.backendMessage).toBeUndefined();
  });

  it('reports an unreachable backend with status 0', async () => {
    const { api } = client(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await api.getClusterHealth('paved-local').catch(e => e);
    expect(error.statusCode).toBe(0);
    expect(error.message).toBe(
      'Could not reach the Paved backend: Failed to fetch',
    );
  });

  it('rejects a success that is not JSON', async () => {
    const { api } = client(async () => new Response('<html>', { status: 200 }));
    const error = await api.getClusterHealth('paved-local').catch(e => e);
    expect(error.message).toBe(
      'The Paved backend answered with something that is not JSON.',
    );
  });
});

describe('PavedHealthClient with cluster tokens from the browser', () => {
  const BASE = 'http://backstage.test/api';
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const seen: Record<string, string | null>[] = [];
  beforeEach(() => {
    seen.length = 0;
    server.use(
      http.get(`${BASE}/kubernetes/clusters`, () =>
        HttpResponse.json({
          items: [
            { name: 'paved-local', authProvider: 'serviceAccount' },
            {
              name: 'prod-oidc',
              authProvider: 'oidc',
              oidcTokenProvider: 'okta',
            },
          ],
        }),
      ),
      http.get(`${BASE}/paved/*`, ({ request }) => {
        seen.push({
          oidc: request.headers.get(
            'Backstage-Kubernetes-Authorization-oidc-okta',
          ),
          plain: request.headers.get('Backstage-Kubernetes-Authorization'),
        });
        return HttpResponse.json({ clusters: [] });
      }),
    );
  });

  const api = (withAuthProviders = true) =>
    new PavedHealthClient({
      discoveryApi: { getBaseUrl: async (id: string) => `${BASE}/${id}` },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
      ...(withAuthProviders
        ? {
            kubernetesAuthProvidersApi: {
              getCredentials: async (provider: string) =>
                provider === 'oidc.okta' ? { token: 'okta-id-token' } : {},
              decorateRequestBodyForAuth: async (_: string, b: any) => b,
            },
          }
        : {}),
    });
  const ledger = { kind: 'Component', namespace: 'default', name: 'ledger' };

  it('sends the oidc token when any cluster needs it (entity health and conformance)', async () => {
    await api().getEntityHealth(ledger);
    await api().getEntityConformance(ledger);
    expect(seen).toEqual([
      { oidc: 'okta-id-token', plain: null },
      { oidc: 'okta-id-token', plain: null },
    ]);
  });

  it('sends no cluster token for a serviceAccount cluster', async () => {
    await api().getClusterHealth('paved-local');
    await api().getClusterHealth('prod-oidc');
    expect(seen).toEqual([
      { oidc: null, plain: null },
      { oidc: 'okta-id-token', plain: null },
    ]);
  });

  it('sends none without the Kubernetes auth providers API', async () => {
    await api(false).getEntityHealth(ledger);
    expect(seen).toEqual([{ oidc: null, plain: null }]);
  });
});
