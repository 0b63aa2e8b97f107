import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  pavedCrossplaneEventsReadPermission,
  pavedCrossplaneYamlReadPermission,
} from '@paved/plugin-paved-common';
import { CrossplaneAccess } from './project';

/**
 * Whether the user may also see YAML and events on the tree: asked in one
 * call beside the listing permission, and never an error: without them the
 * tree still shows, just without those parts.
 */
export async function crossplaneAccess(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  resourceRef: string,
): Promise<CrossplaneAccess> {
  const [yaml, events] = await permissions.authorize(
    [
      { permission: pavedCrossplaneYamlReadPermission, resourceRef },
      { permission: pavedCrossplaneEventsReadPermission, resourceRef },
    ],
    { credentials },
  );
  return {
    yaml: yaml.result === AuthorizeResult.ALLOW,
    events: events.result === AuthorizeResult.ALLOW,
  };
}
