import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '../kinds/permissionResource';

/** @public */
export const PAVED_GITOPS_READ_PERMISSION_NAME = 'paved.gitops.read';

/**
 * Read the GitOps status (Argo CD Applications, Flux Kustomizations and
 * HelmReleases) of an entity's workloads or a tenant's namespaces.
 *
 * @public
 */
export const pavedGitOpsReadPermission = createPermission({
  name: PAVED_GITOPS_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission Paved's GitOps route checks. @public */
export const pavedGitOpsPermissions = [pavedGitOpsReadPermission];
