import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '../kinds/permissionResource';
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
export const pavedCrossplaneReadPermission = createPermission({
  name: PAVED_CROSSPLANE_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission Paved's Crossplane routes check. @public */
export const pavedCrossplanePermissions = [pavedCrossplaneReadPermission];
