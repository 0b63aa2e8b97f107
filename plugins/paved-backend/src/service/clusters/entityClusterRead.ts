import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityAsUser } from '../entityAsUser';
import { ClusterReadRequest } from './ClusterReadRequest';
import { ClusterAccess, clustersToRead } from './ClusterAccess';
import { ClusterReader } from './ClusterReader';
import { ClusterResult, fanOut } from './fanOut';

/** What every cluster read needs: the clusters, the catalog, the timeout and page size. */
export interface ClusterReadContext {
  access: ClusterAccess;
  catalog: CatalogService;
  /** `pageSize` unset: `DEFAULT_LIST_PAGE_SIZE` (ClusterReader.ts). */
  options: { clusterTimeoutMs: number; pageSize?: number };
}

/** The entity as the user sees it, what the feature reads of it, and the user's clusters. */
export interface EntityInClusters<S> {
  entity: Entity;
  scope: S;
  /** Every cluster the Kubernetes backend lists for the user. */
  known: string[];
}

/** {@link EntityInClusters} and each cluster's result of the feature's read. */
export interface EntityClusterRead<S, T> extends EntityInClusters<S> {
  results: ClusterResult<T>[];
}

/** A feature's part of {@link entityClusterRead}. */
export interface EntityClusterReadSpec<S, T> {
  /**
   * What of the entity the feature reads (its selection, tier, namespaces),
   * from its annotations; a bad annotation throws an `InputError`.
   */
  scope: (entity: Entity) => S;
  /**
   * The one cluster the scope pins, if any: then only it is read, and one the
   * user may not list is a 404 naming `via`. Without a pin, every cluster.
   */
  pin?: (scope: S) => string | undefined;
  /** Where the pin came from (an annotation, say), for the 404's message. */
  via?: string;
  /** Instead of `pin`: which of the user's clusters to read. */
  clusters?: (known: string[], scope: S) => readonly string[];
  /** One cluster's read, within the timeout (the reader carries its abort signal). */
  read: (reader: ClusterReader, opened: EntityInClusters<S>) => Promise<T>;
}

/**
 * The opening every entity route shares: the entity read as the user (404
 * when they may not see it), the feature's scope of it, and the clusters the
 * Kubernetes backend lists for the user. Asked in that order, so a bad ref
 * or annotation fails before any cluster is asked.
 */
export async function entityInClusters<S>(
  deps: Pick<ClusterReadContext, 'access' | 'catalog'>,
  ref: CompoundEntityRef,
  request: ClusterReadRequest,
  scopeOf: (entity: Entity) => S,
): Promise<EntityInClusters<S>> {
  const entity = await entityAsUser(deps.catalog, ref, request.credentials);
  const scope = scopeOf(entity);
  const known = await deps.access.listClusters(request);
  return { entity, scope, known };
}

/**
 * Reads `choose(known)` of the user's clusters at once, each within
 * `clusterTimeoutMs`: one result per cluster, data or error, never a
 * rejection. `choose` may throw (a 404 for a cluster the user may not list).
 */
export async function readClusters<T>(
  deps: Pick<ClusterReadContext, 'access' | 'options'>,
  request: ClusterReadRequest,
  choose: (known: string[]) => readonly string[],
  read: (reader: ClusterReader) => Promise<T>,
): Promise<{ known: string[]; results: ClusterResult<T>[] }> {
  const known = await deps.access.listClusters(request);
  const results = await fanOut(
    choose(known),
    deps.options.clusterTimeoutMs,
    request,
    (cluster, ctx) =>
      read(
        new ClusterReader(
          deps.access,
          cluster,
          known,
          ctx,
          deps.options.pageSize,
        ),
      ),
  );
  return { known, results };
}

/**
 * A feature's read of an entity across clusters: {@link entityInClusters},
 * then the clusters the scope asks for (its pin, else every one), read at
 * once with the timeout. The feature shapes the answer from what comes back.
 */
export async function entityClusterRead<S, T>(
  deps: ClusterReadContext,
  ref: CompoundEntityRef,
  request: ClusterReadRequest,
  spec: EntityClusterReadSpec<S, T>,
): Promise<EntityClusterRead<S, T>> {
  const opened = await entityInClusters(deps, ref, request, spec.scope);
  const { results } = await readClusters(
    deps,
    request,
    known =>
      spec.clusters
        ? spec.clusters(known, opened.scope)
        : clustersToRead(known, spec.pin?.(opened.scope), spec.via),
    reader => spec.read(reader, opened),
  );
  return { ...opened, results };
}
