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

/** @public */
export const PAVED_CROSSPLANE_YAML_READ_PERMISSION_NAME =
  'paved.crossplane.yaml.read';

/**
 * Read the (redacted) YAML of an entity's claims, composites and managed
 * resources. Separate from listing: a manifest says more than its status.
 *
 * @public
 */
export const pavedCrossplaneYamlReadPermission = createPermission({
  name: PAVED_CROSSPLANE_YAML_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** @public */
export const PAVED_CROSSPLANE_EVENTS_READ_PERMISSION_NAME =
  'paved.crossplane.events.read';

/**
 * Read the Kubernetes events of an entity's claims, composites and managed
 * resources: provider messages can name accounts and endpoints.
 *
 * @public
 */
export const pavedCrossplaneEventsReadPermission = createPermission({
  name: PAVED_CROSSPLANE_EVENTS_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission Paved's Crossplane routes check. @public */
export const pavedCrossplanePermissions = [
  pavedCrossplaneReadPermission,
  pavedCrossplaneYamlReadPermission,
  pavedCrossplaneEventsReadPermission,
];
