import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  DriftResponse,
  pavedDriftReadPermission,
} from '@paved/plugin-paved-common';
import { PavedBackendClient, PavedEntityRead } from './pavedBackendFetch';
import { entityErrorMessage, PavedCallTexts } from './pavedErrorMessage';

/**
 * `GET /api/paved/drift/entity/:namespace/:kind/:name`: where a tenant's or
 * a cluster baseline's live objects differ from what Paved renders for
 * them, per cluster, with who changed each field.
 * @public
 */
export type PavedDriftResponse = DriftResponse;

/** Reads drift from Paved's backend plugin. @public */
export interface PavedDriftApi {
  getEntityDrift: PavedEntityRead<PavedDriftResponse>;
}

/** @public */
export const pavedDriftApiRef = createApiRef<PavedDriftApi>().with({
  id: 'plugin.paved.drift',
  pluginId: 'paved',
});

/** How a drift call about an entity (`ref`) words its failures. */
const driftCallTexts = (ref: string): PavedCallTexts => ({
  task: `compare ${ref} with what Paved renders`,
  forbidden: {
    action: 'read drift here',
    permission: pavedDriftReadPermission.name,
    holders: 'the owners and platform admins',
  },
  // The backend names the annotation or input to fix.
  badRequest: `Paved cannot read the annotations of ${ref}.`,
  backendSays: [400, 404],
});

/** The message for a status, in the user's terms. @public */
export const driftErrorMessage = entityErrorMessage(driftCallTexts);

/**
 * Calls Paved's drift route with the Backstage fetch API, so the signed-in
 * user's token goes along, plus their own cluster tokens where needed.
 * @public
 */
export class PavedDriftClient
  extends PavedBackendClient
  implements PavedDriftApi
{
  getEntityDrift: PavedDriftApi['getEntityDrift'] = (entity, options) =>
    this.readEntity('drift', entity, driftCallTexts, options);
}
