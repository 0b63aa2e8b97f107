import knexFactory, { Knex } from 'knex';
import { TENANT_MIGRATIONS_TABLE } from './migrateTenantStore';
import { TENANT_TABLE, TenantStore } from './TenantStore';

const databaseOf = (knex: Knex, skip: boolean) => ({
  getClient: async () => knex,
  migrations: { skip },
});

describe('TenantStore with migrations skipped', () => {
  it('runs no migrations when the database says to skip them', async () => {
    // A database of its own: TestDatabases may hand this file's earlier
    // SQLite database back, with the table already made.
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    try {
      const store = await TenantStore.create(databaseOf(knex, true));
      expect(await knex.schema.hasTable(TENANT_MIGRATIONS_TABLE)).toBe(false);
      // Nor later, on first use: whoever set `skip` runs them.
      await store.list().catch(() => []);
      expect(await knex.schema.hasTable(TENANT_MIGRATIONS_TABLE)).toBe(false);
      expect(await knex.schema.hasTable(TENANT_TABLE)).toBe(false);
    } finally {
      await knex.destroy();
    }
  });
});
