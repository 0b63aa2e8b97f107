import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  assertCostAlertThresholds,
  assertZone,
  CostAlertThresholds,
} from '@paved/plugin-paved-common';

/** `paved.costAlerts`, read and checked. */
export interface CostAlertOptions {
  enabled: boolean;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** The IANA zone whose months and weeks the alerts use. */
  zone: string;
  thresholds: CostAlertThresholds;
}

export const DEFAULT_COST_ALERT_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
    // One run per schedule across replicas sharing the database.
    scope: 'global',
  };

export const DEFAULT_COST_ALERT_THRESHOLDS: CostAlertThresholds = {
  growthShare: 0.2,
  growthMinimumWeeklyCost: 10,
  idlePerDay: 5,
};

/** Reads the options; a bad value is an error naming the key, at startup. */
export function readCostAlertOptions(
  config: RootConfigService,
): CostAlertOptions {
  const c = config.getOptionalConfig('paved.costAlerts');
  const zone = c?.getOptionalString('zone') ?? 'UTC';
  try {
    assertZone(zone);
  } catch (e) {
    throw new Error(`paved.costAlerts.zone: ${(e as Error).message}`);
  }
  const thresholds: CostAlertThresholds = {
    growthShare:
      c?.getOptionalNumber('growthShare') ??
      DEFAULT_COST_ALERT_THRESHOLDS.growthShare,
    growthMinimumWeeklyCost:
      c?.getOptionalNumber('growthMinimumWeeklyCost') ??
      DEFAULT_COST_ALERT_THRESHOLDS.growthMinimumWeeklyCost,
    idlePerDay:
      c?.getOptionalNumber('idlePerDay') ??
      DEFAULT_COST_ALERT_THRESHOLDS.idlePerDay,
  };
  assertCostAlertThresholds(thresholds);
  const schedule = c?.has('schedule')
    ? {
        ...readSchedulerServiceTaskScheduleDefinitionFromConfig(
          c.getConfig('schedule'),
        ),
      }
    : { ...DEFAULT_COST_ALERT_SCHEDULE };
  if (schedule.scope === 'local') {
    throw new Error(
      "paved.costAlerts.schedule.scope must be 'global': with several replicas a local task would evaluate once per replica",
    );
  }
  schedule.scope = 'global';
  return {
    enabled: c?.getOptionalBoolean('enabled') ?? true,
    schedule,
    zone,
    thresholds,
  };
}
