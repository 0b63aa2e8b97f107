/**
 * Reading Pods from a server-side `Table` (`as=Table;g=meta.k8s.io;v=v1`),
 * the rows `kubectl get pods` prints, to tell which Pods are plainly healthy
 * without their full objects. Deliberately conservative: a row counts as
 * healthy only when nothing in it could hide a signal the full object would
 * raise; everything else is fetched in full.
 */

/** One column of a Table, as its `columnDefinitions` lists it. @public */
export interface TableColumnDefinition {
  name: string;
  type?: string;
}

/** One row of a Table: cells in column order, and (with `includeObject=Metadata`) the object's metadata. @public */
export interface TableRow {
  cells: unknown[];
  object?: {
    metadata?: { name?: string; namespace?: string; [key: string]: unknown };
    [key: string]: unknown;
  };
}

/** Where the columns a Pod verdict needs are, found by name. @public */
export interface PodTableColumns {
  /** The Name column, when there is one (rows without object metadata need it). */
  name?: number;
  ready: number;
  status: number;
  restarts: number;
}

/** A Pod row's verdict: counted from the row, or fetched in full. @public */
export type PodRowVerdict =
  | { healthy: true; name: string; namespace?: string; phase: 'Running' }
  | { healthy: false; name?: string; namespace?: string; why: string };

/**
 * The READY, STATUS and RESTARTS columns, looked up by name (servers may add,
 * drop or reorder columns). Undefined when any is missing: the Table cannot
 * vouch for any Pod then.
 *
 * @public
 */
export function podTableColumns(
  definitions: unknown,
): PodTableColumns | undefined {
  if (!Array.isArray(definitions)) return undefined;
  const index = (name: string) =>
    definitions.findIndex(
      d =>
        typeof d?.name === 'string' &&
        d.name.toLowerCase() === name.toLowerCase(),
    );
  const name = index('Name');
  const ready = index('Ready');
  const status = index('Status');
  const restarts = index('Restarts');
  if (ready < 0 || status < 0 || restarts < 0) return undefined;
  return { ...(name >= 0 ? { name } : {}), ready, status, restarts };
}

/**
 * RESTARTS as kubectl prints it: `3`, or `3 (5m ago)` once a container has
 * restarted. Undefined for anything else.
 *
 * @public
 */
export function parseRestartsCell(cell: unknown): number | undefined {
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= 0 ? cell : undefined;
  }
  if (typeof cell !== 'string') return undefined;
  const m = /^(\d+)(?: \([^()]*\))?$/.exec(cell.trim());
  return m ? Number(m[1]) : undefined;
}

/** READY as kubectl prints it, `ready/total`. Undefined for anything else. @public */
export function parseReadyCell(
  cell: unknown,
): { ready: number; total: number } | undefined {
  if (typeof cell !== 'string') return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(cell.trim());
  return m ? { ready: Number(m[1]), total: Number(m[2]) } : undefined;
}

/**
 * Whether a Pod row is plainly healthy: STATUS `Running`, every container
 * ready (n/n, n >= 1) and no restarts. Such a Pod adds nothing to a summary
 * but one Running Pod: a ready container is neither waiting nor terminated
 * (so no waiting or OOM problem now), an earlier OOM kill or crash would
 * have counted a restart, and the printer shows `Evicted`, `Terminating`,
 * `Init:...` or `Unknown` instead of `Running` for the other cases.
 * `Completed` is not trusted: the printer shows it for Failed Pods whose
 * first container exited 0, so the phase cannot be told from the row.
 *
 * @public
 */
export function podRowVerdict(
  columns: PodTableColumns | undefined,
  row: TableRow,
): PodRowVerdict {
  const metadata = row?.object?.metadata;
  const cells = Array.isArray(row?.cells) ? row.cells : [];
  // `includeObject=None` rows have no object: the Name column names the Pod.
  const nameCell =
    columns?.name !== undefined ? cells[columns.name] : undefined;
  let name: string | undefined;
  if (typeof metadata?.name === 'string' && metadata.name) {
    name = metadata.name;
  } else if (typeof nameCell === 'string' && nameCell) {
    name = nameCell;
  }
  const namespace =
    typeof metadata?.namespace === 'string' && metadata.namespace
      ? metadata.namespace
      : undefined;
  const where = {
    ...(name ? { name } : {}),
    ...(namespace ? { namespace } : {}),
  };
  const unhealthy = (why: string): PodRowVerdict => ({
    healthy: false,
    ...where,
    why,
  });
  if (!columns) return unhealthy('table lacks Ready, Status or Restarts');
  if (!name) return unhealthy('row names no Pod');
  const status = cells[columns.status];
  if (status !== 'Running') return unhealthy(`status ${String(status)}`);
  const ready = parseReadyCell(cells[columns.ready]);
  if (!ready || ready.total < 1 || ready.ready !== ready.total) {
    return unhealthy(`ready ${String(cells[columns.ready])}`);
  }
  const restarts = parseRestartsCell(cells[columns.restarts]);
  if (restarts !== 0) {
    return unhealthy(`restarts ${String(cells[columns.restarts])}`);
  }
  return {
    healthy: true,
    name,
    ...(namespace ? { namespace } : {}),
    phase: 'Running',
  };
}
