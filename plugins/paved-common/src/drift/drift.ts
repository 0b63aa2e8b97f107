import { runbookById, runbookUrl } from '../runbooks/runbooks';
import { compareFields } from './compare';
import { ignoredBecause, IgnoreContext } from './ignore';
import { managersOf } from './managers';
import { formatPath } from './path';
import type {
  DriftCounts,
  DriftObjectRef,
  DriftObjectResult,
  DriftProblem,
  DriftSummary,
} from './types';

/** The runbook a drifted object links to. */
export const DRIFT_RUNBOOK = 'gitops-sync-failed';

/** The parts of a manifest drift looks at. */
export type DesiredObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
};

export const driftRefOf = (o: DesiredObject): DriftObjectRef => ({
  apiVersion: o.apiVersion,
  kind: o.kind,
  ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
  name: o.metadata.name,
});

/** `Kind namespace/name`, or `Kind name` when cluster-scoped. */
export const driftObjectName = (r: DriftObjectRef) =>
  `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

/** What the desired manifest sets, less identity and server-kept metadata. */
function comparable(o: DesiredObject): Record<string, unknown> {
  const { apiVersion, kind, metadata, ...rest } = o;
  const meta: Record<string, unknown> = {};
  if (metadata.labels) meta.labels = metadata.labels;
  if (metadata.annotations) meta.annotations = metadata.annotations;
  return { ...(Object.keys(meta).length ? { metadata: meta } : {}), ...rest };
}

/**
 * One object's drift: each field the manifest sets that the live object
 * (undefined: not in the cluster) holds differently, with the managers
 * that own it there; fields a controller owns by design are listed as
 * ignored instead.
 */
export function objectDrift(
  desired: DesiredObject,
  live: unknown,
  ctx: IgnoreContext = {},
): DriftObjectResult {
  const object = driftRefOf(desired);
  if (live === undefined || live === null)
    return { object, state: 'missing', fields: [], ignored: [] };
  const managed = (live as any)?.metadata?.managedFields;
  const fields: DriftObjectResult['fields'] = [];
  const ignored: string[] = [];
  for (const d of compareFields(comparable(desired), live)) {
    const path = formatPath(d.path);
    if (ignoredBecause(object, d.path, live, ctx)) {
      ignored.push(path);
      continue;
    }
    fields.push({
      path,
      ...(d.desired !== undefined ? { desired: d.desired } : {}),
      ...(d.live !== undefined ? { live: d.live } : {}),
      managers: managersOf(managed, d.path),
    });
  }
  return {
    object,
    state: fields.length ? 'drifted' : 'in-sync',
    fields,
    ignored,
  };
}

/** An object that could not be compared, and why. */
export const notCompared = (
  desired: DesiredObject,
  reason: string,
): DriftObjectResult => ({
  object: driftRefOf(desired),
  state: 'not-compared',
  fields: [],
  ignored: [],
  reason,
});

/** The problem a drifted or missing object is, with its runbook. */
export function driftProblem(
  r: DriftObjectResult,
  runbookEntityRef?: string,
): DriftProblem | undefined {
  if (r.state !== 'drifted' && r.state !== 'missing') return undefined;
  const name = driftObjectName(r.object);
  const book = runbookById(DRIFT_RUNBOOK);
  const owners = [
    ...new Set(r.fields.flatMap(f => f.managers.map(m => m.manager))),
  ];
  return {
    id: `drift:${r.object.apiVersion}:${name}`,
    severity: 'warning',
    reason: r.state === 'drifted' ? 'Drifted' : 'Missing',
    message:
      r.state === 'drifted'
        ? `${name} differs from what Paved rendered in ${
            r.fields.length
          } field${r.fields.length === 1 ? '' : 's'}${
            owners.length ? ` (changed by ${owners.join(', ')})` : ''
          }`
        : `${name} is not in the cluster, though Paved rendered it`,
    object: r.object,
    ...(book
      ? {
          runbook: {
            id: book.id,
            title: book.title,
            url: runbookUrl(book, {
              entityRef: runbookEntityRef,
              section: 'fixes',
            }),
          },
        }
      : {}),
  };
}

/** The cluster's summary: objects not in sync, counts and problems. */
export function driftSummary(
  source: DriftSummary['source'],
  results: DriftObjectResult[],
  runbookEntityRef?: string,
): DriftSummary {
  const counts: DriftCounts = {
    compared: 0,
    inSync: 0,
    drifted: 0,
    missing: 0,
    notCompared: 0,
  };
  for (const r of results) {
    if (r.state === 'not-compared') counts.notCompared++;
    else {
      counts.compared++;
      if (r.state === 'in-sync') counts.inSync++;
      else if (r.state === 'drifted') counts.drifted++;
      else counts.missing++;
    }
  }
  return {
    source,
    objects: results.filter(r => r.state !== 'in-sync'),
    counts,
    problems: results
      .map(r => driftProblem(r, runbookEntityRef))
      .filter((p): p is DriftProblem => !!p),
  };
}
