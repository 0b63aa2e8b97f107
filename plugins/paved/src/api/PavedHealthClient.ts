import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  pavedConformanceReadPermission,
  pavedHealthReadPermission,
} from '@paved/plugin-paved-common';
import {
  entityLabel,
  entityPath,
  PavedBackendClient,
  PavedReadOptions,
} from './pavedBackendFetch';
import { pavedErrorMessage, PavedCallTexts } from './pavedErrorMessage';
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

/** How a health or conformance call words its failures. */
export function healthCallTexts(target: PavedHealthTarget): PavedCallTexts {
  if (target.type === 'cluster') {
    return {
      task: `read the health of cluster '${target.name}'`,
      forbidden: HEALTH_FORBIDDEN,
      notFound: `Cluster '${target.name}' is not configured in the Kubernetes backend (kubernetes.clusterLocatorMethods), or you cannot see it.`,
      // The backend names the annotation to add or fix.
      backendSays: [400],
    };
  }
  const subject = entityLabel(target.ref);
  const conformance = target.type === 'conformance';
  return {
    task: conformance
      ? `check the conformance of ${subject}`
      : `read the health of ${subject}`,
    subject,
    forbidden: conformance
      ? {
          action: 'check conformance',
          permission: pavedConformanceReadPermission.name,
        }
      : HEALTH_FORBIDDEN,
    backendSays: [400],
  };
}

const HEALTH_FORBIDDEN = {
  action: 'read health',
  permission: pavedHealthReadPermission.name,
};

/** The message for a status, in the user's terms. */
export function healthErrorMessage(
  status: number,
  target: PavedHealthTarget,
  backendMessage?: string,
): string {
  return pavedErrorMessage(status, healthCallTexts(target), backendMessage);
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
export class PavedHealthClient
  extends PavedBackendClient
  implements PavedHealthApi
{
  getEntityHealth(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedComponentHealthResponse> {
    return this.read(`/health/entity/${entityPath(entity)}`, {
      ...options,
      texts: healthCallTexts({ type: 'entity', ref: entity }),
    });
  }

  getClusterHealth(
    name: string,
    options?: PavedReadOptions,
  ): Promise<PavedClusterHealthResponse> {
    return this.read(`/health/cluster/${encodeURIComponent(name)}`, {
      ...options,
      clusters: [name],
      texts: healthCallTexts({ type: 'cluster', name }),
    });
  }

  getEntityConformance(
    entity: CompoundEntityRef,
    options?: PavedReadOptions,
  ): Promise<PavedConformanceResponse> {
    return this.read(`/conformance/entity/${entityPath(entity)}`, {
      ...options,
      texts: healthCallTexts({ type: 'conformance', ref: entity }),
    });
  }
}
