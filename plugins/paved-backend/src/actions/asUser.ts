import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { authorizeRead } from '../router';
import { ClusterReadRequest } from '../service/clusters/ClusterReadRequest';

/**
 * The caller as a person, or a 403: Paved's reads are for a signed-in user,
 * and a service identity (a static token, another plugin) may not stand in,
 * as the routes refuse it (`httpAuth.credentials(req, { allow: ['user'] })`).
 */
export function userCredentials(
  credentials: BackstageCredentials,
): BackstageCredentials<BackstageUserPrincipal> {
  const principal = credentials.principal as { type?: string };
  if (principal?.type !== 'user') {
    throw new NotAllowedError(
      `Paved's actions run as a signed-in user, not a '${
        principal?.type ?? 'unknown'
      }' principal`,
    );
  }
  return credentials as BackstageCredentials<BackstageUserPrincipal>;
}

/**
 * What a route's `authorize` gives its service, for an action: the user,
 * checked for `permission` on `resourceRef` by the routes' own check. An
 * action has no request headers, so no per-cluster auth headers either (a
 * cluster that needs the user's OIDC token from the browser answers 401/403
 * in its own result, as it does for a route called without them).
 */
export async function authorizeAction(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission<'catalog-entity'> | BasicPermission,
  resourceRef: string,
): Promise<ClusterReadRequest> {
  const user = userCredentials(credentials);
  await authorizeRead(permissions, user, permission, () => resourceRef);
  return { credentials: user, clusterAuthHeaders: {} };
}
