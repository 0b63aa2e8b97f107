import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { registerCatalogActions } from './catalogActions';
import {
  ClusterActionServices,
  registerClusterActions,
} from './clusterActions';

/**
 * Paved's reads as actions in Backstage's actions registry (for the MCP
 * actions backend and the Backstage CLI): all read-only, all as the calling
 * user with the same permission checks as the routes.
 */
export function registerPavedActions(
  registry: ActionsRegistryService,
  services: ClusterActionServices & { catalog: CatalogService },
): void {
  registerClusterActions(registry, services);
  registerCatalogActions(registry, services);
}
