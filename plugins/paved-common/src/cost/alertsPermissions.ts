import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '../kinds/permissionResource';

/** @public */
export const PAVED_COST_ALERT_MANAGE_PERMISSION_NAME =
  'paved.cost.alert.manage';

/**
 * Snooze or dismiss an entity's cost alerts: a change to what its owners are
 * told, so the portal's policy grants it to the entity's owners only.
 * Reading the alerts is `paved.cost.read`.
 *
 * @public
 */
export const pavedCostAlertManagePermission = createPermission({
  name: PAVED_COST_ALERT_MANAGE_PERMISSION_NAME,
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** @public */
export const pavedCostAlertPermissions = [pavedCostAlertManagePermission];
