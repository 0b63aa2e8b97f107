import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/**
 * Knex's bookkeeping table for this module's migrations. The catalog's
 * database already has a `knex_migrations` of the catalog's own, which would
 * make knex report this module's files, or the catalog's, as missing.
 */
export const TENANT_MIGRATIONS_TABLE = 'paved_tenants__knex_migrations';

const MIGRATIONS = resolvePackagePath(
  '@paved/plugin-catalog-backend-module-paved',
  'migrations',
);

/** Brings the tenant table up to date (as `paved-backend`'s cost alerts do). */
export async function migrateTenantStore(db: Knex): Promise<void> {
  // Replicas starting together race for knex's migration lock, and to create
  // knex's own bookkeeping tables (the lock covers the migrations, not those).
  // The loser waits for the lock's holder to finish, then finds nothing to do.
  const deadline = Date.now() + 60_000;
  for (let attempt = 1; ; attempt++) {
    try {
      await db.migrate.latest({
        directory: MIGRATIONS,
        tableName: TENANT_MIGRATIONS_TABLE,
      });
      return;
    } catch (error) {
      const locked = (error as Error)?.name === 'MigrationLocked';
      if (locked ? Date.now() > deadline : attempt >= 3) throw error;
      await new Promise(r => setTimeout(r, Math.min(1000, 200 * attempt)));
    }
  }
}
