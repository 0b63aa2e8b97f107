import { createPermission } from '@backstage/plugin-permission-common';

/** @public */
export const PAVED_FLEET_READ_PERMISSION_NAME = 'paved.fleet.read';

/**
 * Open the fleet page. Each cluster's row then still needs `paved.health.read`
 * on that cluster's Resource, and its cost column `paved.cost.read`, so the
 * page never shows more than the cluster cards would.
 *
 * @public
 */
export const pavedFleetReadPermission = createPermission({
  name: PAVED_FLEET_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
});

/** Every permission Paved's fleet route checks itself. @public */
export const pavedFleetPermissions = [pavedFleetReadPermission];
