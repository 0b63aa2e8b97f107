/**
 * Paved's health permission, written as the plain object
 * `createPermission` would return so that paved-common needs no permission
 * package: it is assignable to `BasicPermission` from
 * `@backstage/plugin-permission-common`.
 */

/** @public */
export const PAVED_HEALTH_READ_PERMISSION_NAME = 'paved.health.read';

/**
 * Read a component's or a cluster's health summary from live clusters.
 *
 * @public
 */
export const pavedHealthReadPermission = {
  type: 'basic',
  name: PAVED_HEALTH_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
} as const;

/** Every permission Paved's health routes check. @public */
export const pavedHealthPermissions = [pavedHealthReadPermission];
