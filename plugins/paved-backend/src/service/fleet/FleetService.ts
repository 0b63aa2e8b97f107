import {
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  ClusterHealthResponse,
  clusterEntityRef,
  FleetClusterInfo,
  FleetConformance,
  FleetCost,
  fleetClusterInfo,
  FleetResponse,
  FleetRow,
  fleetRowOf,
  pavedCostReadPermission,
  pavedHealthReadPermission,
  sortFleetRows,
} from '@paved/plugin-paved-common';
import { ClusterAccess } from '../clusters/ClusterAccess';
import { toClusterError } from '../clusters/errors';
import { withTimeout } from '../clusters/withTimeout';
import { ClusterReadOptions } from '../clusters/options';
import { limiter } from '../clusters/limiter';
import { ConformanceService } from '../conformance/ConformanceService';
import { CostService } from '../cost/CostService';
import { ClusterReadRequest } from '../clusters/ClusterReadRequest';
import { HealthService } from '../health/HealthService';
import { listPath } from '../clusters/paths';
import { SharedLists } from './SharedLists';
import { CompletedCache } from './CompletedCache';
import { ResultCache } from '../clusters/ResultCache';

/** The cluster-wide Pod list, as health and a cluster's conformance read it. */
const POD_LIST = listPath('', 'v1', 'pods');

/** The user's request, with the reads its services share. */
type FleetRequest = ClusterReadRequest & { sharedLists: SharedLists };

/**
 * Past the per-cluster timeout each service keeps itself, a row waits this
 * much longer at most; then it shows a timeout of its own.
 */
const ROW_GRACE_MS = 1000;

/**
 * Cluster rows read at once (see `fleet`). Each row's Pod pages are parsed
 * on the one event loop, so more rows at once do not finish sooner; they
 * only hold more pages: on the fleet benchmark eight rows peaked at about
 * +400 MB heap and four at +125 to +180 MB, with the same backend CPU.
 */
const ROWS_AT_ONCE = 4;

/** A part of a row that hangs anywhere (even before its cluster is asked) times out on its own. */
const within = <T>(ms: number, what: string, work: Promise<T>) =>
  withTimeout(work, ms, `${what} did not answer within ${ms} ms`);

/**
 * The fleet page: one row per cluster the Kubernetes backend lists for the
 * user, composed from the health, conformance and cost services so each
 * column means what it means on the cluster's own page.
 */
export class FleetService {
  constructor(
    private readonly deps: {
      access: ClusterAccess;
      catalog: CatalogService;
      permissions: PermissionsService;
      health: HealthService;
      conformance: ConformanceService;
      cost: CostService;
      logger: LoggerService;
      options: ClusterReadOptions;
    },
  ) {
    this.answers = new CompletedCache(deps.options.cacheTtlMs);
  }

  /** Whole answers per user; see CompletedCache. */
  private readonly answers: CompletedCache<FleetResponse>;

  async fleet(asked: ClusterReadRequest): Promise<FleetResponse> {
    const { access, catalog, permissions } = this.deps;
    // One object for the whole request: the services share its cluster list
    // and the Pod lists announced below.
    const sharedLists = new SharedLists(
      this.deps.options.clusterTimeoutMs + ROW_GRACE_MS,
    );
    const request: FleetRequest = { ...asked, sharedLists };
    const clusters = await access.listClusters(request);
    if (clusters.length === 0) return { clusters: [] };
    const refs = clusters.map(clusterEntityRef);

    // Per cluster, the same decisions its own cards get: health for the row,
    // cost for the cost column.
    const decide = async (permission: ResourcePermission<'catalog-entity'>) =>
      (
        await permissions.authorize(
          refs.map(resourceRef => ({ permission, resourceRef })),
          { credentials: request.credentials },
        )
      ).map(d => d.result === AuthorizeResult.ALLOW);
    const [healthAllowed, costAllowed, { items: entities }] = await Promise.all(
      [
        decide(pavedHealthReadPermission),
        decide(pavedCostReadPermission),
        catalog.getEntitiesByRefs(
          { entityRefs: refs, fields: ['kind', 'metadata', 'spec'] },
          { credentials: request.credentials },
        ),
      ],
    );

    // A bounded number of rows at once: fifty clusters read together all
    // compete for one backend and every one of them times out; read a few at
    // a time, each gets its timeout for itself and a hanging one holds one slot.
    const infos = clusters.map((cluster, i) =>
      fleetClusterInfo(cluster, entities[i] ?? undefined),
    );
    // Everything that decides what the user may see is asked afresh above,
    // and is part of the key: only the clusters' own data is reused.
    const key = ResultCache.key([
      request.credentials.principal.userEntityRef,
      request.clusterAuthHeaders,
      JSON.stringify([clusters, infos, healthAllowed, costAllowed]),
    ]);
    return this.answers.get(key, () =>
      this.rows(clusters, infos, healthAllowed, costAllowed, request),
    );
  }

