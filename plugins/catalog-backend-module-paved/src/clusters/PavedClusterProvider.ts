import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { ANNOTATION_LOCATION } from '@backstage/catalog-model';
import { clusterEntitiesFromConfig } from './clusterEntities';
import { readClusterProviderSettings } from './providerSettings';

export const CLUSTER_PROVIDER_NAME = 'PavedClusterProvider';

/**
 * Registers a `kubernetes-cluster` Resource for every cluster the Kubernetes
 * backend's `config` locators name, so a cluster's page exists from its
 * first configuration. It reads config only: it never contacts a cluster.
 */
export class PavedClusterProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  /** Refreshes run one after the other, so an older config never lands last. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: RootConfigService,
    private readonly logger: LoggerService,
  ) {}

  getProviderName(): string {
    return CLUSTER_PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.refresh();
  }

  /**
   * Replaces the provider's whole set with what the config says now: a
   * cluster removed from config (or the provider switched off) leaves the
   * catalog with the next full mutation.
   */
  refresh(): Promise<void> {
    const run = this.queue.then(() => this.publish());
    // A failed refresh must not stop the next one.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async publish(): Promise<void> {
    if (!this.connection) return; // connect() publishes once the catalog is up
    const { enabled } = readClusterProviderSettings(this.config);
    const result = enabled
      ? clusterEntitiesFromConfig(this.config)
      : { entities: [], errors: [], skipped: [] };
    for (const error of result.errors) this.logger.error(error);
    await this.connection.applyMutation({
      type: 'full',
      entities: result.entities.map(entity => ({
        entity,
        locationKey: entity.metadata.annotations![ANNOTATION_LOCATION],
      })),
    });
    const skipped = result.skipped.length
      ? `; skipped (register: false): ${result.skipped.join(', ')}`
      : '';
    this.logger.info(
      enabled
        ? `Registered ${result.entities.length} cluster(s) from kubernetes config${skipped}`
        : 'Cluster catalog provider disabled (paved.clusters.catalogProvider.enabled: false); it registers no clusters',
    );
  }
}
