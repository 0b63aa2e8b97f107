import {
  ComponentHealthAccumulator,
  PodRowVerdict,
  podRowVerdict,
  podTableColumns,
} from '@paved/plugin-paved-common';
import { ClusterAccess } from '../clusters/ClusterAccess';
import { CallContext } from '../clusters/ClusterReadRequest';
import { ClusterRequestError, clusterStatusOf } from '../clusters/errors';
import { limiter } from '../clusters/limiter';
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
  /** Of `fromRows`, the Running Pods past the inspection limit (not plainly healthy). */
  uninspected: number;
  /** Pods not Running, listed in full on their own (bounded read only). */
  notRunning: number;
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
   * Running Pods that are not plainly healthy, fetched in full per STATUS
   * (CrashLoopBackOff, ImagePullBackOff, Running but not ready, ...): a
   * few examples tell why Pods fail, and the why picks the runbook. The
   * rest are counted from their Table row (`addUninspectedPodRow`). Pods
   * that are not Running are always read in full, in one list of their
   * own. `Infinity` (the default) reads every Pod's full object: the exact
   * read, see `readEveryPodInFull`.
   */
  inspectLimit?: number;
  /**
   * Exact read only: above this many unhealthy rows in one Table page,
   * one-by-one fetches cost more than listing in full, so that page and the
   * rest are listed in full. Default 1% of the Table page (5 of the first
   * 500 rows, then 20 of 2,000): each fetch is a round trip through the
   * Kubernetes backend's proxy, which costs about what a hundred Pods in a
   * full list cost (measured on the benchmark).
   */
  maxOneByOnePerPage?: number;
}

const isTableRefusal = (error: unknown) =>
  error instanceof ClusterRequestError &&
  (error.statusCode === 406 || error.statusCode === 415);

type UnhealthyVerdict = Extract<PodRowVerdict, { healthy: false }>;

/** The calls both reads make, bound to one cluster and one user. */
function podReader(options: ReadComponentPodsOptions, stats: PodReadStats) {
  const { access, cluster, knownClusters, ctx, acc, pageSize } = options;
  const path = listPath('', 'v1', 'pods', options.namespace);
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
  const asPod = (item: any) => (item.kind ? item : { ...item, kind: 'Pod' });
  // One limit for the whole read, however many pages' fetches overlap.
  const limited = limiter(FULL_FETCH_CONCURRENCY);

  return {
    pagePath,
    // With a namespace the Name column is enough to address a Pod; across
    // namespaces the rows need their metadata (a real apiserver's includes
    // managedFields, so None is much smaller when it will do). Rows without
    // objects are small enough to list four pages' worth at once, which
    // saves round trips and still holds less than one page of full Pods.
    tableLimit: options.namespace ? pageSize * TABLE_PAGE_FACTOR : pageSize,
    /**
     * One Table page read into verdicts, or undefined when the cluster or a
     * proxy will not serve one.
     */
    async tablePage(token: string | undefined, limit: number) {
      let table: any;
      try {
        table = await get(
          pagePath(token, limit, {
            includeObject: options.namespace ? 'None' : 'Metadata',
          }),
          POD_TABLE_ACCEPT,
        );
      } catch (error) {
        if (isTableRefusal(error)) return undefined;
        throw error;
      }
      if (table?.kind !== 'Table' || !Array.isArray(table.rows)) {
        return undefined;
      }
      const columns = podTableColumns(table.columnDefinitions);
      const now = new Date();
      const verdicts: PodRowVerdict[] = table.rows.map((row: any) =>
        podRowVerdict(columns, row, now),
      );
      return {
        columns,
        verdicts,
        /** Rows that cannot be fetched by name, nor matched to a listed Pod. */
        unaddressable: verdicts.some(
          v => !v.healthy && (!v.name || !(v.namespace ?? options.namespace)),
        ),
        next: (table.metadata?.continue as string | undefined) || undefined,
      };
    },
    /** The rest of a list in full, page by page, from `token` on. */
    async fullFrom(
      start: string | undefined,
      extra: Record<string, string> = {},
      onPod: (pod: any) => void = pod => acc.add(pod),
    ) {
      let token = start;
      do {
        stats.fullPages += 1;
        const page = await get(pagePath(token, pageSize, extra));
        for (const item of Array.isArray(page?.items) ? page.items : []) {
          onPod(asPod(item));
        }
        token = (page?.metadata?.continue as string | undefined) || undefined;
      } while (token);
    },
    /** Full objects of these rows' Pods, in row order; undefined for Pods deleted since. */
    fetchEach(rows: UnhealthyVerdict[]) {
      stats.fetchedOneByOne += rows.length;
      return Promise.all(
        rows.map(v =>
          limited(async () => {
            const ns = encodeURIComponent(
              v.namespace ?? options.namespace ?? '',
            );
            const name = encodeURIComponent(v.name ?? '');
            try {
              return asPod(await get(`/api/v1/namespaces/${ns}/pods/${name}`));
            } catch (error) {
              // Deleted since the Table was listed: no longer there to count.
              if (clusterStatusOf(error) === 404) return undefined;
              throw error;
            }
          }),
        ),
      );
    },
  };
}

