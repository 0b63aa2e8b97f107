import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { PavedEntitiesProcessor } from './processor/PavedEntitiesProcessor';

/**
 * Adds Paved's ADR and Roadmap kinds to the catalog: validation, relations,
 * and import from Markdown.
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
      },
      async init({ catalog, reader, config }) {
        catalog.addProcessor(
          new PavedEntitiesProcessor({
            reader,
            // Links to TechDocs pages must be absolute URLs in the catalog.
            appBaseUrl: config.getOptionalString('app.baseUrl'),
          }),
        );
      },
    });
  },
});
