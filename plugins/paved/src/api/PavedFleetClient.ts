import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import type { FleetResponse } from '@paved/plugin-paved-common';
import { getPavedJson, PavedReadOptions } from './pavedBackendFetch';

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

/** The message for a status, in the user's terms. */
export function fleetErrorMessage(status: number): string {
  switch (status) {
    case 401:
      return 'You are not signed in, or your session expired: sign in again.';
    case 403:
      return 'You are not allowed to see the fleet (permission paved.fleet.read, and kubernetes.clusters.read to list clusters).';
    case 502:
    case 503:
    case 504:
      return 'The Paved backend is unavailable, or could not list clusters from the Kubernetes backend: is @paved/plugin-paved-backend installed and running?';
    default:
      return `The Paved backend failed to read the fleet (HTTP ${status}).`;
  }
}

/**
 * A failed fleet call. `statusCode` is the HTTP status (0 when the backend
 * could not be reached at all).
 *
 * @public
 */
export class PavedFleetError extends Error {
  readonly name = 'PavedFleetError';
  constructor(
    message: string,
    readonly statusCode: number,
    readonly backendMessage?: string,
  ) {
    super(message);
  }
}

/**
 * Calls `/api/paved/fleet` with the Backstage fetch API (the user's token)
 * and every cluster's user auth headers, as the health client does.
 *
 * @public
 */
export class PavedFleetClient implements PavedFleetApi {
  constructor(
    private readonly deps: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
      kubernetesAuthProvidersApi?: KubernetesAuthProvidersApi;
    },
  ) {}

  getFleet(options?: PavedReadOptions): Promise<PavedFleetResponse> {
    return getPavedJson<PavedFleetResponse>(this.deps, '/fleet', {
      fresh: options?.fresh,
      messageFor: status => fleetErrorMessage(status),
      fail: (message, status, backendMessage) =>
        new PavedFleetError(message, status, backendMessage),
    });
  }
}
