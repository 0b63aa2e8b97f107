import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { TenantStore } from './TenantStore';

export const TENANT_PROVIDER_NAME = 'PavedTenantProvider';

/** Where a registered tenant "comes from", as the catalog's location annotations. */
export function tenantLocationRef(entity: Entity): string {
  return `paved-tenant:${stringifyEntityRef(entity)}`;
}

/**
 * Serves the tenants registered by the "Onboard a tenant" template's apply
 * path. That path has no repository URL the catalog could read, so the
 * tenant's entity is kept in the catalog's database and emitted from here.
 * (The GitOps path needs none of this: its pull request carries the
 * catalog-info.yaml.)
 */
export class PavedTenantProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(private readonly store: TenantStore) {}

  getProviderName(): string {
    return TENANT_PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.publish();
  }

  /**
   * Replaces the provider's whole set with what the store holds: tenants are
   * few, and a full mutation also drops any entity no longer stored.
   */
  async publish(): Promise<void> {
    if (!this.connection) return; // connect() publishes once the catalog is up
    const entities = await this.store.list();
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => {
        const location = tenantLocationRef(entity);
        return {
          locationKey: location,
          entity: {
            ...entity,
            metadata: {
              ...entity.metadata,
              annotations: {
                ...entity.metadata.annotations,
                [ANNOTATION_LOCATION]: location,
                [ANNOTATION_ORIGIN_LOCATION]: location,
              },
            },
          },
        };
      }),
    });
  }
}
