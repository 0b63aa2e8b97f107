import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EvidenceKind,
  EvidenceResponse,
  pavedLogsReadPermission,
} from '@paved/plugin-paved-common';
import { entityPath, PavedBackendClient } from './pavedBackendFetch';
import {
  entityLabel,
  PavedCallTexts,
  pavedErrorMessage,
} from './pavedErrorMessage';

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

/** How an evidence call about an entity words its failures. */
function evidenceCallTexts(entity: CompoundEntityRef): PavedCallTexts {
  const ref = entityLabel(entity);
  // The backend names the parameter, cluster or Pod that is wrong.
  const notFound = `${ref} or the object was not found.`;
  return {
    task: `read the evidence for ${ref}`,
    forbidden: `You lack the permission ${pavedLogsReadPermission.name} on ${ref}: its owners and platform admins have it. Ask them, or read the events and logs with kubectl below if the cluster lets you.`,
    badRequest: notFound,
    notFound,
    backendSays: [400, 404],
  };
}

/** The message for a status, in the user's terms. @public */
export function evidenceErrorMessage(
  status: number,
  entity: CompoundEntityRef,
  backendMessage?: string,
): string {
  return pavedErrorMessage(status, evidenceCallTexts(entity), backendMessage);
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
export class PavedEvidenceClient
  extends PavedBackendClient
  implements PavedEvidenceApi
{
  getEvidence(
    entity: CompoundEntityRef,
    target: PavedEvidenceTarget,
  ): Promise<PavedEvidenceResponse> {
    return this.read(
      `/evidence/entity/${entityPath(entity)}?${evidenceQuery(target)}`,
      {
        clusters: [target.cluster],
        // Opening the drawer is asking for now, not for a moment ago.
        fresh: true,
        texts: evidenceCallTexts(entity),
      },
    );
  }
}
