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
      },
      async init({ catalog, reader }) {
        catalog.addProcessor(new PavedEntitiesProcessor({ reader }));
      },
    });
  },
});
