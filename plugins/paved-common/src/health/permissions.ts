import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '../kinds/permissionResource';
/*
 * Paved's read permissions are resource permissions on catalog entities:
 * routes authorize them with the entity's ref (a cluster as its Resource),
 * so a policy can say "only owners see cost" with the catalog's own rules.
 */

/** @public */
export const PAVED_HEALTH_READ_PERMISSION_NAME = 'paved.health.read';

/**
 * Read a component's or a cluster's health summary from live clusters.
 *
 * @public
 */
export const pavedHealthReadPermission = createPermission({
  name: PAVED_HEALTH_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission Paved's health routes check. @public */
export const pavedHealthPermissions = [pavedHealthReadPermission];