  private async rows(
    clusters: string[],
    infos: FleetClusterInfo[],
    healthAllowed: boolean[],
    costAllowed: boolean[],
    request: FleetRequest,
  ): Promise<FleetResponse> {
    const slot = limiter(ROWS_AT_ONCE);
    const rows = await Promise.all(
      clusters.map((cluster, i) =>
        slot(() =>
          this.row(
            cluster,
            infos[i],
            healthAllowed[i],
            costAllowed[i],
            request,
          ),
        ),
      ),
    );
    return { clusters: sortFleetRows(rows) };
  }

  private async row(
    cluster: string,
    info: FleetClusterInfo,
    healthAllowed: boolean,
    costAllowed: boolean,
    request: FleetRequest,
  ): Promise<FleetRow> {
    if (!healthAllowed) {
      return fleetRowOf(info, {
        cluster,
        ok: false,
        error: {
          name: 'NotAllowedError',
          message: `Missing permission ${pavedHealthReadPermission.name} on ${info.entityRef}`,
          statusCode: 403,
        },
      });
    }
    const limit = this.deps.options.clusterTimeoutMs + ROW_GRACE_MS;
    const checksConformance = Boolean(info.tier && info.inCatalog);
    if (checksConformance) {
      // Health and conformance both list every Pod: one read for the two.
      request.sharedLists.share(cluster, POD_LIST, {}, 2);
    }
    const [health, conformance, cost] = await Promise.all([
      within(
        limit,
        `Cluster '${cluster}'`,
        this.deps.health.clusterHealth(cluster, request),
      ).then(
        (r: ClusterHealthResponse) => r.cluster,
        error => ({
          cluster,
          ok: false as const,
          error: toClusterError(error),
        }),
      ),
      checksConformance
        ? this.conformanceOf(cluster, info, request, limit)
        : undefined,
      costAllowed ? this.costOf(cluster, request, limit) : undefined,
    ]);
    return {
      ...fleetRowOf(info, health),
      ...(conformance ? { conformance } : {}),
      ...(cost ? { cost } : {}),
    };
  }

  private async conformanceOf(
    cluster: string,
    info: FleetClusterInfo,
    request: ClusterReadRequest,
    limit: number,
  ): Promise<FleetConformance> {
    try {
      const response = await within(
        limit,
        `Conformance of '${cluster}'`,
        this.deps.conformance.entityConformance(
          parseEntityRef(info.entityRef),
          request,
        ),
      );
      const result = response.clusters.find(c => c.cluster === cluster);
      if (!result) {
        return { ok: false, message: `No conformance answer for '${cluster}'` };
      }
      if (!result.ok) return { ok: false, message: result.error.message };
      return {
        ok: true,
        tier: result.data.tier,
        score: result.data.score,
        failed: result.data.failed,
      };
    } catch (error) {
      return { ok: false, message: toClusterError(error).message };
    }
  }

  private async costOf(
    cluster: string,
    request: ClusterReadRequest,
    limit: number,
  ): Promise<FleetCost> {
    try {
      const response = await within(
        limit,
        `OpenCost of '${cluster}'`,
        this.deps.cost.clusterCost(cluster, { window: 'mtd' }, request),
      );
      const [result] = response.clusters;
      if (result && !result.ok) {
        return {
          ok: false,
          message: result.error.message,
          problem: result.error.problem,
        };
      }
      return {
        ok: true,
        monthToDate: response.total?.costs.total ?? null,
        currency: response.currency,
      };
    } catch (error) {
      return { ok: false, message: toClusterError(error).message };
    }
  }
}
