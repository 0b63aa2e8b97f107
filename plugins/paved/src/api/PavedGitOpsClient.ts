import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import type { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import type { GitOpsEntityResponse } from '@paved/plugin-paved-common';
import {
  entityPath,
  getPavedJson,
  PavedReadOptions,
} from './pavedBackendFetch';
import { PavedHealthError } from './PavedHealthClient';

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

/** The message for a failed GitOps call, in the user's terms. @public */
export function gitopsErrorMessage(
  status: number,
  entity: CompoundEntityRef,
  backendMessage?: string,
): string {
  const ref = `${entity.kind}:${entity.namespace}/${entity.name}`;
  switch (status) {
    case 400:
      // The backend names the annotation to fix.
      return backendMessage ?? `Paved cannot read the annotations of ${ref}.`;
    case 401:
      return 'You are not signed in, or your session expired: sign in again.';
    case 403:
      return 'You are not allowed to read GitOps status (permission paved.gitops.read, and kubernetes.clusters.read to list clusters).';
    case 404:
      return (
        backendMessage ??
        `${ref} was not found in the catalog, or you cannot see it.`
      );
    case 502:
    case 503:
    case 504:
      return 'The Paved backend is unavailable: is @paved/plugin-paved-backend installed and running?';
    default:
      return `The Paved backend failed to read the GitOps status of ${ref} (HTTP ${status}).`;
  }
}

/**
 * Calls `/api/paved/gitops/...` with the Backstage fetch API, so the
 * signed-in user's token goes along, and with the Kubernetes plugin's auth
 * providers the user's own cluster tokens for clusters that need them.
 *
 * @public
 */
export class PavedGitOpsClient implements PavedGitOpsApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
      kubernetesAuthProvidersApi?: KubernetesAuthProvidersApi;
    },
  ) {}

  getEntityStatus(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedGitOpsResponse> {
    return getPavedJson<PavedGitOpsResponse>(
      this.options,
      `/gitops/entity/${entityPath(entity)}`,
      {
        fresh: options?.fresh,
        messageFor: (status, backendMessage) =>
          gitopsErrorMessage(status, entity, backendMessage),
        fail: (message, status, backendMessage) =>
          new PavedHealthError(message, status, backendMessage),
      },
    );
  }
}
