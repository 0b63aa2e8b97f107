import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { TENANT_TABLE, TenantStore } from './TenantStore';

jest.setTimeout(60_000);

const tenant = (tier: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'tenant-orders',
    namespace: 'default',
    annotations: { 'paved.dev/tenant': 'orders', 'paved.dev/tier': tier },
  },
  spec: { type: 'kubernetes-tenant', owner: 'group:default/orders-team' },
});

describe('TenantStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'creates its table, then stores, keeps and replaces tenants (%s)',
    async id => {
      const knex = await databases.init(id);
      const store = new TenantStore(knex);
      expect(await store.list()).toEqual([]);
      expect(await knex.schema.hasTable(TENANT_TABLE)).toBe(true);

      expect(await store.upsert(tenant('2'), 'user:default/ana')).toBe(
        'created',
      );
      expect(await store.upsert(tenant('2'), 'user:default/ben')).toBe(
        'unchanged',
      );
      expect(await store.upsert(tenant('3'), 'user:default/ben')).toBe(
        'updated',
      );
      expect(await store.list()).toEqual([tenant('3')]);
      // A second store on the same database (another replica) sees the same.
      expect(await new TenantStore(knex).list()).toEqual([tenant('3')]);
      const [row] = await knex(TENANT_TABLE);
      expect(row).toMatchObject({
        entity_ref: 'resource:default/tenant-orders',
        registered_by: 'user:default/ben',
      });

      expect(await store.delete('resource:default/tenant-orders')).toBe(
        'deleted',
      );
      expect(await store.delete('resource:default/tenant-orders')).toBe(
        'absent',
      );
      expect(await store.list()).toEqual([]);
    },
  );
});
