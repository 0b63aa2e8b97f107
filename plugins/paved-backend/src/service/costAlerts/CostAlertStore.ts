import { randomUUID } from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  CostAlertCondition,
  costAlertId,
  CostAlertKind,
  CostAlertRecord,
} from '@paved/plugin-paved-common';

/** The plugin database's knex client (the type without a knex dependency). */
export type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

export const COST_ALERTS_TABLE = 'paved_cost_alerts';

const MIGRATIONS = resolvePackagePath(
  '@paved/plugin-paved-backend',
  'migrations',
);

interface Row {
  key: string;
  entity_ref: string;
  kind: string;
  period: string;
  owner_ref: string;
  status: string;
  title: string;
  description: string;
  sent_at: string | null;
  sent_count: number;
  snoozed_until: string | null;
  snoozed_by: string | null;
  dismissed_at: string | null;
  dismissed_by: string | null;
  changed_at: string;
  claim: string | null;
  version: number;
}

/** A stored alert with the version a change must match. */
export type StoredCostAlert = CostAlertRecord & {
  version: number;
  claim: string | null;
};

const toRecord = (r: Row): StoredCostAlert => ({
  key: r.key,
  id: costAlertId(r.kind as CostAlertKind, r.period),
  entityRef: r.entity_ref,
  kind: r.kind as CostAlertKind,
  period: r.period,
  ownerRef: r.owner_ref,
  status: r.status === 'active' ? 'active' : 'cleared',
  title: r.title,
  description: r.description,
  sentAt: r.sent_at,
  sentCount: Number(r.sent_count),
  snoozedUntil: r.snoozed_until,
  snoozedBy: r.snoozed_by,
  dismissedAt: r.dismissed_at,
  dismissedBy: r.dismissed_by,
  changedAt: r.changed_at,
  claim: r.claim,
  version: Number(r.version),
});

/**
 * Alert state in the plugin's database. Every change is a compare-and-set
 * on the row's version, so when two replicas (or two evaluations) decide
 * the same thing at once, exactly one of them wins and sends.
 */
export class CostAlertStore {
  private constructor(private readonly db: Knex) {}

  /** Runs the plugin's migrations (unless the database says to skip them). */
  static async create(
    database: Pick<DatabaseService, 'getClient' | 'migrations'>,
  ): Promise<CostAlertStore> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      // Replicas starting together race for knex's migration lock, and to
      // create knex's own bookkeeping tables (the lock covers the migrations,
      // not those). The loser waits for the lock's holder to finish, then
      // finds nothing left to do.
      const deadline = Date.now() + 60_000;
      for (let attempt = 1; ; attempt++) {
        try {
          await db.migrate.latest({ directory: MIGRATIONS });
          break;
        } catch (error) {
          const locked = (error as Error)?.name === 'MigrationLocked';
          if (locked ? Date.now() > deadline : attempt >= 3) throw error;
          await new Promise(r => setTimeout(r, Math.min(1000, 200 * attempt)));
        }
      }
    }
    return new CostAlertStore(db);
  }

  async get(key: string): Promise<StoredCostAlert | undefined> {
    const row = await this.db<Row>(COST_ALERTS_TABLE).where({ key }).first();
    return row ? toRecord(row) : undefined;
  }

  /** The entity's alerts that hold now, newest period first. */
  async activeFor(entityRef: string): Promise<StoredCostAlert[]> {
    const rows = await this.db<Row>(COST_ALERTS_TABLE)
      .where({ entity_ref: entityRef, status: 'active' })
      .orderBy([
        { column: 'period', order: 'desc' },
        { column: 'kind', order: 'asc' },
      ]);
    return rows.map(toRecord);
  }

  /**
   * Marks the condition sent (a new occurrence: snooze and dismissal reset)
   * if the row is still at `expected` version (absent: not yet stored).
   * True when this call won and must send the notification.
   */
  async claimSend(
    condition: CostAlertCondition,
    ownerRef: string,
    expected: StoredCostAlert | undefined,
    now: Date,
  ): Promise<boolean> {
    const at = now.toISOString();
    const claim = randomUUID();
    const values = {
      claim,
      owner_ref: ownerRef,
      status: 'active',
      title: condition.title,
      description: condition.description,
      sent_at: at,
      snoozed_until: null,
      snoozed_by: null,
      dismissed_at: null,
      dismissed_by: null,
    };
    if (!expected) {
      // Whoever inserts first owns the send; the others insert nothing.
      const before = await this.get(condition.key);
      if (before) return false;
      try {
        await this.db<Row>(COST_ALERTS_TABLE)
          .insert({
            key: condition.key,
            entity_ref: condition.entityRef,
            kind: condition.kind,
            period: condition.period,
            ...values,
            sent_count: 1,
            changed_at: at,
            version: 1,
          })
          .onConflict('key')
          .ignore();
      } catch {
        return false;
      }
      // `ignore` hides a lost race on both databases: check it was ours.
      const after = await this.get(condition.key);
      return after?.claim === claim;
    }
    const updated = await this.db<Row>(COST_ALERTS_TABLE)
      .where({ key: condition.key, version: expected.version })
      .update({
        ...values,
        sent_count: expected.sentCount + 1,
        changed_at: expected.status === 'active' ? expected.changedAt : at,
        version: expected.version + 1,
      });
    return updated === 1;
  }

  /** A send that failed: the next evaluation tries again. */
  async unsend(key: string, sentAt: string): Promise<void> {
    await this.db<Row>(COST_ALERTS_TABLE)
      .where({ key, sent_at: sentAt })
      .update({
        sent_at: null,
        sent_count: this.db.raw('sent_count - 1') as any,
        version: this.db.raw('version + 1') as any,
      });
  }

  /** The condition stopped holding; true when this call changed it. */
  async clear(expected: StoredCostAlert, now: Date): Promise<boolean> {
    const updated = await this.db<Row>(COST_ALERTS_TABLE)
      .where({ key: expected.key, version: expected.version })
      .update({
        status: 'cleared',
        changed_at: now.toISOString(),
        version: expected.version + 1,
      });
    return updated === 1;
  }

  /** Active alerts of the entity and kind from periods that are over. */
  async pastPeriods(
    entityRef: string,
    kind: CostAlertKind,
    current: string,
  ): Promise<StoredCostAlert[]> {
    const rows = await this.db<Row>(COST_ALERTS_TABLE)
      .where({ entity_ref: entityRef, kind, status: 'active' })
      .whereNot({ period: current });
    return rows.map(toRecord);
  }

  /** Snoozes an active alert; false when there is none under the key. */
  async snooze(key: string, until: string, by: string): Promise<boolean> {
    const updated = await this.db<Row>(COST_ALERTS_TABLE)
      .where({ key, status: 'active' })
      .update({
        snoozed_until: until,
        snoozed_by: by,
        version: this.db.raw('version + 1') as any,
      });
    return updated === 1;
  }

  /** Dismisses an active alert; false when there is none under the key. */
  async dismiss(key: string, by: string, now: Date): Promise<boolean> {
    const updated = await this.db<Row>(COST_ALERTS_TABLE)
      .where({ key, status: 'active' })
      .update({
        dismissed_at: now.toISOString(),
        dismissed_by: by,
        snoozed_until: null,
        snoozed_by: null,
        version: this.db.raw('version + 1') as any,
      });
    return updated === 1;
  }
}
