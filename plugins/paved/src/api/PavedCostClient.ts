import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  CostResponse,
  CostWindowKind,
  pavedCostReadPermission,
} from '@paved/plugin-paved-common';
import {
  entityPath,
  PavedBackendClient,
  PavedReadOptions,
} from './pavedBackendFetch';
import {
  entityLabel,
  PavedCallTexts,
  pavedErrorMessage,
} from './pavedErrorMessage';

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

/** How a cost call about `what` words its failures. */
const costCallTexts = (what: string): PavedCallTexts => ({
  task: `read the cost of ${what}`,
  forbidden: { action: 'read cost', permission: pavedCostReadPermission.name },
  badRequest: `The request for the cost of ${what} was refused.`,
  notFound: `${what} was not found, or you cannot see it.`,
  backendSays: [400],
});

/** The message for a status, in the user's terms. @public */
export function costErrorMessage(
  status: number,
  what: string,
  backendMessage?: string,
): string {
  return pavedErrorMessage(status, costCallTexts(what), backendMessage);
}

/**
 * Calls `/api/paved/cost/...` with the Backstage fetch API (the user's
 * token) and, for clusters that authenticate with the user's own token, the
 * `Backstage-Kubernetes-Authorization-*` headers.
 *
 * @public
 */
export class PavedCostClient
  extends PavedBackendClient
  implements PavedCostApi
{
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
      entityLabel(entity),
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

  private get(
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
    return this.read(`${path}?${query}`, {
      fresh: options?.fresh,
      texts: costCallTexts(what),
    });
  }
}
