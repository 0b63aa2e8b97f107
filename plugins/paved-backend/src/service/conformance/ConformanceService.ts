import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ConformanceSummary,
  createConformanceAccumulator,
  TierNumber,
} from '@paved/plugin-paved-common';
import {
  clustersToRead,
  CallContext,
  ClusterAccess,
} from '../clusters/ClusterAccess';
import { conformanceScope, ConformanceScope } from './conformanceScope';
import { ClusterRequestError } from '../clusters/errors';
import { ClusterResult, fanOut } from '../clusters/fanOut';
import { HealthRequest } from '../health/HealthService';
import { HealthServiceOptions } from '../clusters/options';
import { listPath } from '../clusters/paths';
import { ResultCache } from '../clusters/ResultCache';
import { entityAsUser } from '../entityAsUser';

/**
 * Kinds listed before Pods: the accumulator must know the workloads to tell
 * which Pods their templates already cover. Never Secrets.
 */
export const CONFORMANCE_KINDS_BEFORE_PODS = [
  { group: 'apps', version: 'v1', plural: 'deployments' },
  { group: 'apps', version: 'v1', plural: 'statefulsets' },
  { group: 'apps', version: 'v1', plural: 'daemonsets' },
  { group: '', version: 'v1', plural: 'resourcequotas' },
  { group: '', version: 'v1', plural: 'limitranges' },
  { group: 'networking.k8s.io', version: 'v1', plural: 'networkpolicies' },
  { group: 'policy', version: 'v1', plural: 'poddisruptionbudgets' },
] as const;

/**
 * One cluster's conformance. `ClusterResult` keeps the field name `health`
 * so that every Paved route shares one per-cluster shape.
 * @public
 */
export type ClusterConformanceResult = ClusterResult<ConformanceSummary>;

/** @public */
export interface ConformanceResponse {
  entityRef: string;
  tier: TierNumber;
  scope: 'tenant' | 'cluster';
  /** The tenant's namespaces, as the entity declares them. */
  namespaces?: string[];
  clusters: ClusterConformanceResult[];
}

/** Checks live objects against the entity's tier, as the requesting user. */
export class ConformanceService {
  private readonly cache: ResultCache;

  constructor(
    private readonly deps: {
      access: ClusterAccess;
      catalog: CatalogService;
      logger: LoggerService;
      options: HealthServiceOptions;
    },
  ) {
    this.cache = new ResultCache(deps.options.cacheTtlMs);
  }

  entityConformance(
    ref: CompoundEntityRef,
    request: HealthRequest,
  ): Promise<ConformanceResponse> {
    return this.cache.forUser(
      request,
      `conformance:${stringifyEntityRef(ref)}`,
      () => this.compute(ref, request),
    );
  }

  private async compute(
    ref: CompoundEntityRef,
    request: HealthRequest,
  ): Promise<ConformanceResponse> {
    const { access, catalog, options } = this.deps;
    const entity = await entityAsUser(catalog, ref, request.credentials);
    const scope = conformanceScope(entity);
    const known = await access.listClusters(request);
    const clusters = clustersToRead(known, scope.cluster);
    const results = await fanOut(
      clusters,
      options.clusterTimeoutMs,
      request,
      (cluster, ctx) => this.clusterConformance(cluster, known, scope, ctx),
    );
    return {
      entityRef: stringifyEntityRef(entity),
      tier: scope.tier,
      scope: scope.scope,
      ...(scope.namespaces ? { namespaces: scope.namespaces } : {}),
      clusters: results,
    };
  }

  private async clusterConformance(
    cluster: string,
    known: string[],
    scope: ConformanceScope,
    ctx: CallContext,
  ): Promise<ConformanceSummary> {
    const { access, options } = this.deps;
    const acc = createConformanceAccumulator({
      tier: scope.tier,
      ...(scope.namespaces ? { namespaces: scope.namespaces } : {}),
    });
    const list = (
      path: string,
      onItem: (item: any) => void = item => acc.add(item),
    ) => access.list(cluster, known, path, {}, options.pageSize, onItem, ctx);

    // A tenant's namespaces one by one; a cluster's, cluster-wide lists.
    const namespaces: (string | undefined)[] = scope.namespaces ?? [undefined];
    const found: (string | undefined)[] = [];
    await Promise.all(
      namespaces.map(async ns => {
        if (ns === undefined) {
          await list('/api/v1/namespaces');
          found.push(undefined);
          return;
        }
        try {
          acc.add(
            await access.get(
              cluster,
              known,
              `/api/v1/namespaces/${encodeURIComponent(ns)}`,
              ctx,
            ),
          );
          found.push(ns);
        } catch (error) {
          // Absent here: reported as missing, and nothing more to read.
          if (
            !(error instanceof ClusterRequestError && error.statusCode === 404)
          ) {
            throw error;
          }
        }
      }),
    );
    await Promise.all(
      found.flatMap(ns =>
        CONFORMANCE_KINDS_BEFORE_PODS.map(k =>
          list(listPath(k.group, k.version, k.plural, ns)),
        ),
      ),
    );
    await Promise.all(found.map(ns => list(listPath('', 'v1', 'pods', ns))));
    return acc.result();
  }
}
