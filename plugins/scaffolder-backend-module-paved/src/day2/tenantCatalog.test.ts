import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { httpTenantCatalog } from './tenantCatalog';

const CATALOG = 'http://catalog.test/api/catalog';
const seen: string[] = [];
let status = 200;

const server = setupServer(
  http.get(
    `${CATALOG}/entities/by-name/resource/default/:name`,
    ({ params, request }) => {
      seen.push(`GET ${params.name} ${!!request.headers.get('authorization')}`);
      return status === 200
        ? HttpResponse.json({ metadata: { name: params.name } })
        : HttpResponse.json({ error: { message: 'nope' } }, { status });
    },
  ),
  http.delete(`${CATALOG}/paved/tenants/default/:name`, ({ params }) => {
    seen.push(`DELETE ${params.name}`);
    return status === 200
      ? HttpResponse.json({ result: 'deleted' })
      : HttpResponse.json(
          { error: { message: 'Missing permission catalog.entity.delete' } },
          { status },
        );
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  seen.length = 0;
  status = 200;
});

const catalog = httpTenantCatalog({
  discovery: mockServices.discovery.mock({ getBaseUrl: async () => CATALOG }),
  auth: mockServices.auth(),
});
const user = mockCredentials.user();

describe('httpTenantCatalog', () => {
  it('reads the tenant entity on behalf of the user', async () => {
    expect(await catalog.getTenant('orders', user)).toEqual({
      metadata: { name: 'tenant-orders' },
    });
    expect(seen).toEqual(['GET tenant-orders true']);
  });

  it('a 404 on read: no such tenant', async () => {
    status = 404;
    await expect(catalog.getTenant('orders', user)).resolves.toBeUndefined();
  });

  it('any other failure on read fails with the catalog message', async () => {
    status = 403;
    await expect(catalog.getTenant('orders', user)).rejects.toThrow(
      /Reading resource:default\/tenant-orders failed: 403 nope/,
    );
  });

  it.each([
    [200, 'deleted'],
    [404, 'absent'],
  ])('a %i on unregister is %s', async (code, result) => {
    status = code;
    expect(await catalog.unregisterTenant('orders', user)).toBe(result);
    expect(seen).toEqual(['DELETE tenant-orders']);
  });

  it('a refused unregister fails naming the permission', async () => {
    status = 403;
    await expect(catalog.unregisterTenant('orders', user)).rejects.toThrow(
      /Unregistering resource:default\/tenant-orders failed: 403 Missing permission catalog\.entity\.delete/,
    );
  });
});
