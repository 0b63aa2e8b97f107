import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** Paved's collator of ADR and Roadmap entities. */
      paved?: {
        /**
         * When to re-index. Defaults to every 10 minutes, 3 seconds after
         * start, with a 15-minute timeout.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Entities read from the catalog per request. Defaults to 500. */
        batchSize?: number;
      };
    };
  };
}
