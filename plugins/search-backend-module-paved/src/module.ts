import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { readCollatorConfig } from './config';
import { PavedCollatorFactory } from './PavedCollatorFactory';

/**
 * Adds Paved's ADRs and roadmaps (and each roadmap item) to Backstage search.
 *
 * @public
 */
export const searchModulePaved = createBackendModule({
  pluginId: 'search',
  moduleId: 'paved-collator',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
        catalog: catalogServiceRef,
      },
      async init({ auth, config, scheduler, indexRegistry, catalog }) {
        const { schedule, batchSize } = readCollatorConfig(config);
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new PavedCollatorFactory({ auth, catalog, batchSize }),
        });
      },
    });
  },
});
