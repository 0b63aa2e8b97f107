import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  GitOpsEntityResponse,
  pavedGitOpsReadPermission,
} from '@paved/plugin-paved-common';
import { PavedBackendClient, PavedEntityRead } from './pavedBackendFetch';
import { entityErrorMessage, PavedCallTexts } from './pavedErrorMessage';

/** `GET /api/paved/gitops/entity/:namespace/:kind/:name`. @public */
export type PavedGitOpsResponse = GitOpsEntityResponse;

/** Reads an entity's GitOps status from Paved's backend plugin. @public */
export interface PavedGitOpsApi {
  getEntityStatus: PavedEntityRead<PavedGitOpsResponse>;
}

/** @public */
export const pavedGitOpsApiRef = createApiRef<PavedGitOpsApi>().with({
  id: 'plugin.paved.gitops',
  pluginId: 'paved',
});

/** How a GitOps call about an entity (`ref`) words its failures. */
const gitopsCallTexts = (ref: string): PavedCallTexts => ({
  task: `read the GitOps status of ${ref}`,
  forbidden: {
    action: 'read GitOps status',
    permission: pavedGitOpsReadPermission.name,
  },
  // The backend names the annotation to fix.
  badRequest: `Paved cannot read the annotations of ${ref}.`,
  backendSays: [400, 404],
});

/** The message for a failed GitOps call, in the user's terms. @public */
export const gitopsErrorMessage = entityErrorMessage(gitopsCallTexts);

/**
 * Calls `/api/paved/gitops/...` with the Backstage fetch API, so the
 * signed-in user's token goes along, and with the Kubernetes plugin's auth
 * providers the user's own cluster tokens for clusters that need them.
 *
 * @public
 */
export class PavedGitOpsClient
  extends PavedBackendClient
  implements PavedGitOpsApi
{
  getEntityStatus: PavedGitOpsApi['getEntityStatus'] = (entity, options) =>
    this.readEntity('gitops', entity, gitopsCallTexts, options);
}
