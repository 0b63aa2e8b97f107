import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { TENANT_MIGRATIONS_TABLE } from './migrateTenantStore';
import { TENANT_TABLE, TenantStore } from './TenantStore';

jest.setTimeout(60_000);

const tenant = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type: 'kubernetes-tenant', owner: 'group:default/orders-team' },
});

const databaseOf = (knex: Knex, skip = false) => ({
  getClient: async () => knex,
  migrations: { skip },
});

/** The table as the store created it on first use before migrations. */
async function createTableAsBeforeMigrations(knex: Knex) {
  await knex.schema.createTable(TENANT_TABLE, t => {
    t.string('entity_ref', 512).primary();
    t.text('entity').notNullable();
    t.string('registered_by', 512).notNullable();
    t.string('updated_at', 64).notNullable();
  });
  await knex(TENANT_TABLE).insert({
    entity_ref: 'resource:default/tenant-old',
    entity: JSON.stringify(tenant('tenant-old')),
    registered_by: 'user:default/ana',
    updated_at: '2026-01-02T03:04:05.000Z',
  });
}

describe('TenantStore migrations', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'upgrades a database whose table predates migrations, keeping its rows (%s)',
    async id => {
      const knex = await databases.init(id);
      await createTableAsBeforeMigrations(knex);

      const store = await TenantStore.create(databaseOf(knex));
      expect(await store.list()).toEqual([tenant('tenant-old')]);
      const [row] = await knex(TENANT_TABLE);
      expect(row).toMatchObject({
        registered_by: 'user:default/ana',
        updated_at: '2026-01-02T03:04:05.000Z',
      });
      // Recorded as done, in the module's own bookkeeping table (the
      // catalog's `knex_migrations` is not touched).
      const done = await knex(TENANT_MIGRATIONS_TABLE).select('name');
      expect(done.map(d => d.name)).toEqual([
        '20261205100000_tenant_entities.js',
      ]);
      expect(await knex.schema.hasTable('knex_migrations')).toBe(false);

      expect(await store.upsert(tenant('tenant-new'), 'user:default/ben')).toBe(
        'created',
      );
      // A restart (or another replica) finds nothing left to do.
      const again = await TenantStore.create(databaseOf(knex));
      expect((await again.list()).map(e => e.metadata.name)).toEqual([
        'tenant-new',
        'tenant-old',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'creates the table at startup; replicas starting together both succeed (%s)',
    async id => {
      const knex = await databases.init(id);
      const [a, b] = await Promise.all([
        TenantStore.create(databaseOf(knex)),
        TenantStore.create(databaseOf(knex)),
      ]);
      expect(await knex.schema.hasTable(TENANT_TABLE)).toBe(true);
      expect(await a.upsert(tenant('tenant-a'), 'user:default/ana')).toBe(
        'created',
      );
      expect(await b.list()).toEqual([tenant('tenant-a')]);
      expect(await knex(TENANT_MIGRATIONS_TABLE)).toHaveLength(1);
    },
  );
});
