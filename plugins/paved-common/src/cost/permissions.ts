import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '../kinds/permissionResource';
/**
 * Paved's cost permission, written as the plain object `createPermission`
 * would return (see ../health/permissions.ts for why).
 */

/** @public */
export const PAVED_COST_READ_PERMISSION_NAME = 'paved.cost.read';

/**
 * Read an entity's or a cluster's cost from OpenCost.
 *
 * @public
 */
export const pavedCostReadPermission = createPermission({
  name: PAVED_COST_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission Paved's cost routes check. @public */
/** @public */
export const PAVED_COST_LABEL_READ_PERMISSION_NAME = 'paved.cost.label.read';

/**
 * Cost of everything carrying a label across clusters: no one entity owns
 * that answer, so it is a basic permission (admins in the portal's policy).
 * @public
 */
export const pavedCostLabelReadPermission = createPermission({
  name: PAVED_COST_LABEL_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
});

export const pavedCostPermissions = [
  pavedCostReadPermission,
  pavedCostLabelReadPermission,
];
