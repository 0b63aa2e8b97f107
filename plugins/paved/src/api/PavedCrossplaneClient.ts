import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import type { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import type {
  ClusterResult,
  CrossplaneDetailsResponse,
  CrossplaneEntityResponse,
  XrdOffersResponse,
} from '@paved/plugin-paved-common';
import {
  entityPath,
  getPavedJson,
  PavedReadOptions,
} from './pavedBackendFetch';
import { PavedHealthError } from './PavedHealthClient';

/** `GET /api/paved/crossplane/entity/:namespace/:kind/:name`. @public */
export type PavedCrossplaneResponse = CrossplaneEntityResponse;

/**
 * `GET /api/paved/crossplane/xrds/:cluster` as the backend answers it: the
 * cluster's result in `clusters`, with its offers (`health`) or its `error`,
 * like every other Paved route. (Belongs in @paved/plugin-paved-common.)
 */
interface XrdOffersClustersResponse {
  cluster: string;
  clusters: ClusterResult<Omit<XrdOffersResponse, 'cluster'>>[];
}

/** Reads an entity's Crossplane claims from Paved's backend plugin. @public */
export interface PavedCrossplaneApi {
  getEntityClaims(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedCrossplaneResponse>;
  /** What a team can request on a cluster: its XRDs and their parameters. */
  getXrdOffers(cluster: string): Promise<XrdOffersResponse>;
  /** What stands behind each claim: XRD, Composition, revision, providers, functions. */
  getEntityDetails(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<CrossplaneDetailsResponse>;
}

/** @public */
export const pavedCrossplaneApiRef = createApiRef<PavedCrossplaneApi>().with({
  id: 'plugin.paved.crossplane',
  pluginId: 'paved',
});

/** The message for a failed claims call, in the user's terms. */
export function crossplaneErrorMessage(
  status: number,
  entity: CompoundEntityRef,
): string {
  const name = `${entity.kind}:${entity.namespace}/${entity.name}`;
  switch (status) {
    case 401:
      return 'You are not signed in, or your session expired: sign in again.';
    case 403:
      return 'You are not allowed to read Crossplane claims (permission paved.crossplane.read, and kubernetes.clusters.read to list clusters).';
    case 404:
      return `${name} was not found in the catalog, or the cluster in paved.dev/crossplane-cluster is not configured.`;
    case 502:
    case 503:
    case 504:
      return 'The Paved backend is unavailable: is @paved/plugin-paved-backend installed and running?';
    default:
      return `The Paved backend failed to read the claims of ${name} (HTTP ${status}).`;
  }
}

/** The message for a failed XRD offers call, in the user's terms. */
export function xrdOffersErrorMessage(
  status: number,
  cluster: string,
  backendMessage?: string,
): string {
  switch (status) {
    case 401:
      return 'You are not signed in, or your session expired: sign in again.';
    case 403:
      // The backend says whether Backstage or the cluster refused.
      return backendMessage
        ? `Not allowed to read what cluster ${cluster} offers: ${backendMessage}`
        : `You are not allowed to read what cluster ${cluster} offers (permission paved.crossplane.read, or the cluster's own access rules where you sign in with your own credentials).`;
    case 404:
      return `Cluster ${cluster} is not configured in the Kubernetes backend (kubernetes.clusterLocatorMethods), or you cannot see it.`;
    case 503:
      // Paved's own 503 names the cluster that timed out or failed.
      if (backendMessage) return backendMessage;
      return 'The Paved backend is unavailable: is @paved/plugin-paved-backend installed and running?';
    case 502:
    case 504:
      return 'The Paved backend is unavailable: is @paved/plugin-paved-backend installed and running?';
    default:
      return `The Paved backend failed to read the XRDs of ${cluster} (HTTP ${status}).`;
  }
}

/**
 * Calls `/api/paved/crossplane/...` with the Backstage fetch API, so the
 * signed-in user's token goes along and clusters are read as that user; with
 * the Kubernetes plugin's auth providers it also sends the user's own cluster
 * tokens (`Backstage-Kubernetes-Authorization-*`) for clusters that need them.
 * Failures are `PavedHealthError`s, the error every Paved card shows.
 *
 * @public
 */
export class PavedCrossplaneClient implements PavedCrossplaneApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
      kubernetesAuthProvidersApi?: KubernetesAuthProvidersApi;
    },
  ) {}

  getEntityClaims(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedCrossplaneResponse> {
    return getPavedJson<PavedCrossplaneResponse>(
      this.options,
      `/crossplane/entity/${entityPath(entity)}`,
      {
        fresh: options?.fresh,
        messageFor: status => crossplaneErrorMessage(status, entity),
        fail: (message, status, backendMessage) =>
          new PavedHealthError(message, status, backendMessage),
      },
    );
  }

  getEntityDetails(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<CrossplaneDetailsResponse> {
    return getPavedJson<CrossplaneDetailsResponse>(
      this.options,
      `/crossplane/entity/${entityPath(entity)}/details`,
      {
        fresh: options?.fresh,
        messageFor: status => crossplaneErrorMessage(status, entity),
        fail: (message, status, backendMessage) =>
          new PavedHealthError(message, status, backendMessage),
      },
    );
  }

  async getXrdOffers(cluster: string): Promise<XrdOffersResponse> {
    const body = await getPavedJson<
      XrdOffersClustersResponse | XrdOffersResponse
    >(this.options, `/crossplane/xrds/${encodeURIComponent(cluster)}`, {
      clusters: [cluster],
      messageFor: (status, backendMessage) =>
        xrdOffersErrorMessage(status, cluster, backendMessage),
      fail: (message, status, backendMessage) =>
        new PavedHealthError(message, status, backendMessage),
    });
    // A backend from before the per-cluster answer sends the offers as they are.
    if (!('clusters' in body)) return body;
    const result = body.clusters.find(c => c.cluster === cluster);
    if (!result) {
      throw new PavedHealthError(
        `The Paved backend sent no answer for cluster ${cluster}.`,
        502,
      );
    }
    if (result.ok) return { cluster, ...result.data };
    // The cluster refused or failed: its own words, naming the cluster.
    const { statusCode, message } = result.error;
    throw new PavedHealthError(
      statusCode === 401 || statusCode === 403
        ? `Not allowed to read what cluster ${cluster} offers: ${message}`
        : `Could not read what cluster ${cluster} offers: ${message}`,
      statusCode ?? 503,
      message,
    );
  }
}
