import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migrateTenantStore } from './migrateTenantStore';

/** The table, in the catalog's own database, that holds registered tenants. */
export const TENANT_TABLE = 'paved_tenant_entities';

type Row = {
  entity_ref: string;
  entity: string;
  registered_by: string;
  updated_at: string;
};

/**
 * Tenant entities registered through `paved:catalog:register-tenant`. They
 * live in the catalog's database (beside its own tables) so that they survive
 * restarts and every catalog replica serves the same set.
 */
export class TenantStore {
  private ready?: Promise<void>;

  /**
   * Runs this module's migrations once, now, unless the database says to
   * skip them (`backend.database.migrations.skip`); the store then never
   * migrates on its own.
   */
  static async create(
    database: Pick<DatabaseService, 'getClient' | 'migrations'>,
  ): Promise<TenantStore> {
    const db = await database.getClient();
    if (!database.migrations?.skip) await migrateTenantStore(db);
    return new TenantStore(db, { migrate: false });
  }

  /**
   * A store on `db`. By default it runs the migrations on first use, so a
   * store made directly (tests, tools) works on an empty database.
   */
  constructor(private readonly db: Knex, options: { migrate?: boolean } = {}) {
    if (options.migrate === false) this.ready = Promise.resolve();
  }

  private migrated(): Promise<void> {
    this.ready ??= migrateTenantStore(this.db).catch(e => {
      this.ready = undefined;
      throw e;
    });
    return this.ready;
  }

  async list(): Promise<Entity[]> {
    await this.migrated();
    const rows: Row[] = await this.db<Row>(TENANT_TABLE).orderBy('entity_ref');
    return rows.map(r => JSON.parse(r.entity));
  }

  /**
   * Inserts or replaces the entity; `unchanged` when the same entity is
   * already stored, so a re-run of a template changes nothing.
   */
  async upsert(
    entity: Entity,
    registeredBy: string,
    now: Date = new Date(),
  ): Promise<'created' | 'updated' | 'unchanged'> {
    await this.migrated();
    const ref = stringifyEntityRef(entity);
    const json = JSON.stringify(entity);
    return this.db.transaction(async tx => {
      const existing = await tx<Row>(TENANT_TABLE)
        .where({ entity_ref: ref })
        .first();
      if (existing?.entity === json) return 'unchanged';
      const row = {
        entity_ref: ref,
        entity: json,
        registered_by: registeredBy,
        updated_at: now.toISOString(),
      };
      if (existing) {
        await tx<Row>(TENANT_TABLE).where({ entity_ref: ref }).update(row);
        return 'updated';
      }
      await tx<Row>(TENANT_TABLE).insert(row);
      return 'created';
    });
  }

  /** Removes a tenant; `absent` when none is stored under that ref. */
  async delete(entityRef: string): Promise<'deleted' | 'absent'> {
    await this.migrated();
    const removed = await this.db<Row>(TENANT_TABLE)
      .where({ entity_ref: entityRef })
      .delete();
    return removed > 0 ? 'deleted' : 'absent';
  }
}
