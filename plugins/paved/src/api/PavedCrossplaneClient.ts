import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ClusterResult,
  CrossplaneDetailsResponse,
  CrossplaneEntityResponse,
  pavedCrossplaneReadPermission,
  XrdOffersResponse,
} from '@paved/plugin-paved-common';
import { PavedApiError } from './PavedApiError';
import { PavedBackendClient, PavedReadOptions } from './pavedBackendFetch';
import {
  entityErrorMessage,
  PavedCallTexts,
  pavedErrorMessage,
} from './pavedErrorMessage';

/** `GET /api/paved/crossplane/entity/:namespace/:kind/:name`. @public */
export type PavedCrossplaneResponse = CrossplaneEntityResponse;

/**
 * `GET /api/paved/crossplane/xrds/:cluster` as the backend answers it: the
 * cluster's result in `clusters`, with its offers (`data`) or its `error`,
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

/** How a call about an entity's (`ref`'s) claims words its failures. */
const claimsCallTexts = (ref: string): PavedCallTexts => ({
  task: `read the claims of ${ref}`,
  forbidden: {
    action: 'read Crossplane claims',
    permission: pavedCrossplaneReadPermission.name,
  },
  notFound: `${ref} was not found in the catalog, or the cluster in paved.dev/crossplane-cluster is not configured.`,
});

/** How a call for what a cluster offers words its failures. */
const xrdOffersCallTexts = (cluster: string): PavedCallTexts => ({
  task: `read the XRDs of ${cluster}`,
  forbidden: `You are not allowed to read what cluster ${cluster} offers (permission ${pavedCrossplaneReadPermission.name}, or the cluster's own access rules where you sign in with your own credentials).`,
  // The backend says whether Backstage or the cluster refused.
  forbiddenBecause: reason =>
    `Not allowed to read what cluster ${cluster} offers: ${reason}`,
  notFound: `Cluster ${cluster} is not configured in the Kubernetes backend (kubernetes.clusterLocatorMethods), or you cannot see it.`,
  // Paved's own 503 names the cluster that timed out or failed.
  backendSays: [503],
});

/** The message for a failed claims call, in the user's terms. @public */
export const crossplaneErrorMessage = entityErrorMessage(claimsCallTexts);

/** The message for a failed XRD offers call, in the user's terms. */
export function xrdOffersErrorMessage(
  status: number,
  cluster: string,
  backendMessage?: string,
): string {
  return pavedErrorMessage(status, xrdOffersCallTexts(cluster), backendMessage);
}

/**
 * Calls `/api/paved/crossplane/...` with the Backstage fetch API, so the
 * signed-in user's token goes along and clusters are read as that user; with
 * the Kubernetes plugin's auth providers it also sends the user's own cluster
 * tokens (`Backstage-Kubernetes-Authorization-*`) for clusters that need them.
 *
 * @public
 */
export class PavedCrossplaneClient
  extends PavedBackendClient
  implements PavedCrossplaneApi
{
  getEntityClaims(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedCrossplaneResponse> {
    return this.readEntity('crossplane', entity, claimsCallTexts, options);
  }

  getEntityDetails(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<CrossplaneDetailsResponse> {
    return this.readEntity('crossplane', entity, claimsCallTexts, {
      ...options,
      suffix: '/details',
    });
  }

  async getXrdOffers(cluster: string): Promise<XrdOffersResponse> {
    const body = await this.read<XrdOffersClustersResponse | XrdOffersResponse>(
      `/crossplane/xrds/${encodeURIComponent(cluster)}`,
      { clusters: [cluster], texts: xrdOffersCallTexts(cluster) },
    );
    // A backend from before the per-cluster answer sends the offers as they are.
    if (!('clusters' in body)) return body;
    const result = body.clusters.find(c => c.cluster === cluster);
    if (!result) {
      throw new PavedApiError(
        `The Paved backend sent no answer for cluster ${cluster}.`,
        502,
      );
    }
    if (result.ok) return { cluster, ...result.data };
    // The cluster refused or failed: its own words, naming the cluster.
    const { statusCode, message } = result.error;
    throw new PavedApiError(
      statusCode === 401 || statusCode === 403
        ? `Not allowed to read what cluster ${cluster} offers: ${message}`
        : `Could not read what cluster ${cluster} offers: ${message}`,
      statusCode ?? 503,
      message,
    );
  }
}
