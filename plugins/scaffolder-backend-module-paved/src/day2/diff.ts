import {
  atomicListsOf,
  compareFields,
  PathSegment,
} from '@paved/plugin-paved-common';
import { KubeObject } from '../render/types';

/** `Kind namespace/name`, as the apply step logs objects. */
export function objectRef(o: {
  kind: string;
  metadata: { name: string; namespace?: string };
}): string {
  const ns = o.metadata.namespace ? `${o.metadata.namespace}/` : '';
  return `${o.kind} ${ns}${o.metadata.name}`;
}

/** One field that differs: a dotted path, before and after (undefined when absent). */
export type FieldChange = { path: string; before?: unknown; after?: unknown };

export type ObjectChange = { object: string; fields: FieldChange[] };

/** What a change does to a tenant's objects. */
export type TenantDiff = {
  added: string[];
  changed: ObjectChange[];
  removed: string[];
  unchanged: number;
};

const key = (o: KubeObject) => `${o.apiVersion} ${objectRef(o)}`;

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** Leaf-level differences; lists compare whole (their order is meaningful). */
export function fieldChanges(
  before: unknown,
  after: unknown,
  path = '',
): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap(k =>
      fieldChanges(before[k], after[k], path ? `${path}.${k}` : k),
    );
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, before, after }];
}

/**
 * Compares the tenant's objects as rendered from its current inputs with
 * the objects rendered from the new ones. Both come from the same render,
 * so the comparison is exact: no server-kept fields to ignore.
 */
export function diffTenantObjects(
  before: KubeObject[],
  after: KubeObject[],
): TenantDiff {
  const old = new Map(before.map(o => [key(o), o]));
  const next = new Map(after.map(o => [key(o), o]));
  const diff: TenantDiff = {
    added: [],
    changed: [],
    removed: [],
    unchanged: 0,
  };
  for (const [k, o] of next) {
    const prev = old.get(k);
    if (!prev) {
      diff.added.push(objectRef(o));
      continue;
    }
    const fields = fieldChanges(prev, o);
    if (fields.length) diff.changed.push({ object: objectRef(o), fields });
    else diff.unchanged++;
  }
  for (const [k, o] of old) if (!next.has(k)) diff.removed.push(objectRef(o));
  return diff;
}

const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));

/** The diff as log lines: `+ added`, `~ changed: path a -> b`, `- removed`. */
export function describeDiff(diff: TenantDiff): string[] {
  return [
    ...diff.added.map(o => `+ ${o}`),
    ...diff.changed.flatMap(c => [
      `~ ${c.object}`,
      ...c.fields.map(
        f => `    ${f.path}: ${show(f.before)} -> ${show(f.after)}`,
      ),
    ]),
    ...diff.removed.map(o => `- ${o}`),
  ];
}

/** A live change's path as {@link fieldChanges} names it, so that both name one field alike. */
const dotted = (path: readonly PathSegment[]) =>
  path
    .map(s => (typeof s === 'object' ? `[name=${s.name}]` : String(s)))
    .join('.');

/**
 * Where the cluster differs from what the new render will apply, on the
 * fields the render sets (fields others add, such as server defaults or
 * labels a controller writes, are not compared). Atomic lists compare
 * whole, as server-side apply replaces them.
 */
function liveFieldChanges(
  rendered: { apiVersion: string; kind: string; [field: string]: unknown },
  live: unknown,
): FieldChange[] {
  return compareFields(rendered, live, {
    atomicList: atomicListsOf(rendered.apiVersion, rendered.kind),
  }).map(d => ({ path: dotted(d.path), before: d.live, after: d.desired }));
}

/**
 * Adds to a render diff what the cluster holds differently from the new
 * render (someone changed an object by hand, say a second group in a
 * RoleBinding): the change would overwrite it, so the diff shows it, with
 * the cluster's value as the "before".
 */
export function withLiveChanges(
  diff: TenantDiff,
  after: KubeObject[],
  live: KubeObject[],
): TenantDiff {
  const liveByRef = new Map(live.map(o => [key(o), o]));
  const out: TenantDiff = {
    ...diff,
    changed: diff.changed.map(c => ({ ...c, fields: [...c.fields] })),
  };
  for (const o of after) {
    const current = liveByRef.get(key(o));
    if (!current) continue;
    const { metadata, ...rest } = o;
    const { metadata: liveMeta, ...liveRest } = current as KubeObject;
    const fields = liveFieldChanges(
      {
        ...rest,
        metadata: {
          labels: metadata.labels,
          annotations: metadata.annotations,
        },
      },
      {
        ...liveRest,
        metadata: {
          labels: liveMeta.labels,
          annotations: liveMeta.annotations,
        },
      },
    ).filter(f => f.after !== undefined);
    if (!fields.length) continue;
    const ref = objectRef(o);
    let entry = out.changed.find(c => c.object === ref);
    if (!entry) {
      entry = { object: ref, fields: [] };
      out.changed.push(entry);
      out.unchanged--;
    }
    for (const f of fields)
      if (!entry.fields.some(e => e.path === f.path)) entry.fields.push(f);
  }
  return out;
}
