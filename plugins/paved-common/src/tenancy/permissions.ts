import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '../kinds/permissionResource';

/** @public */
export const PAVED_TENANT_READ_PERMISSION_NAME = 'paved.tenant.read';

/**
 * Read a tenant's page from live clusters: quota use, who can do what in its
 * namespaces (from the cluster's RBAC) and its guardrail violations. A
 * resource permission on the tenant's entity, so a policy can keep it to the
 * tenant's owners.
 *
 * @public
 */
export const pavedTenantReadPermission = createPermission({
  name: PAVED_TENANT_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission Paved's tenant route checks. @public */
export const pavedTenantPermissions = [pavedTenantReadPermission];
