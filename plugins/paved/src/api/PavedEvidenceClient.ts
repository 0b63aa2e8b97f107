import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import type {
  EvidenceKind,
  EvidenceResponse,
} from '@paved/plugin-paved-common';
import { entityPath, getPavedJson } from './pavedBackendFetch';

/**
 * `GET /api/paved/evidence/entity/:namespace/:kind/:name`: a Pod's or
 * workload's events and its previous container's last log lines.
 * @public
 */
export type PavedEvidenceResponse = EvidenceResponse;

/** Which object's evidence: a Pod (with a container) or a workload. @public */
export interface PavedEvidenceTarget {
  cluster: string;
  namespace: string;
  kind: EvidenceKind;
  name: string;
  container?: string;
}

/** Reads the evidence behind a problem from Paved's backend plugin. @public */
export interface PavedEvidenceApi {
  getEvidence(
    entity: CompoundEntityRef,
    target: PavedEvidenceTarget,
  ): Promise<PavedEvidenceResponse>;
}

/** @public */
export const pavedEvidenceApiRef = createApiRef<PavedEvidenceApi>().with({
  id: 'plugin.paved.evidence',
  pluginId: 'paved',
});

/** The message for a status, in the user's terms. @public */
export function evidenceErrorMessage(
  status: number,
  entity: CompoundEntityRef,
  backendMessage?: string,
): string {
  const ref = `${entity.kind}:${entity.namespace}/${entity.name}`;
  switch (status) {
    case 400:
    case 404:
      // The backend names the parameter, cluster or Pod that is wrong.
      return backendMessage ?? `${ref} or the object was not found.`;
    case 401:
      return 'You are not signed in, or your session expired: sign in again.';
    case 403:
      return `You lack the permission paved.logs.read on ${ref}: its owners and platform admins have it. Ask them, or read the events and logs with kubectl below if the cluster lets you.`;
    case 502:
    case 503:
    case 504:
      return 'The Paved backend is unavailable: is @paved/plugin-paved-backend installed and running?';
    default:
      break;
  }
  return `The Paved backend failed to read the evidence for ${ref} (HTTP ${status}).`;
}

/**
 * A failed evidence call. `statusCode` is the HTTP status (0 when the
 * backend could not be reached); `backendMessage` is the backend's own.
 * @public
 */
export class PavedEvidenceError extends Error {
  readonly name = 'PavedEvidenceError';
  constructor(
    message: string,
    readonly statusCode: number,
    readonly backendMessage?: string,
  ) {
    super(message);
  }
}

/** The route's query for a target. */
export function evidenceQuery(target: PavedEvidenceTarget): string {
  const params = new URLSearchParams({
    cluster: target.cluster,
    namespace: target.namespace,
  });
  if (target.kind === 'Pod') {
    params.set('pod', target.name);
    if (target.container) params.set('container', target.container);
  } else {
    params.set('workload', `${target.kind}/${target.name}`);
  }
  return params.toString();
}

/**
 * Calls Paved's evidence route with the Backstage fetch API (the user's
 * token) and the user's own token for the one cluster asked about, where
 * that cluster wants it.
 * @public
 */
export class PavedEvidenceClient implements PavedEvidenceApi {
  constructor(
    private readonly deps: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
      kubernetesAuthProvidersApi?: KubernetesAuthProvidersApi;
    },
  ) {}

  getEvidence(
    entity: CompoundEntityRef,
    target: PavedEvidenceTarget,
  ): Promise<PavedEvidenceResponse> {
    return getPavedJson<PavedEvidenceResponse>(
      this.deps,
      `/evidence/entity/${entityPath(entity)}?${evidenceQuery(target)}`,
      {
        clusters: [target.cluster],
        // Opening the drawer is asking for now, not for a moment ago.
        fresh: true,
        messageFor: (status, backendMessage) =>
          evidenceErrorMessage(status, entity, backendMessage),
        fail: (message, status, backendMessage) =>
          new PavedEvidenceError(message, status, backendMessage),
      },
    );
  }
}
