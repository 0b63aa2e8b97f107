import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  GitOpsEntityResponse,
  pavedGitOpsReadPermission,
} from '@paved/plugin-paved-common';
import {
  entityLabel,
  entityPath,
  PavedBackendClient,
  PavedReadOptions,
} from './pavedBackendFetch';
import { pavedErrorMessage, PavedCallTexts } from './pavedErrorMessage';

/** `GET /api/paved/gitops/entity/:namespace/:kind/:name`. @public */
export type PavedGitOpsResponse = GitOpsEntityResponse;

/** Reads an entity's GitOps status from Paved's backend plugin. @public */
export interface PavedGitOpsApi {
  getEntityStatus(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedGitOpsResponse>;
}

/** @public */
export const pavedGitOpsApiRef = createApiRef<PavedGitOpsApi>().with({
  id: 'plugin.paved.gitops',
  pluginId: 'paved',
});

/** How a GitOps call about an entity words its failures. */
function gitopsCallTexts(entity: CompoundEntityRef): PavedCallTexts {
  const ref = entityLabel(entity);
  return {
    task: `read the GitOps status of ${ref}`,
    subject: ref,
    forbidden: {
      action: 'read GitOps status',
      permission: pavedGitOpsReadPermission.name,
    },
    // The backend names the annotation to fix.
    badRequest: `Paved cannot read the annotations of ${ref}.`,
    backendSays: [400, 404],
  };
}

/** The message for a failed GitOps call, in the user's terms. @public */
export function gitopsErrorMessage(
  status: number,
  entity: CompoundEntityRef,
  backendMessage?: string,
): string {
  return pavedErrorMessage(status, gitopsCallTexts(entity), backendMessage);
}

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
  getEntityStatus(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedGitOpsResponse> {
    return this.read(`/gitops/entity/${entityPath(entity)}`, {
      ...options,
      texts: gitopsCallTexts(entity),
    });
  }
}
