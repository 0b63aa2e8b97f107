import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

const CONFIG_KEY = 'search.collators.paved';

/** As often as the stock catalog collator, by default. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

export const DEFAULT_BATCH_SIZE = 500;

export function readCollatorConfig(config: Config): {
  schedule: SchedulerServiceTaskScheduleDefinition;
  batchSize: number;
} {
  const own = config.getOptionalConfig(CONFIG_KEY);
  let schedule = DEFAULT_SCHEDULE;
  const scheduleConfig = own?.getOptionalConfig('schedule');
  if (scheduleConfig) {
    try {
      schedule =
        readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
    } catch (error) {
      throw new InputError(`Invalid schedule at ${CONFIG_KEY}: ${error}`);
    }
  }
  const batchSize = own?.getOptionalNumber('batchSize') ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InputError(
      `${CONFIG_KEY}.batchSize must be a positive integer, got ${batchSize}`,
    );
  }
  return { schedule, batchSize };
}
