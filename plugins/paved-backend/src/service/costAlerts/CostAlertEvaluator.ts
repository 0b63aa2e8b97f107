import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  CostAlertCondition,
  costAlertConditions,
  CostAlertKind,
  CostResponse,
  nextCostAlertAction,
} from '@paved/plugin-paved-common';
import { CostAlertStore } from './CostAlertStore';
import { CostAlertOptions } from './costAlertOptions';

/** Reads one entity's cost without a user (see serviceCostReader.ts). */
export interface CostReader {
  /** The tenants to evaluate: entities annotated `paved.dev/tenant`. */
  tenants(): Promise<Entity[]>;
  /** The entity's `last30d` cost in `zone`, at the reader's own now. */
  entityCost(entity: Entity, zone: string): Promise<CostResponse>;
}

/** What one evaluation did, for the log and the tests. */
export interface CostAlertRun {
  entities: number;
  sent: string[];
  cleared: string[];
  /** Entities whose cost or owner could not be read, with why. */
  failed: { entityRef: string; error: string }[];
}

const SEVERITY: Record<CostAlertKind, 'high' | 'normal' | 'low'> = {
  budget: 'high',
  growth: 'normal',
  idle: 'low',
};

/** The topic the notifications page groups cost alerts under. */
export const COST_ALERT_TOPIC = 'Cost alerts';

/** The group (or user) a tenant's alerts go to: its `spec.owner`. */
export function ownerRefOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** The entity page's cost tab, where the card lists the alerts. */
export function costCardLink(entityRef: string): string {
  const ref = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
    ref.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(ref.name)}/cost`;
}

/**
 * One evaluation of every tenant's cost alerts: read the cost, compute the
 * conditions, and per condition send, clear or keep (nextCostAlertAction).
 * A send is claimed in the database first, so it happens once however many
 * evaluations run at the same time.
 */
export class CostAlertEvaluator {
  constructor(
    private readonly deps: {
      reader: CostReader;
      store: CostAlertStore;
      notifications: NotificationService;
      logger: LoggerService;
      options: CostAlertOptions;
      /** The clock; tests pass a fake one. */
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async run(): Promise<CostAlertRun> {
    const { reader, options, logger } = this.deps;
    const run: CostAlertRun = {
      entities: 0,
      sent: [],
      cleared: [],
      failed: [],
    };
    const tenants = await reader.tenants();
    for (const entity of tenants) {
      const entityRef = stringifyEntityRef(entity);
      run.entities += 1;
      const ownerRef = ownerRefOf(entity);
      if (!ownerRef) {
        run.failed.push({ entityRef, error: 'no spec.owner to notify' });
        continue;
      }
      let cost: CostResponse;
      try {
        cost = await reader.entityCost(entity, options.zone);
      } catch (error) {
        run.failed.push({ entityRef, error: String(error) });
        continue;
      }
      const now = this.now();
      const conditions = costAlertConditions({
        entityRef,
        cost,
        thresholds: options.thresholds,
        now,
      });
      for (const condition of conditions) {
        await this.apply(entity, condition, ownerRef, now, run);
      }
    }
    logger.info(
      `Cost alerts: ${run.entities} tenants, ${run.sent.length} sent, ${run.cleared.length} cleared, ${run.failed.length} not readable`,
    );
    for (const f of run.failed) {
      logger.warn(`Cost alerts for ${f.entityRef}: ${f.error}`);
    }
    return run;
  }

  private async apply(
    entity: Entity,
    condition: CostAlertCondition,
    ownerRef: string,
    now: Date,
    run: CostAlertRun,
  ) {
    const { store } = this.deps;
    // A condition whose period ended (last month's budget) is over.
    if (condition.active !== null) {
      for (const past of await store.pastPeriods(
        condition.entityRef,
        condition.kind,
        condition.period,
      )) {
        if (await store.clear(past, now)) run.cleared.push(past.key);
      }
    }
    const record = await store.get(condition.key);
    const action = nextCostAlertAction(record, condition.active, now);
    if (action === 'clear' && record) {
      if (await store.clear(record, now)) run.cleared.push(condition.key);
      return;
    }
    if (action !== 'send') return;
    if (!(await store.claimSend(condition, ownerRef, record, now))) return;
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: ownerRef },
        payload: {
          title: `${entity.metadata.title ?? entity.metadata.name}: ${
            condition.title
          }`,
          description: condition.description,
          link: costCardLink(condition.entityRef),
          severity: SEVERITY[condition.kind],
          topic: COST_ALERT_TOPIC,
          // Same scope: a resend updates the notification instead of adding one.
          scope: `paved-cost-alert:${condition.key}`,
        },
      });
      run.sent.push(condition.key);
    } catch (error) {
      await store.unsend(condition.key, now.toISOString());
      run.failed.push({
        entityRef: condition.entityRef,
        error: `notification for ${condition.kind} not sent: ${String(error)}`,
      });
    }
  }
}