/**
 * Feeds a component's Pods in one cluster to the accumulator in two phases:
 * the Pods are listed as a server-side Table (about a hundred bytes a Pod
 * instead of several kilobytes), rows that are plainly healthy (see
 * `podRowVerdict`) are counted from the row, and only the others are
 * fetched in full.
 *
 * With an `inspectLimit`, the cost is bounded whatever the share of
 * unhealthy Pods (see `readWithInspectLimit`); without one, the summary is
 * exactly the one full lists give (see `readEveryPodInFull`). Clusters or
 * proxies that refuse the Table get full lists.
 */
export async function readComponentPods(
  options: ReadComponentPodsOptions,
): Promise<PodReadStats> {
  const stats: PodReadStats = {
    mode: 'table',
    fromRows: 0,
    fetchedOneByOne: 0,
    fullPages: 0,
    uninspected: 0,
    notRunning: 0,
  };
  const limit = options.inspectLimit ?? Number.POSITIVE_INFINITY;
  if (Number.isFinite(limit)) {
    await readWithInspectLimit(options, Math.max(0, limit), stats);
  } else {
    await readEveryPodInFull(options, stats);
  }
  return stats;
}

/**
 * The exact read: unhealthy Pods reach the accumulator as full objects in
 * list order, so the summary is the one full lists give. One-by-one fetches
 * are round trips through the Kubernetes backend's proxy, so a Table page
 * with more unhealthy rows than `maxOneByOnePerPage` ends the two-phase
 * read: from that page's `continue` token on (the same snapshot, so no Pod
 * is lost or counted twice) the Pods are listed in full.
 */
async function readEveryPodInFull(
  options: ReadComponentPodsOptions,
  stats: PodReadStats,
) {
  const { acc, pageSize } = options;
  const reader = podReader(options, stats);
  const maxOneByOne = (limit: number) =>
    options.maxOneByOnePerPage ?? Math.max(1, Math.floor(limit / 100));

  let token: string | undefined;
  // The first Table page is a normal page, so a component with many
  // unhealthy Pods wastes little before falling back to full lists.
  let limit = pageSize;
  do {
    const page = await reader.tablePage(token, limit);
    if (!page) {
      // Refused, or a proxy that ignored the Accept header: plain lists only.
      stats.mode = 'full';
      await reader.fullFrom(token);
      return;
    }
    const unhealthy = page.verdicts.filter(
      (v): v is UnhealthyVerdict => !v.healthy,
    );
    if (unhealthy.length > maxOneByOne(limit) || page.unaddressable) {
      await reader.fullFrom(token);
      return;
    }
    const fetched = await reader.fetchEach(unhealthy);
    let u = 0;
    for (const verdict of page.verdicts) {
      if (verdict.healthy) {
        stats.fromRows += 1;
        acc.addHealthyPodRow(verdict);
        continue;
      }
      const pod = fetched[u++];
      if (pod) acc.add(pod);
    }
    token = page.next;
    limit = reader.tableLimit;
  } while (token);
}

