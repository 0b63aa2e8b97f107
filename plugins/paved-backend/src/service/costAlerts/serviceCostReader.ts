import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_TENANT } from '@paved/plugin-paved-common';
import { ClusterReadRequest } from '../clusters/ClusterReadRequest';
import { CostService } from '../cost/CostService';
import { CostReader } from './CostAlertEvaluator';

// `CATALOG_FILTER_EXISTS` of @backstage/catalog-client (a registered symbol),
// without depending on the client for one constant.
const EXISTS = Symbol.for(
  'CATALOG_FILTER_EXISTS_0e15b590c0b343a2bae3e787e84c2111',
);

/** What the alert evaluation says it is in logs and caches. */
export const COST_ALERTS_ACTOR = 'plugin:paved/cost-alerts';

/**
 * Cost without a user: the scheduled evaluation reads as Paved's own service
 * identity (`auth.getOwnServiceCredentials()`). The catalog and the
 * Kubernetes backend's cluster list are asked as that service, and, as for
 * every Paved read, OpenCost is reached through the Kubernetes backend's
 * proxy with the cluster's configured service-account auth. No user's
 * cluster token exists here, so clusters whose auth is the user's own
 * (OIDC) answer nothing and their tenants' alerts stay undecided. None of
 * this goes through a route: the per-user route permissions are unchanged,
 * and what the evaluation finds reaches people only as notifications to the
 * entity's owner.
 */
export function serviceCostReader(deps: {
  auth: AuthService;
  catalog: CatalogService;
  cost: CostService;
}): CostReader {
  const credentials = async (): Promise<ClusterReadRequest['credentials']> => {
    const own = await deps.auth.getOwnServiceCredentials();
    // The cost service is typed for users: its answer cache keys on
    // `principal.userEntityRef`. The service principal gets a name there;
    // the auth service only looks at `principal.type` ('service').
    return {
      ...own,
      principal: { ...own.principal, userEntityRef: COST_ALERTS_ACTOR },
    } as unknown as ClusterReadRequest['credentials'];
  };
  return {
    async tenants(): Promise<Entity[]> {
      const { items } = await deps.catalog.getEntities(
        { filter: { [`metadata.annotations.${ANNOTATION_TENANT}`]: EXISTS } },
        { credentials: await deps.auth.getOwnServiceCredentials() },
      );
      return items;
    },
    async entityCost(entity, zone) {
      return deps.cost.entityCost(
        getCompoundEntityRef(entity),
        { window: 'last30d', tz: zone },
        { credentials: await credentials(), clusterAuthHeaders: {} },
      );
    },
  };
}
