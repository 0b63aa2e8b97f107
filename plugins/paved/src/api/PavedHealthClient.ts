import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import {
  entityPath,
  getPavedJson,
  PavedReadOptions,
} from './pavedBackendFetch';
import {
  PavedClusterHealthResponse,
  PavedComponentHealthResponse,
  PavedConformanceResponse,
} from './types';

/** Reads health summaries from Paved's backend plugin. @public */
export interface PavedHealthApi {
  /** A component's health in every cluster it runs in. */
  getEntityHealth(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedComponentHealthResponse>;
  /** One cluster's health, by its name in `kubernetes.clusterLocatorMethods`. */
  getClusterHealth(
    name: string,
    options?: PavedReadOptions,
  ): Promise<PavedClusterHealthResponse>;
  /**
   * Tier conformance of a tenant, component or cluster entity (it declares
   * its tier with `paved.dev/tier`), per cluster.
   */
  getEntityConformance(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedConformanceResponse>;
}

/** @public */
export const pavedHealthApiRef = createApiRef<PavedHealthApi>().with({
  id: 'plugin.paved.health',
  pluginId: 'paved',
});

/** What a failed call was about, for a message people can act on. */
export type PavedHealthTarget =
  | { type: 'entity'; ref: CompoundEntityRef }
  | { type: 'conformance'; ref: CompoundEntityRef }
  | { type: 'cluster'; name: string };

function describe(target: PavedHealthTarget): string {
  return target.type === 'cluster'
    ? `cluster '${target.name}'`
    : `${target.ref.kind}:${target.ref.namespace}/${target.ref.name}`;
}

/** The message for a status, in the user's terms. */
export function healthErrorMessage(
  status: number,
  target: PavedHealthTarget,
  backendMessage?: string,
): string {
  const conformance = target.type === 'conformance';
  switch (status) {
    case 400:
      // The backend names the annotation to add or fix.
      if (backendMessage) return backendMessage;
      break;
    case 401:
      return 'You are not signed in, or your session expired: sign in again.';
    case 403:
      return conformance
        ? 'You are not allowed to check conformance (permission paved.conformance.read, and kubernetes.clusters.read to list clusters).'
        : 'You are not allowed to read health (permission paved.health.read, and kubernetes.clusters.read to list clusters).';
    case 404:
      return target.type === 'cluster'
        ? `Cluster '${target.name}' is not configured in the Kubernetes backend (kubernetes.clusterLocatorMethods), or you cannot see it.`
        : `${describe(
            target,
          )} was not found in the catalog, or you cannot see it.`;
    case 502:
    case 503:
    case 504:
      return 'The Paved backend is unavailable: is @paved/plugin-paved-backend installed and running?';
    default:
      break;
  }
  return `The Paved backend failed to ${
    conformance ? 'check the conformance' : 'read the health'
  } of ${describe(target)} (HTTP ${status}).`;
}

/**
 * A failed health call. `statusCode` is the HTTP status (0 when the backend
 * could not be reached at all); `backendMessage` carries the backend's own message.
 *
 * @public
 */
export class PavedHealthError extends Error {
  readonly name = 'PavedHealthError';
  constructor(
    message: string,
    readonly statusCode: number,
    readonly backendMessage?: string,
  ) {
    super(message);
  }
}

/**
 * Calls `/api/paved/health/...` and `/api/paved/conformance/...` with the
 * Backstage fetch API, so the signed-in user's token goes along and the
 * backend reads clusters on their behalf. The only other headers are the
 * user's own cluster tokens (`Backstage-Kubernetes-Authorization-*`), for
 * clusters whose auth needs them; see `kubernetesAuthHeaders`.
 *
 * @public
 */
export class PavedHealthClient implements PavedHealthApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly kubernetesAuthProvidersApi?: KubernetesAuthProvidersApi;

  constructor(options: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    /**
     * The Kubernetes plugin's auth providers: with it, clusters that use the
     * user's own token (oidc, google, ...) get it through
     * `Backstage-Kubernetes-Authorization-*` headers. Without it only
     * server-side cluster auth (serviceAccount, aws, ...) works.
     */
    kubernetesAuthProvidersApi?: KubernetesAuthProvidersApi;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.kubernetesAuthProvidersApi = options.kubernetesAuthProvidersApi;
  }

  getEntityHealth(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedComponentHealthResponse> {
    return this.get(
      `/health/entity/${entityPath(entity)}`,
      { type: 'entity', ref: entity },
      undefined,
      options,
    );
  }

  getClusterHealth(
    name: string,
    options?: PavedReadOptions,
  ): Promise<PavedClusterHealthResponse> {
    return this.get(
      `/health/cluster/${encodeURIComponent(name)}`,
      { type: 'cluster', name },
      [name],
      options,
    );
  }

  getEntityConformance(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedConformanceResponse> {
    return this.get(
      `/conformance/entity/${entityPath(entity)}`,
      { type: 'conformance', ref: entity },
      undefined,
      options,
    );
  }

  private get<T>(
    path: string,
    target: PavedHealthTarget,
    clusters?: readonly string[],
    options?: PavedReadOptions,
  ): Promise<T> {
    return getPavedJson<T>(
      {
        discoveryApi: this.discoveryApi,
        fetchApi: this.fetchApi,
        kubernetesAuthProvidersApi: this.kubernetesAuthProvidersApi,
      },
      path,
      {
        clusters,
        fresh: options?.fresh,
        messageFor: (status, backendMessage) =>
          healthErrorMessage(status, target, backendMessage),
        fail: (message, status, backendMessage) =>
          new PavedHealthError(message, status, backendMessage),
      },
    );
  }
}
