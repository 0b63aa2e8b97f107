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
  /** The Age column, when there is one (for a restart rate from the row). */
  age?: number;
}

/**
 * What a row says of a Pod that is not plainly healthy: enough to count it
 * (phase, restarts, waiting reason) when its full object is not fetched.
 *
 * @public
 */
export interface PodRowFacts {
  /** STATUS as printed: a waiting or terminated reason, or the phase. */
  status: string;
  ready?: { ready: number; total: number };
  /** All containers' restarts together. */
  restarts?: number;
  /** Hours since the Pod was created, from its metadata or the Age column. */
  ageHours?: number;
}

/** A Pod row's verdict: counted from the row, or fetched in full. @public */
export type PodRowVerdict =
  | { healthy: true; name: string; namespace?: string; phase: 'Running' }
  | {
      healthy: false;
      name?: string;
      namespace?: string;
      why: string;
      /** Present when the Table had the columns to read the row. */
      facts?: PodRowFacts;
    };

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
  const age = index('Age');
  if (ready < 0 || status < 0 || restarts < 0) return undefined;
  return {
    ...(name >= 0 ? { name } : {}),
    ready,
    status,
    restarts,
    ...(age >= 0 ? { age } : {}),
  };
}

const AGE_UNIT_SECONDS = { y: 365 * 86_400, d: 86_400, h: 3_600, m: 60, s: 1 };

/**
 * AGE as the apiserver prints it (Kubernetes' human durations: `45s`,
 * `7m30s`, `3h20m`, `5d`, `2y10d`), in seconds. Undefined for anything else,
 * `<invalid>` included.
 *
 * @public
 */
export function parseAgeCell(cell: unknown): number | undefined {
  if (typeof cell !== 'string') return undefined;
  const m = /^(?:(\d+)y)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(
    cell.trim(),
  );
  if (!m || m.slice(1).every(part => part === undefined)) return undefined;
  const units = ['y', 'd', 'h', 'm', 's'] as const;
  return units.reduce(
    (total, unit, i) => total + Number(m[i + 1] ?? 0) * AGE_UNIT_SECONDS[unit],
    0,
  );
}

/** What a readable row says of its Pod (see `PodRowFacts`). */
function rowFacts(
  columns: PodTableColumns,
  cells: unknown[],
  creationTimestamp: unknown,
  now: Date,
): PodRowFacts {
  const status = cells[columns.status];
  const ready = parseReadyCell(cells[columns.ready]);
  const restarts = parseRestartsCell(cells[columns.restarts]);
  // The metadata's timestamp is exact; the Age column is rounded.
  const created =
    typeof creationTimestamp === 'string'
      ? Date.parse(creationTimestamp)
      : Number.NaN;
  let ageSeconds: number | undefined;
  if (Number.isFinite(created)) {
    ageSeconds = Math.max(0, (now.getTime() - created) / 1000);
  } else if (columns.age !== undefined) {
    ageSeconds = parseAgeCell(cells[columns.age]);
  }
  return {
    status: typeof status === 'string' && status ? status : 'Unknown',
    ...(ready ? { ready } : {}),
    ...(restarts !== undefined ? { restarts } : {}),
    ...(ageSeconds !== undefined ? { ageHours: ageSeconds / 3_600 } : {}),
  };
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

/** Why a row is not plainly healthy, or undefined when it is. */
function unhealthyReason(
  columns: PodTableColumns,
  cells: unknown[],
  name: string | undefined,
): string | undefined {
  if (!name) return 'row names no Pod';
  const status = cells[columns.status];
  if (status !== 'Running') return `status ${String(status)}`;
  const ready = parseReadyCell(cells[columns.ready]);
  if (!ready || ready.total < 1 || ready.ready !== ready.total) {
    return `ready ${String(cells[columns.ready])}`;
  }
  if (parseRestartsCell(cells[columns.restarts]) !== 0) {
    return `restarts ${String(cells[columns.restarts])}`;
  }
  return undefined;
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
  now: Date = new Date(),
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
  if (!columns) {
    return {
      healthy: false,
      ...where,
      why: 'table lacks Ready, Status or Restarts',
    };
  }
  const why = unhealthyReason(columns, cells, name);
  if (why !== undefined || !name) {
    // Facts only for rows that need them: most rows are healthy.
    return {
      healthy: false,
      ...where,
      why: why ?? 'row names no Pod',
      facts: rowFacts(columns, cells, metadata?.creationTimestamp, now),
    };
  }
  return {
    healthy: true,
    name,
    ...(namespace ? { namespace } : {}),
    phase: 'Running',
  };
}
