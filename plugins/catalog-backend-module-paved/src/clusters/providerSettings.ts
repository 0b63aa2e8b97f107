import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CATALOG_PROVIDER_KEY } from './clusterEntities';

/** `paved.clusters.catalogProvider`, read; see config.d.ts. */
export interface ClusterProviderSettings {
  /** Default true. When false the provider still runs, emitting nothing, so entities it made before are removed. */
  enabled: boolean;
  /** Re-read the config on this schedule as well as on config reload. */
  schedule?: SchedulerServiceTaskScheduleDefinition;
}

export function readClusterProviderSettings(
  config: RootConfigService,
): ClusterProviderSettings {
  const key = `paved.clusters.${CATALOG_PROVIDER_KEY}`;
  const own = config.getOptionalConfig(key);
  const enabled = own?.getOptionalBoolean('enabled') ?? true;
  const scheduleConfig = own?.getOptionalConfig('schedule');
  let schedule: SchedulerServiceTaskScheduleDefinition | undefined;
  if (scheduleConfig) {
    try {
      schedule =
        readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
    } catch (e) {
      throw new Error(`${key}.schedule is not a valid schedule: ${e}`);
    }
  }
  return { enabled, ...(schedule ? { schedule } : {}) };
}
