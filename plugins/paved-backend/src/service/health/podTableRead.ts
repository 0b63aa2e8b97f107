import {
  ComponentHealthAccumulator,
  PodRowVerdict,
  podRowVerdict,
  podTableColumns,
} from '@paved/plugin-paved-common';
import { CallContext, ClusterAccess } from '../clusters/ClusterAccess';
import { ClusterRequestError } from '../clusters/errors';
import { listPath } from '../clusters/paths';

/** A server-side Table, as kubectl asks for it; every kube-apiserver serves it for Pods. */
export const POD_TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io';

/** Table rows per page, in page sizes, when rows carry no object. */
const TABLE_PAGE_FACTOR = 4;

/** Full Pods fetched at once per cluster: enough to overlap the proxy's latency, few enough to stay polite. */
const FULL_FETCH_CONCURRENCY = 6;

/** How the Pods of one cluster were read, for tests and the benchmark. */
export interface PodReadStats {
  /** `table`: two-phase; `full`: the Table was refused and every Pod came in full. */
  mode: 'table' | 'full';
  /** Pods counted from their Table row alone. */
  fromRows: number;
  /** Pods fetched one by one because their row was not plainly healthy. */
  fetchedOneByOne: number;
  /** Pages listed as full objects (Table refused, or too many unhealthy rows). */
  fullPages: number;
}

export interface ReadComponentPodsOptions {
  access: ClusterAccess;
  cluster: string;
  knownClusters: readonly string[];
  namespace?: string;
  labelSelector: string;
  pageSize: number;
  ctx: CallContext;
  acc: ComponentHealthAccumulator;
  /**
   * Above this many unhealthy rows in one Table page, one-by-one fetches
   * cost more than listing in full: that page and the rest are listed in
   * full. Default 1% of the Table page (5 of the first 500 rows, then 20
   * of 2,000): each fetch is a round trip through the Kubernetes backend's
   * proxy, which costs about what a hundred Pods in a full list cost
   * (measured on the benchmark).
   */
  maxOneByOnePerPage?: number;
}

async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return out;
}

const isTableRefusal = (error: unknown) =>
  error instanceof ClusterRequestError &&
  (error.statusCode === 406 || error.statusCode === 415);

/**
 * Feeds a component's Pods in one cluster to the accumulator in two phases:
 * the Pods are listed as a server-side Table (about a hundred bytes a Pod
 * instead of several kilobytes), rows that are plainly healthy (see
 * `podRowVerdict`) are counted from the row, and only the others are
 * fetched in full, one by one. The summary is the one the full list gives:
 * a healthy row adds exactly what its object would, and unhealthy Pods reach
 * the accumulator in list order.
 *
 * One-by-one fetches are round trips through the Kubernetes backend's
 * proxy, so a Table page with more unhealthy rows than `maxOneByOnePerPage`
 * ends the two-phase read: from that page's `continue` token on (the same
 * snapshot, so no Pod is lost or counted twice) the Pods are listed in full,
 * as they were before. Clusters or proxies that refuse the Table get the
 * full list from the start.
 */
export async function readComponentPods(
  options: ReadComponentPodsOptions,
): Promise<PodReadStats> {
  const { access, cluster, knownClusters, ctx, acc, pageSize } = options;
  // With a namespace the Name column is enough to address a Pod; across
  // namespaces the rows need their metadata (a real apiserver's includes
  // managedFields, so None is much smaller when it will do). Rows without
  // objects are small enough to list four pages' worth at once, which saves
  // round trips and still holds less than one page of full Pods; the first
  // Table page is a normal page, so a component with many unhealthy Pods
  // wastes little before falling back to full lists.
  const includeObject = options.namespace ? 'None' : 'Metadata';
  const tableLimit = options.namespace
    ? pageSize * TABLE_PAGE_FACTOR
    : pageSize;
  const maxOneByOne = (limit: number) =>
    options.maxOneByOnePerPage ?? Math.max(1, Math.floor(limit / 100));
  const path = listPath('', 'v1', 'pods', options.namespace);
  const stats: PodReadStats = {
    mode: 'table',
    fromRows: 0,
    fetchedOneByOne: 0,
    fullPages: 0,
  };
  const get = (apiPath: string, accept?: string) =>
    access.get(cluster, knownClusters, apiPath, ctx, { accept });
  const pagePath = (
    token: string | undefined,
    limit: number,
    extra: Record<string, string> = {},
  ) =>
    `${path}?${new URLSearchParams({
      labelSelector: options.labelSelector,
      limit: String(limit),
      ...(token ? { continue: token } : {}),
      ...extra,
    })}`;

  /** The rest of the list in full, page by page, from `token` on. */
  const fullFrom = async (start: string | undefined) => {
    let token = start;
    do {
      stats.fullPages += 1;
      const page = await get(pagePath(token, pageSize));
      for (const item of Array.isArray(page?.items) ? page.items : []) {
        acc.add(item.kind ? item : { ...item, kind: 'Pod' });
      }
      token = (page?.metadata?.continue as string | undefined) || undefined;
    } while (token);
  };

  let token: string | undefined;
  let limit = pageSize;
  do {
    let table: any;
    try {
      table = await get(
        pagePath(token, limit, { includeObject }),
        POD_TABLE_ACCEPT,
      );
    } catch (error) {
      if (!isTableRefusal(error)) throw error;
      table = undefined;
    }
    if (table?.kind !== 'Table' || !Array.isArray(table.rows)) {
      // Refused, or a proxy that ignored the Accept header: plain lists only.
      stats.mode = 'full';
      await fullFrom(token);
      return stats;
    }
    const columns = podTableColumns(table.columnDefinitions);
    const verdicts: PodRowVerdict[] = table.rows.map((row: any) =>
      podRowVerdict(columns, row),
    );
    const unhealthy = verdicts.filter(v => !v.healthy);
    if (
      unhealthy.length > maxOneByOne(limit) ||
      unhealthy.some(v => !v.name || !(v.namespace ?? options.namespace))
    ) {
      await fullFrom(token);
      return stats;
    }
    const fetched = await mapBounded(
      unhealthy,
      FULL_FETCH_CONCURRENCY,
      async v => {
        const ns = encodeURIComponent(v.namespace ?? options.namespace ?? '');
        const name = encodeURIComponent(v.name ?? '');
        try {
          return await get(`/api/v1/namespaces/${ns}/pods/${name}`);
        } catch (error) {
          // Deleted since the Table was listed: it is no longer there to count.
          if (error instanceof ClusterRequestError && error.statusCode === 404)
            return undefined;
          throw error;
        }
      },
    );
    stats.fetchedOneByOne += unhealthy.length;
    let u = 0;
    for (const verdict of verdicts) {
      if (verdict.healthy) {
        stats.fromRows += 1;
        acc.addHealthyPodRow(verdict);
        continue;
      }
      const pod = fetched[u++];
      if (pod) acc.add(pod.kind ? pod : { ...pod, kind: 'Pod' });
    }
    token = (table.metadata?.continue as string | undefined) || undefined;
    limit = tableLimit;
  } while (token);
  return stats;
}
