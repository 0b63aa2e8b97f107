import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import type { TenantPageResponse } from '@paved/plugin-paved-common';
import {
  entityPath,
  getPavedJson,
  PavedReadOptions,
} from './pavedBackendFetch';

/**
 * `GET /api/paved/tenants/entity/:namespace/:kind/:name`: a tenant's quota
 * use, isolation tier, who can do what and guardrail violations, per cluster.
 * @public
 */
export type PavedTenantResponse = TenantPageResponse;

/** Reads a tenant's page from Paved's backend plugin. @public */
export interface PavedTenantApi {
  getTenant(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedTenantResponse>;
}

/** @public */
export const pavedTenantApiRef = createApiRef<PavedTenantApi>().with({
  id: 'plugin.paved.tenant',
  pluginId: 'paved',
});

/** The message for a status, in the user's terms. @public */
export function tenantErrorMessage(
  status: number,
  entity: CompoundEntityRef,
  backendMessage?: string,
): string {
  const ref = `${entity.kind}:${entity.namespace}/${entity.name}`;
  switch (status) {
    case 400:
      // The backend names what the tenant entity is missing.
      if (backendMessage) return backendMessage;
      break;
    case 401:
      return 'You are not signed in, or your session expired: sign in again.';
    case 403:
      return "You are not allowed to read this tenant's page (permission paved.tenant.read: the tenant's owners and platform admins have it), or to list clusters (kubernetes.clusters.read).";
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
      break;
  }
  return `The Paved backend failed to read the tenant ${ref} (HTTP ${status}).`;
}

/**
 * A failed tenant call. `statusCode` is the HTTP status (0 when the backend
 * could not be reached); `backendMessage` is the backend's own message.
 * @public
 */
export class PavedTenantError extends Error {
  readonly name = 'PavedTenantError';
  constructor(
    message: string,
    readonly statusCode: number,
    readonly backendMessage?: string,
  ) {
    super(message);
  }
}

/**
 * Calls Paved's tenant route with the Backstage fetch API, so the signed-in
 * user's token goes along, plus the user's own cluster tokens where clusters
 * need them (see `kubernetesAuthHeaders`).
 * @public
 */
export class PavedTenantClient implements PavedTenantApi {
  constructor(
    private readonly deps: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
      kubernetesAuthProvidersApi?: KubernetesAuthProvidersApi;
    },
  ) {}

  getTenant(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedTenantResponse> {
    return getPavedJson<PavedTenantResponse>(
      this.deps,
      `/tenants/entity/${entityPath(entity)}`,
      {
        fresh: options?.fresh,
        messageFor: (status, backendMessage) =>
          tenantErrorMessage(status, entity, backendMessage),
        fail: (message, status, backendMessage) =>
          new PavedTenantError(message, status, backendMessage),
      },
    );
  }
}
