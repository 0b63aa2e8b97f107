import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import type { CostResponse, CostWindowKind } from '@paved/plugin-paved-common';
import {
  entityPath,
  getPavedJson,
  PavedReadOptions,
} from './pavedBackendFetch';

/**
 * A read of cost: `range` sends the window as explicit instants (the card
 * works them out in the user's zone), `compare` adds the previous period.
 *
 * @public
 */
export type PavedCostReadOptions = PavedReadOptions & {
  range?: { start: string; end: string };
  compare?: 'previous';
};

/** Reads cost from Paved's backend plugin (OpenCost per cluster). @public */
export interface PavedCostApi {
  /** An entity's cost over a window, dates in the given IANA zone. */
  getEntityCost(
    entity: CompoundEntityRef,
    window: CostWindowKind,
    zone: string,
    options?: PavedCostReadOptions,
  ): Promise<CostResponse>;
  /** A cluster's total cost, by its name in the Kubernetes backend. */
  getClusterCost(
    name: string,
    window: CostWindowKind,
    zone: string,
    options?: PavedCostReadOptions,
  ): Promise<CostResponse>;
}

/** @public */
export const pavedCostApiRef = createApiRef<PavedCostApi>().with({
  id: 'plugin.paved.cost',
  pluginId: 'paved',
});

/**
 * A failed cost call: `statusCode` is the HTTP status (0: the backend could
 * not be reached), `backendMessage` the backend's own words.
 *
 * @public
 */
export class PavedCostError extends Error {
  readonly name = 'PavedCostError';
  constructor(
    message: string,
    readonly statusCode: number,
    readonly backendMessage?: string,
  ) {
    super(message);
  }
}

/** The message for a status, in the user's terms. */
export function costErrorMessage(
  status: number,
  what: string,
  backendMessage?: string,
): string {
  switch (status) {
    case 400:
      return (
        backendMessage ?? `The request for the cost of ${what} was refused.`
      );
    case 401:
      return 'You are not signed in, or your session expired: sign in again.';
    case 403:
      return 'You are not allowed to read cost (permission paved.cost.read, and kubernetes.clusters.read to list clusters).';
    case 404:
      return `${what} was not found, or you cannot see it.`;
    case 502:
    case 503:
    case 504:
      return 'The Paved backend is unavailable: is @paved/plugin-paved-backend installed and running?';
    default:
      return `The Paved backend failed to read the cost of ${what} (HTTP ${status}).`;
  }
}

/**
 * Calls `/api/paved/cost/...` with the Backstage fetch API (the user's
 * token) and, for clusters that authenticate with the user's own token, the
 * `Backstage-Kubernetes-Authorization-*` headers.
 *
 * @public
 */
export class PavedCostClient implements PavedCostApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
      kubernetesAuthProvidersApi?: KubernetesAuthProvidersApi;
    },
  ) {}

  getEntityCost(
    entity: CompoundEntityRef,
    window: CostWindowKind,
    zone: string,
    options?: PavedCostReadOptions,
  ): Promise<CostResponse> {
    return this.get(
      `/cost/entity/${entityPath(entity)}`,
      window,
      zone,
      `${entity.kind}:${entity.namespace}/${entity.name}`,
      options,
    );
  }

  getClusterCost(
    name: string,
    window: CostWindowKind,
    zone: string,
    options?: PavedCostReadOptions,
  ): Promise<CostResponse> {
    return this.get(
      `/cost/cluster/${encodeURIComponent(name)}`,
      window,
      zone,
      `cluster '${name}'`,
      options,
    );
  }

  private async get(
    path: string,
    window: CostWindowKind,
    zone: string,
    what: string,
    options?: PavedCostReadOptions,
  ): Promise<CostResponse> {
    const query = new URLSearchParams({ window, tz: zone });
    if (options?.range) {
      query.set('start', options.range.start);
      query.set('end', options.range.end);
    }
    if (options?.compare) query.set('compare', options.compare);
    return getPavedJson<CostResponse>(this.options, `${path}?${query}`, {
      fresh: options?.fresh,
      messageFor: (status, backendMessage) =>
        costErrorMessage(status, what, backendMessage),
      fail: (message, status, backendMessage) =>
        new PavedCostError(message, status, backendMessage),
    });
  }
}
