import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import type { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import type { DriftResponse } from '@paved/plugin-paved-common';
import {
  entityPath,
  getPavedJson,
  PavedReadOptions,
} from './pavedBackendFetch';
import { PavedHealthError } from './PavedHealthClient';

/**
 * `GET /api/paved/drift/entity/:namespace/:kind/:name`: where a tenant's or
 * a cluster baseline's live objects differ from what Paved renders for
 * them, per cluster, with who changed each field.
 * @public
 */
export type PavedDriftResponse = DriftResponse;

/** Reads drift from Paved's backend plugin. @public */
export interface PavedDriftApi {
  getEntityDrift(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedDriftResponse>;
}

/** @public */
export const pavedDriftApiRef = createApiRef<PavedDriftApi>().with({
  id: 'plugin.paved.drift',
  pluginId: 'paved',
});

/** The message for a status, in the user's terms. @public */
export function driftErrorMessage(
  status: number,
  entity: CompoundEntityRef,
  backendMessage?: string,
): string {
  const ref = `${entity.kind}:${entity.namespace}/${entity.name}`;
  switch (status) {
    case 400:
      // The backend names the annotation or input to fix.
      return backendMessage ?? `Paved cannot read the annotations of ${ref}.`;
    case 401:
      return 'You are not signed in, or your session expired: sign in again.';
    case 403:
      return 'You are not allowed to read drift here (permission paved.drift.read: the owners and platform admins have it), or to list clusters (kubernetes.clusters.read).';
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
      return `The Paved backend failed to compare ${ref} with what Paved renders (HTTP ${status}).`;
  }
}

/**
 * Calls Paved's drift route with the Backstage fetch API, so the signed-in
 * user's token goes along, plus their own cluster tokens where needed.
 * @public
 */
export class PavedDriftClient implements PavedDriftApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
      kubernetesAuthProvidersApi?: KubernetesAuthProvidersApi;
    },
  ) {}

  getEntityDrift(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedDriftResponse> {
    return getPavedJson<PavedDriftResponse>(
      this.options,
      `/drift/entity/${entityPath(entity)}`,
      {
        fresh: options?.fresh,
        messageFor: (status, backendMessage) =>
          driftErrorMessage(status, entity, backendMessage),
        fail: (message, status, backendMessage) =>
          new PavedHealthError(message, status, backendMessage),
      },
    );
  }
}
