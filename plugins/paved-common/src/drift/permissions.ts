import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '../kinds/permissionResource';

/** @public */
export const PAVED_DRIFT_READ_PERMISSION_NAME = 'paved.drift.read';

/**
 * Read where a tenant's or a cluster baseline's live objects differ from
 * what Paved renders for them, and who changed them. A resource permission
 * on the tenant's or the cluster's entity, so a policy can keep it to the
 * owners.
 *
 * @public
 */
export const pavedDriftReadPermission = createPermission({
  name: PAVED_DRIFT_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission Paved's drift route checks. @public */
export const pavedDriftPermissions = [pavedDriftReadPermission];
