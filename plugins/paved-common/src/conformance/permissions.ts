import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '../kinds/permissionResource';
/**
 * Paved's conformance permission, written as the plain object
 * `createPermission` would return (see `../health/permissions.ts`).
 */

/** @public */
export const PAVED_CONFORMANCE_READ_PERMISSION_NAME = 'paved.conformance.read';

/**
 * Read a tenant's or a cluster's tier conformance from live clusters.
 *
 * @public
 */
export const pavedConformanceReadPermission = createPermission({
  name: PAVED_CONFORMANCE_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission Paved's conformance route checks. @public */
export const pavedConformancePermissions = [pavedConformanceReadPermission];
