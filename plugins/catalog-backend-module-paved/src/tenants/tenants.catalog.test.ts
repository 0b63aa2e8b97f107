/*
 * Registering a tenant through the catalog module's route: the real catalog
 * with this module, a user allowed or not `catalog.entity.create`, and the
 * tenant entity served by the catalog afterwards.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogModulePaved } from '../module';

jest.setTimeout(60_000);

const ADMIN = 'user:default/admin';
const asked: string[] = [];

const tenant = (patch: Record<string, string> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'tenant-orders',
    title: 'Tenant orders',
    labels: { 'paved.dev/tenant': 'orders' },
    annotations: {
      'paved.dev/tenant': 'orders',
      'paved.dev/tier': '2',
      'paved.dev/namespaces': 'orders-dev,orders-prod',
      ...patch,
    },
  },
  spec: { type: 'kubernetes-tenant', owner: 'group:default/orders-team' },
});

let backend: Awaited<ReturnType<typeof startTestBackend>>;
let base: string;

beforeAll(async () => {
  backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModulePaved,
      mockServices.permissions.mock({
        async authorizeConditional(requests) {
          return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
        },
        async authorize(requests, options) {
          const user = (options?.credentials.principal as any)?.userEntityRef;
          // Only creating and deleting entities is restricted; reading stays open.
          return requests.map(r => {
            const name = (r as any).permission.name;
            if (
              name !== 'catalog.entity.create' &&
              name !== 'catalog.entity.delete'
            ) {
              return { result: AuthorizeResult.ALLOW };
            }
            asked.push(`${user} ${name}`);
            return {
              result:
                user === ADMIN ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
            };
          });
        },
      }).factory,
      mockServices.rootConfig.factory({
        data: { catalog: { rules: [{ allow: ['Resource', 'Location'] }] } },
      }),
    ],
  });
  base = `http://localhost:${backend.server.port()}/api/catalog`;
});

afterAll(() => backend?.stop());

const register = (
  entity: unknown,
  header = mockCredentials.user.header(ADMIN),
) =>
  fetch(`${base}/paved/tenants`, {
    method: 'POST',
    headers: { Authorization: header, 'Content-Type': 'application/json' },
    body: JSON.stringify({ entity }),
  });

/** Polls the catalog until the entity is served (`present`) or not (`absent`). */
async function pollEntity(
  ref: string,
  until: 'present' | 'absent',
): Promise<Entity | undefined | 'gone'> {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  for (let i = 0; i < 120; i++) {
    const res = await fetch(
      `${base}/entities/by-name/${kind}/${namespace}/${name}`,
      { headers: { Authorization: mockCredentials.service.header() } },
    );
    if (until === 'present' && res.status === 200) return res.json();
    if (until === 'absent' && res.status === 404) return 'gone';
    await new Promise(r => setTimeout(r, 250));
  }
  return undefined;
}

const waitForEntity = (ref: string) =>
  pollEntity(ref, 'present') as Promise<Entity | undefined>;

describe('POST /api/catalog/paved/tenants', () => {
  it('registers the tenant for a user allowed catalog.entity.create; the catalog serves it', async () => {
    asked.length = 0;
    const res = await register(tenant());
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      entityRef: 'resource:default/tenant-orders',
      result: 'created',
    });
    expect(asked).toEqual([`${ADMIN} catalog.entity.create`]);
    const entity = await waitForEntity('resource:default/tenant-orders');
    expect(entity).toMatchObject({
      metadata: {
        annotations: {
          'paved.dev/namespaces': 'orders-dev,orders-prod',
          'backstage.io/managed-by-location':
            'paved-tenant:resource:default/tenant-orders',
        },
      },
      spec: { type: 'kubernetes-tenant' },
    });
  });

  it('is idempotent: the same entity again is unchanged, a changed one updated', async () => {
    const again = await register(tenant());
    expect(again.status).toBe(200);
    expect((await again.json()).result).toBe('unchanged');
    const changed = await register(tenant({ 'paved.dev/tier': '3' }));
    expect((await changed.json()).result).toBe('updated');
    let tier: string | undefined;
    for (let i = 0; i < 120 && tier !== '3'; i++) {
      tier = (await waitForEntity('resource:default/tenant-orders'))?.metadata
        .annotations?.['paved.dev/tier'];
      if (tier !== '3') await new Promise(r => setTimeout(r, 250));
    }
    expect(tier).toBe('3');
  });

  it('refuses a user without catalog.entity.create with 403', async () => {
    const res = await register(
      { ...tenant(), metadata: { ...tenant().metadata, name: 'tenant-x' } },
      mockCredentials.user.header('user:default/guest'),
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/catalog\.entity\.create/);
    const stored = await fetch(
      `${base}/entities/by-name/resource/default/tenant-x`,
      { headers: { Authorization: mockCredentials.service.header() } },
    );
    expect(stored.status).toBe(404);
  });

  it('refuses a service calling without a user (403)', async () => {
    const res = await register(tenant(), mockCredentials.service.header());
    expect(res.status).toBe(403);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'a Component',
      { ...tenant(), kind: 'Component' },
      /kind: "Component" must be Resource/,
    ],
    [
      'a bad tier',
      tenant({ 'paved.dev/tier': 'six' }),
      /paved\.dev\/tier: "six"/,
    ],
    [
      'a bad annotation key',
      tenant({ 'not a key!': 'x' }),
      /Not a valid catalog entity: .*not a key!/,
    ],
    ['no entity', undefined, /entity: must be an object/],
  ])('refuses %s with 400 naming the field', async (_what, entity, message) => {
    const res = await register(entity);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
  });
});

describe('DELETE /api/catalog/paved/tenants/:namespace/:name', () => {
  const remove = (name: string, header = mockCredentials.user.header(ADMIN)) =>
    fetch(`${base}/paved/tenants/default/${name}`, {
      method: 'DELETE',
      headers: { Authorization: header },
    });

  it('refuses a user without catalog.entity.delete, and a service, leaving the tenant', async () => {
    expect((await register(tenant())).status).toBeLessThan(300);
    expect(await waitForEntity('resource:default/tenant-orders')).toBeDefined();
    const denied = await remove(
      'tenant-orders',
      mockCredentials.user.header('user:default/guest'),
    );
    expect(denied.status).toBe(403);
    expect(await denied.text()).toMatch(/catalog\.entity\.delete/);
    expect(
      (await remove('tenant-orders', mockCredentials.service.header())).status,
    ).toBe(403);
    expect(await waitForEntity('resource:default/tenant-orders')).toBeDefined();
  });

  it('removes a registered tenant; the catalog stops serving it', async () => {
    asked.length = 0;
    const res = await remove('tenant-orders');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      entityRef: 'resource:default/tenant-orders',
      result: 'deleted',
    });
    expect(asked).toEqual([`${ADMIN} catalog.entity.delete`]);
    expect(await pollEntity('resource:default/tenant-orders', 'absent')).toBe(
      'gone',
    );
  });

  it('answers 404 for a tenant that is not registered', async () => {
    const res = await remove('tenant-nobody');
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(
      /No registered tenant resource:default\/tenant-nobody/,
    );
  });
});
