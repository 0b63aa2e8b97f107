import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  pavedConformanceReadPermission,
  pavedHealthReadPermission,
} from '@paved/plugin-paved-common';
import { PavedBackendClient, PavedReadOptions } from './pavedBackendFetch';
import { PavedCallTexts } from './pavedErrorMessage';
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

const HEALTH_FORBIDDEN = {
  action: 'read health',
  permission: pavedHealthReadPermission.name,
};

/** How a health call about an entity (`ref`) words its failures. */
const healthCallTexts = (ref: string): PavedCallTexts => ({
  task: `read the health of ${ref}`,
  forbidden: HEALTH_FORBIDDEN,
  // The backend names the annotation to add or fix.
  backendSays: [400],
});

/** How a conformance call about an entity (`ref`) words its failures. */
const conformanceCallTexts = (ref: string): PavedCallTexts => ({
  task: `check the conformance of ${ref}`,
  forbidden: {
    action: 'check conformance',
    permission: pavedConformanceReadPermission.name,
  },
  backendSays: [400],
});

/** How a call for one cluster's health words its failures. */
const clusterHealthCallTexts = (name: string): PavedCallTexts => ({
  task: `read the health of cluster '${name}'`,
  forbidden: HEALTH_FORBIDDEN,
  notFound: `Cluster '${name}' is not configured in the Kubernetes backend (kubernetes.clusterLocatorMethods), or you cannot see it.`,
  backendSays: [400],
});

/**
 * Calls `/api/paved/health/...` and `/api/paved/conformance/...` with the
 * Backstage fetch API, so the signed-in user's token goes along and the
 * backend reads clusters on their behalf. The only other headers are the
 * user's own cluster tokens (`Backstage-Kubernetes-Authorization-*`), for
 * clusters whose auth needs them; see `kubernetesAuthHeaders`.
 *
 * @public
 */
export class PavedHealthClient
  extends PavedBackendClient
  implements PavedHealthApi
{
  getEntityHealth(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedComponentHealthResponse> {
    return this.readEntity('health', entity, healthCallTexts, options);
  }

  getClusterHealth(
    name: string,
    options?: PavedReadOptions,
  ): Promise<PavedClusterHealthResponse> {
    return this.read(`/health/cluster/${encodeURIComponent(name)}`, {
      ...options,
      clusters: [name],
      texts: clusterHealthCallTexts(name),
    });
  }

  getEntityConformance(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedConformanceResponse> {
    return this.readEntity(
      'conformance',
      entity,
      conformanceCallTexts,
      options,
    );
  }
}