/**
 * The bounded read, whose cost does not grow with the share of unhealthy
 * Pods:
 *
 * - Pods that are Pending, Failed or Unknown are listed in full on their own
 *   (`fieldSelector=status.phase!=Running,status.phase!=Succeeded`): the
 *   scheduler's reason and evictions need their objects, and they are few.
 *   Their Table rows are skipped. Succeeded Pods (finished Jobs) are
 *   counted from their `Completed` rows.
 * - Running Pods come as Table rows. Plainly healthy ones are counted from
 *   the row. Of the others, the first `inspectLimit` of each STATUS, in
 *   list order, are fetched in full; the rest are counted from the row
 *   (waiting reason, restarts and a restart rate over the Pod's age),
 *   without what only the object holds: a container's last termination
 *   (OOM kill) and waiting message. The summary says how many
 *   (`pods.uninspected`).
 */
async function readWithInspectLimit(
  options: ReadComponentPodsOptions,
  inspectLimit: number,
  stats: PodReadStats,
) {
  const { acc } = options;
  const reader = podReader(options, stats);
  const keyOf = (namespace: string | undefined, name: string | undefined) =>
    `${namespace ?? options.namespace ?? ''}/${name ?? ''}`;

  const notRunning = new Set<string>();
  const notRunningRead = reader.fullFrom(
    undefined,
    // Succeeded Pods (finished Jobs) can be many, and say nothing a row
    // does not: they come from their rows below.
    { fieldSelector: 'status.phase!=Running,status.phase!=Succeeded' },
    pod => {
      notRunning.add(keyOf(pod.metadata?.namespace, pod.metadata?.name));
      stats.notRunning += 1;
      acc.add(pod);
    },
  );
  // Awaited before any row is counted; handled now so an early failure is
  // not an unhandled rejection while the first Table page is on its way.
  notRunningRead.catch(() => undefined);

  // The rest of the list in full, with the Table's own query (a continue
  // token is only good for the query that made it), skipping the Pods the
  // list of Pods not Running already counted.
  const restInFull = async (token: string | undefined) => {
    if (!token) stats.mode = 'full';
    await notRunningRead;
    await reader.fullFrom(token, {}, pod => {
      if (!notRunning.has(keyOf(pod.metadata?.namespace, pod.metadata?.name))) {
        acc.add(pod);
      }
    });
  };

  const inspectedByStatus = new Map<string, number>();
  // Inspections run while later Table pages are read; all are awaited
  // before the read ends. Handled at once so one failing while a Table page
  // is on its way is not an unhandled rejection.
  const inspections: Promise<void>[] = [];
  const inspect = (rows: UnhealthyVerdict[]) => {
    const done = reader.fetchEach(rows).then(pods => {
      for (const pod of pods) if (pod) acc.add(pod);
    });
    done.catch(() => undefined);
    inspections.push(done);
  };
  let token: string | undefined;
  do {
    const page = await reader.tablePage(token, reader.tableLimit);
    if (!page || !page.columns || page.unaddressable) {
      // No Table, one without the columns to read, or rows that cannot be
      // fetched or matched: plain lists only.
      await restInFull(token);
      break;
    }
    await notRunningRead;
    const toInspect: UnhealthyVerdict[] = [];
    for (const verdict of page.verdicts) {
      if (notRunning.has(keyOf(verdict.namespace, verdict.name))) continue;
      if (verdict.healthy) {
        stats.fromRows += 1;
        acc.addHealthyPodRow(verdict);
      } else if (verdict.facts?.status === 'Completed' && verdict.name) {
        // Failed Pods print `Completed` too, but those were listed in full
        // above: a `Completed` row here is a Succeeded Pod.
        stats.fromRows += 1;
        acc.addFinishedPodRow({
          name: verdict.name,
          namespace: verdict.namespace ?? options.namespace,
          facts: verdict.facts,
        });
      } else if (
        (inspectedByStatus.get(verdict.facts?.status ?? '') ?? 0) < inspectLimit
      ) {
        const status = verdict.facts?.status ?? '';
        inspectedByStatus.set(status, (inspectedByStatus.get(status) ?? 0) + 1);
        toInspect.push(verdict);
      } else if (verdict.facts) {
        stats.fromRows += 1;
        stats.uninspected += 1;
        acc.addUninspectedPodRow({
          name: verdict.name ?? '',
          namespace: verdict.namespace ?? options.namespace,
          facts: verdict.facts,
        });
        // (A Pod that appeared or finished after the list of Pods not
        // Running was read shows it in STATUS; podRowSignals reads it there.)
      }
    }
    if (toInspect.length) inspect(toInspect);
    token = page.next;
  } while (token);
  await Promise.all(inspections);
}
