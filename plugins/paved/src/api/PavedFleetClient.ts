import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  FleetResponse,
  pavedFleetReadPermission,
} from '@paved/plugin-paved-common';
import { PavedBackendClient, PavedReadOptions } from './pavedBackendFetch';
import { pavedErrorMessage, PavedCallTexts } from './pavedErrorMessage';

/** `GET /api/paved/fleet`: one row per cluster, worst first. @public */
export type PavedFleetResponse = FleetResponse;

/** Reads the fleet page from Paved's backend plugin. @public */
export interface PavedFleetApi {
  /** Every cluster the Kubernetes backend lists for the user, worst first. */
  getFleet(options?: PavedReadOptions): Promise<PavedFleetResponse>;
}

/** @public */
export const pavedFleetApiRef = createApiRef<PavedFleetApi>().with({
  id: 'plugin.paved.fleet',
  pluginId: 'paved',
});

/** How the fleet call words its failures. */
const FLEET_CALL_TEXTS: PavedCallTexts = {
  task: 'read the fleet',
  forbidden: {
    action: 'see the fleet',
    permission: pavedFleetReadPermission.name,
  },
  unavailable:
    'The Paved backend is unavailable, or could not list clusters from the Kubernetes backend: is @paved/plugin-paved-backend installed and running?',
};

/** The message for a status, in the user's terms. @public */
export function fleetErrorMessage(status: number): string {
  return pavedErrorMessage(status, FLEET_CALL_TEXTS);
}

/**
 * Calls `/api/paved/fleet` with the Backstage fetch API (the user's token)
 * and every cluster's user auth headers, as the health client does.
 *
 * @public
 */
export class PavedFleetClient
  extends PavedBackendClient
  implements PavedFleetApi
{
  getFleet(options?: PavedReadOptions): Promise<PavedFleetResponse> {
    return this.read('/fleet', { ...options, texts: FLEET_CALL_TEXTS });
  }
}
