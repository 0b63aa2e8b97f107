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
export const pavedCostReadPermission = {
  type: 'basic',
  name: PAVED_COST_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
} as const;

/** Every permission Paved's cost routes check. @public */
export const pavedCostPermissions = [pavedCostReadPermission];
