import {
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { PavedClusterProvider } from './PavedClusterProvider';
import { readClusterProviderSettings } from './providerSettings';

export const CLUSTER_PROVIDER_TASK_ID = 'paved-cluster-provider:refresh';

/**
 * Adds the cluster provider and keeps it current: on every config reload
 * and, when `paved.clusters.catalogProvider.schedule` is set, on that
 * schedule. Always added, even when disabled, so that switching it off
 * removes the clusters it registered before.
 */
export async function registerClusterProvider(options: {
  catalog: CatalogProcessingExtensionPoint;
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
}): Promise<PavedClusterProvider> {
  const { catalog, config, scheduler } = options;
  const logger = options.logger.child({ provider: 'PavedClusterProvider' });
  const { schedule } = readClusterProviderSettings(config); // throws, named, on a bad schedule
  const provider = new PavedClusterProvider(config, logger);
  catalog.addEntityProvider(provider);
  const refresh = () =>
    provider
      .refresh()
      .catch(e => logger.error(`Refreshing clusters from config failed: ${e}`));
  config.subscribe?.(() => {
    refresh();
  });
  if (schedule) {
    await scheduler.scheduleTask({
      id: CLUSTER_PROVIDER_TASK_ID,
      ...schedule,
      fn: refresh,
    });
  }
  return provider;
}
