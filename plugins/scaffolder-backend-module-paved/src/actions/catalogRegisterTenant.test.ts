import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs/promises';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { stringify } from 'yaml';
import { makeContext } from '../__testUtils__/actionContext';
import { createCatalogRegisterTenantAction } from './catalogRegisterTenant';

const CATALOG = 'http://catalog.test/api/catalog';
const received: Array<{ auth: string | null; body: any }> = [];
let reply: () => Response = () =>
  HttpResponse.json(
    { entityRef: 'resource:default/tenant-orders', result: 'created' },
    { status: 201 },
  );

const server = setupServer(
  http.post(`${CATALOG}/paved/tenants`, async ({ request }) => {
    received.push({
      auth: request.headers.get('authorization'),
      body: await request.json(),
    });
    return reply();
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  received.length = 0;
});

const tenant = () => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'tenant-orders',
    annotations: {
      'paved.dev/tenant': 'orders',
      'paved.dev/tier': '2',
      'paved.dev/namespaces': 'orders-dev',
    },
  },
  spec: { type: 'kubernetes-tenant', owner: 'group:default/orders-team' },
});

const action = createCatalogRegisterTenantAction({
  discovery: mockServices.discovery.mock({ getBaseUrl: async () => CATALOG }),
  auth: mockServices.auth(),
});

async function run(
  content: string | undefined,
  opts: { isDryRun?: boolean; file?: string } = {},
) {
  const file = opts.file ?? 't/catalog-info.yaml';
  const c = await makeContext({ catalogInfoPath: file }, opts);
  c.ctx.getInitiatorCredentials = async () => ({
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: 'user:default/ana' },
  });
  if (content !== undefined) {
    await fs.mkdir(path.join(c.workspacePath, 't'), { recursive: true });
    await fs.writeFile(
      path.join(c.workspacePath, 't/catalog-info.yaml'),
      content,
    );
  }
  await action.handler(c.ctx);
  return c.outputs;
}

describe('paved:catalog:register-tenant', () => {
  it('posts the tenant to the catalog on behalf of the user who runs the template', async () => {
    const out = await run(stringify(tenant()));
    expect(out).toEqual({
      entityRef: 'resource:default/tenant-orders',
      result: 'created',
    });
    expect(received).toHaveLength(1);
    expect(received[0].body).toEqual({ entity: tenant() });
    // The mock auth service encodes the user the token stands for.
    expect(received[0].auth).toMatch(/user:default\/ana/);
  });

  it('sends nothing in a dry run', async () => {
    const out = await run(stringify(tenant()), { isDryRun: true });
    expect(out).toEqual({
      entityRef: 'resource:default/tenant-orders',
      result: 'dry-run',
    });
    expect(received).toEqual([]);
  });

  it.each<[string, string | undefined, string | undefined, RegExp]>([
    [
      'a missing file',
      undefined,
      undefined,
      /^catalogInfoPath: ".*" does not exist/,
    ],
    [
      'a path outside the workspace',
      undefined,
      '../x.yaml',
      /^catalogInfoPath: "\.\.\/x\.yaml" leaves the workspace/,
    ],
    [
      'two entities',
      `${stringify(tenant())}---\n${stringify(tenant())}`,
      undefined,
      /exactly one entity, found 2/,
    ],
    [
      'a Component',
      stringify({ ...tenant(), kind: 'Component' }),
      undefined,
      /not a tenant entity: kind: "Component"/,
    ],
    ['broken YAML', 'kind: [', undefined, /^catalogInfoPath: /],
  ])(
    'refuses %s naming the field, sending nothing',
    async (_what, content, file, message) => {
      await expect(run(content, { file })).rejects.toThrow(message);
      expect(received).toEqual([]);
    },
  );

  it.each([
    [
      403,
      {
        error: {
          name: 'NotAllowedError',
          message: 'Missing permission catalog.entity.create',
        },
      },
      /failed: 403 Missing permission catalog\.entity\.create/,
    ],
    [
      400,
      { error: { name: 'InputError', message: 'Not a tenant entity: x' } },
      /^catalogInfoPath: the catalog refused .*Not a tenant entity/,
    ],
    [
      404,
      { error: { name: 'NotFoundError', message: 'Not found' } },
      /add @paved\/plugin-catalog-backend-module-paved/,
    ],
  ])('reports a %i from the catalog clearly', async (status, body, message) => {
    reply = () => HttpResponse.json(body, { status });
    await expect(run(stringify(tenant()))).rejects.toThrow(message);
  });
});
