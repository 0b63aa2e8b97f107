import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAdrCreateAction } from './actions/adrCreate';
import { createCatalogRegisterTenantAction } from './actions/catalogRegisterTenant';
import { createClaimScaffoldAction } from './actions/claimScaffold';
import { createClusterScaffoldAction } from './actions/clusterScaffold';
import { createKubernetesApplyAction } from './actions/kubernetesApply';
import { createTenantChangeAction } from './actions/tenantChange';
import { createTenantOffboardAction } from './actions/tenantOffboard';
import { createTenantScaffoldAction } from './actions/tenantScaffold';
import { httpTenantCatalog } from './day2/tenantCatalog';

/** Adds Paved's actions to the scaffolder. @public */
export const scaffolderModulePaved = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'paved',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, discovery, auth }) {
        const catalog = httpTenantCatalog({ discovery, auth });
        scaffolder.addActions(
          createClusterScaffoldAction(),
          createTenantScaffoldAction({ config }),
          createKubernetesApplyAction({ config }),
          createAdrCreateAction(),
          createCatalogRegisterTenantAction({ discovery, auth }),
          createClaimScaffoldAction({ config }),
          createTenantChangeAction({ config, catalog }),
          createTenantOffboardAction({ config, catalog }),
        );
      },
    });
  },
});
