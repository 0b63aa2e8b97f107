import { PavedApiError } from './PavedApiError';
import { PavedTenantClient } from './PavedTenantClient';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

const TENANT = {
  kind: 'Resource',
  namespace: 'default',
  name: 'tenant-payments',
};

function client(respond: () => Promise<Response>) {
  // A fresh fetch API per test: answers are shared per fetch API.
  const fetch = jest.fn((_url: string, _init?: RequestInit) => respond());
  const getBaseUrl = jest.fn(async () => 'http://backstage:7007/api/paved');
  return {
    api: new PavedTenantClient({
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch: fetch as any },
    }),
    fetch,
    getBaseUrl,
  };
}

describe('PavedTenantClient', () => {
  it("reads a tenant's page through the fetch API, by its entity ref", async () => {
    const body = {
      entityRef: 'resource:default/tenant-payments',
      tenant: 'payments',
      namespaces: ['payments'],
      clusters: [],
    };
    const { api, fetch, getBaseUrl } = client(async () => json(200, body));
    await expect(api.getTenant(TENANT)).resolves.toEqual(body);
    expect(getBaseUrl).toHaveBeenCalledWith('paved');
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/paved/tenants/entity/default/resource/tenant-payments',
    );
  });

  it.each([
    [400, /^Tenant resource:default\/tenant-payments names no namespaces/],
    [401, /sign in again/],
    [403, /not allowed to read this tenant's page.*paved\.tenant\.read/],
    [404, /^Tenant resource:default\/tenant-payments names no namespaces/],
    [
      500,
      /failed to read the tenant Resource:default\/tenant-payments \(HTTP 500\)/,
    ],
    [503, /is @paved\/plugin-paved-backend installed/],
  ])('turns HTTP %s into a PavedApiError', async (status, message) => {
    const { api } = client(async () =>
      json(status, {
        error: {
          name: 'Error',
          message:
            "Tenant resource:default/tenant-payments names no namespaces: add the annotation 'paved.dev/namespaces'",
        },
      }),
    );
    const error = await api.getTenant(TENANT).catch(e => e);
    expect(error).toBeInstanceOf(PavedApiError);
    expect(error.statusCode).toBe(status);
    expect(error.message).toMatch(message);
  });

  it('names the tenant on a 404 without a message', async () => {
    const { api } = client(async () => new Response('nope', { status: 404 }));
    const error = await api.getTenant(TENANT).catch(e => e);
    expect(error.message).toBe(
      'Resource:default/tenant-payments was not found in the catalog, or you cannot see it.',
    );
  });
});
