import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { roadmapVocabularyFromConfig } from './processor/roadmapVocabularyConfig';
import { PavedEntitiesProcessor } from './processor/PavedEntitiesProcessor';
import { PavedTenantProvider } from './tenants/PavedTenantProvider';
import { TenantStore } from './tenants/TenantStore';
import { createTenantRouter } from './tenants/tenantRouter';
import { registerClusterProvider } from './clusters/registerClusterProvider';

/**
 * Adds Paved's ADR and Roadmap kinds to the catalog: validation, relations,
 * and import from Markdown; and the tenants the "Onboard a tenant" template
 * registers on its apply path (POST /api/catalog/paved/tenants); and a
 * `kubernetes-cluster` Resource per cluster in the Kubernetes backend's config.
 */
export const catalogModulePaved = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'paved',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        reader: coreServices.urlReader,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const { catalog, reader, config } = deps;
        catalog.addProcessor(
          new PavedEntitiesProcessor({
            reader,
            // Links to TechDocs pages must be absolute URLs in the catalog.
            appBaseUrl: config.getOptionalString('app.baseUrl'),
            // House styles for roadmaps; a bad pattern stops start-up, named.
            roadmaps: roadmapVocabularyFromConfig(config),
          }),
        );
        const tenants = await TenantStore.create(deps.database);
        const provider = new PavedTenantProvider(tenants);
        catalog.addEntityProvider(provider);
        deps.httpRouter.use(
          createTenantRouter({ ...deps, store: tenants, provider }),
        );
        await registerClusterProvider(deps);
      },
    });
  },
});
