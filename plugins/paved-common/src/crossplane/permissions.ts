/**
 * Paved's Crossplane permission, as the plain object `createPermission`
 * returns, so paved-common needs no permission package.
 */

/** @public */
export const PAVED_CROSSPLANE_READ_PERMISSION_NAME = 'paved.crossplane.read';

/**
 * Read an entity's Crossplane claims, composites and managed resources from
 * live clusters.
 *
 * @public
 */
export const pavedCrossplaneReadPermission = {
  type: 'basic',
  name: PAVED_CROSSPLANE_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
} as const;

/** Every permission Paved's Crossplane routes check. @public */
export const pavedCrossplanePermissions = [pavedCrossplaneReadPermission];
