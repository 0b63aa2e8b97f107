import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { assertKnownCluster, ClusterAccess } from './ClusterAccess';
import { ClusterReader } from './ClusterReader';
import { ClusterReadRequest } from './ClusterReadRequest';
import {
  EntityClusterRead,
  entityClusterRead,
  EntityClusterReadSpec,
  readClusters,
} from './entityClusterRead';
import { ClusterResult } from './fanOut';
import { ClusterReadOptions } from './options';
import { ResultCache } from './ResultCache';

/**
 * What every cluster-reading service is configured with: `paved.clusterAccess`
 * ({@link ClusterReadOptions}), or a feature's own timeout and cache (cost's).
 */
export type ClusterReadSettings = Pick<
  ClusterReadOptions,
  'clusterTimeoutMs' | 'cacheTtlMs'
> &
  Partial<Pick<ClusterReadOptions, 'pageSize'>>;

/** What a cluster-reading service is built from (plugin.ts gives each its own). */
export interface ClusterReadDeps<
  O extends ClusterReadSettings = ClusterReadOptions,
> {
  access: ClusterAccess;
  catalog: CatalogService;
  logger: LoggerService;
  options: O;
}

/**
 * The base of a feature service that reads clusters for a user: a per-user
 * answer cache (`options.cacheTtlMs`) and the shared opening (entity as the
 * user, scope, cluster list, fan-out with `options.clusterTimeoutMs`). A
 * feature adds its scope, its per-cluster read and its response's shape.
 */
export abstract class ClusterReadService<
  D extends ClusterReadDeps<ClusterReadSettings> = ClusterReadDeps,
> {
  private readonly cache: ResultCache;

  constructor(protected readonly deps: D) {
    this.cache = new ResultCache(deps.options.cacheTtlMs);
  }

  /**
   * `compute`'s answer for this user, route and cluster credentials, reused
   * for `cacheTtlMs`; `keep` may refuse to keep an answer (a passing failure).
   */
  protected cached<R>(
    request: ClusterReadRequest,
    route: string,
    compute: () => Promise<R>,
    options: { keep?: (answer: R) => boolean } = {},
  ): Promise<R> {
    return this.cache.forUser(request, route, compute, options);
  }

  /**
   * An entity's read across clusters, cached under `route:<entity ref>`:
   * {@link entityClusterRead} with `spec`, then `shape` makes the response.
   */
  protected entityRead<S, T, R>(
    route: string,
    ref: CompoundEntityRef,
    request: ClusterReadRequest,
    spec: EntityClusterReadSpec<S, T>,
    shape: (read: EntityClusterRead<S, T>) => R,
  ): Promise<R> {
    return this.cached(
      request,
      `${route}:${stringifyEntityRef(ref)}`,
      async () => shape(await entityClusterRead(this.deps, ref, request, spec)),
    );
  }

  /**
   * One named cluster's read, with the same timeout and abort as a fan-out:
   * a 404 when the user may not list it, else its result (data or error).
   */
  protected async readCluster<T>(
    request: ClusterReadRequest,
    cluster: string,
    read: (reader: ClusterReader) => Promise<T>,
  ): Promise<ClusterResult<T>> {
    const { results } = await this.readClusters(
      request,
      known => {
        assertKnownCluster(cluster, known);
        return [cluster];
      },
      read,
    );
    return results[0];
  }

  /** Some of the user's clusters, read at once with the timeout (see `readClusters`). */
  protected readClusters<T>(
    request: ClusterReadRequest,
    choose: (known: string[]) => readonly string[],
    read: (reader: ClusterReader) => Promise<T>,
  ): Promise<{ known: string[]; results: ClusterResult<T>[] }> {
    return readClusters(this.deps, request, choose, read);
  }
}
