import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '../kinds/permissionResource';

/** @public */
export const PAVED_LOGS_READ_PERMISSION_NAME = 'paved.logs.read';

/**
 * Read the evidence behind a Pod's or workload's problem: its recent events
 * and the last lines of its previous container's log. Logs can hold what a
 * health summary never does (request data, hosts, leaked settings), so this
 * is its own resource permission on the component's entity, and a policy can
 * keep it to the component's owners.
 *
 * @public
 */
export const pavedLogsReadPermission = createPermission({
  name: PAVED_LOGS_READ_PERMISSION_NAME,
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission Paved's evidence route checks. @public */
export const pavedEvidencePermissions = [pavedLogsReadPermission];
