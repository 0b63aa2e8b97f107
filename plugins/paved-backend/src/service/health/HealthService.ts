import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterHealthResponse,
  ComponentHealthResponse,
  createClusterHealthAccumulator,
  createComponentHealthAccumulator,
  createSchedulingLatencyAccumulator,
  withSchedulingLatency,
} from '@paved/plugin-paved-common';
import { assertKnownCluster, ClusterAccess } from '../clusters/ClusterAccess';
import {
  COMPONENT_WORKLOAD_KINDS,
  componentSelection,
} from './componentSelection';
import { fanOut } from '../clusters/fanOut';
import { HealthServiceOptions } from '../clusters/options';
import { listPath } from '../clusters/paths';
import { readComponentPods } from './podTableRead';
import { ResultCache } from '../clusters/ResultCache';
import { entityAsUser } from '../entityAsUser';

/** Who is asking, and the cluster credentials their request carried. */
export interface HealthRequest {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  clusterAuthHeaders: Record<string, string>;
}

export type { ClusterHealthResponse, ComponentHealthResponse };

/** Computes health summaries from live clusters, as the requesting user. */
export class HealthService {
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

  componentHealth(
    ref: CompoundEntityRef,
    request: HealthRequest,
  ): Promise<ComponentHealthResponse> {
    return this.cache.forUser(
      request,
      `entity:${stringifyEntityRef(ref)}`,
      () => this.computeComponentHealth(ref, request),
    );
  }

  clusterHealth(
    name: string,
    request: HealthRequest,
  ): Promise<ClusterHealthResponse> {
    return this.cache.forUser(request, `cluster:${name}`, () =>
      this.computeClusterHealth(name, request),
    );
  }

  private async computeComponentHealth(
    ref: CompoundEntityRef,
    request: HealthRequest,
  ): Promise<ComponentHealthResponse> {
    const { access, catalog, options } = this.deps;
    const entity = await entityAsUser(catalog, ref, request.credentials);
    const selection = componentSelection(entity);
    const known = await access.listClusters(request);
    const clusters = selection.cluster
      ? known.filter(c => c === selection.cluster)
      : known;

    const results = await fanOut(
      clusters,
      options.clusterTimeoutMs,
      request,
      async (cluster, ctx) => {
        // Also measures M3 on the Pods read in full (schedulingLatency.ts).
        const acc = withSchedulingLatency(createComponentHealthAccumulator());
        await Promise.all([
          // Pods are most of the bytes: Table rows first, full objects only
          // for the Pods that are not plainly healthy.
          readComponentPods({
            access,
            cluster,
            knownClusters: known,
            namespace: selection.namespace,
            labelSelector: selection.labelSelector,
            pageSize: options.pageSize,
            inspectLimit: options.inspectLimit,
            ctx,
            acc,
          }),
          ...COMPONENT_WORKLOAD_KINDS.map(k =>
            access.list(
              cluster,
              known,
              listPath(k.group, k.version, k.plural, selection.namespace),
              { labelSelector: selection.labelSelector },
              options.pageSize,
              item => acc.add(item),
              ctx,
            ),
          ),
        ]);
        return acc.result();
      },
    );
    return {
      entityRef: stringifyEntityRef(entity),
      labelSelector: selection.labelSelector,
      ...(selection.namespace ? { namespace: selection.namespace } : {}),
      clusters: results,
    };
  }

  private async computeClusterHealth(
    name: string,
    request: HealthRequest,
  ): Promise<ClusterHealthResponse> {
    const { access, options } = this.deps;
    const known = await access.listClusters(request);
    assertKnownCluster(name, known);
    const [cluster] = await fanOut(
      [name],
      options.clusterTimeoutMs,
      request,
      async (_cluster, ctx) => {
        const version = await access.get(name, known, '/version', ctx);
        const acc = createClusterHealthAccumulator({
          controlPlaneVersion: version?.gitVersion,
        });
        const scheduling = createSchedulingLatencyAccumulator();
        const list = (
          path: string,
          query: Record<string, string>,
          onItem: (item: any) => void,
        ) =>
          access.list(name, known, path, query, options.pageSize, onItem, ctx);
        await Promise.all([
          list('/api/v1/nodes', {}, n => acc.addNode(n)),
          list('/api/v1/pods', {}, p => {
            acc.addPod(p);
            scheduling.add(p);
          }),
          // Only Warning events travel; Normal ones are most of the volume.
          list('/api/v1/events', { fieldSelector: 'type=Warning' }, e =>
            acc.addEvent(e),
          ),
        ]);
        const schedulingLatency = scheduling.result();
        return {
          ...acc.result(),
          ...(schedulingLatency ? { schedulingLatency } : {}),
        };
      },
    );
    return { cluster };
  }
}
