import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { PavedPermissionPolicy } from './policy';

/** Installs Paved's permission policy in the permission backend. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'paved-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        policy: policyExtensionPoint,
      },
      async init({ config, userInfo, policy }) {
        const admins =
          config.getOptionalStringArray('paved.permission.adminGroups') ?? [];
        policy.setPolicy(
          new PavedPermissionPolicy(
            new Set(admins.map(ref => ref.toLocaleLowerCase('en-US'))),
            userInfo,
          ),
        );
      },
    });
  },
});
