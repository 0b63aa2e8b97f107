import {
  deepCopy,
  deepEqual,
  isPlainObject,
  JsonObject,
  KubeObject,
} from '../types';
import {
  fieldNames,
  FieldPath,
  getAt,
  pathToString,
  removeAt,
} from './fieldPath';
import { FieldSet, isItemPath } from './fieldSet';
import { isAtomicObject, itemKey, listTypeFor } from './listSchema';
import {
  Manager,
  parseManagers,
  sameManager,
  serializeManagers,
  trackedFields,
  WriteScope,
} from './managedFields';

export interface ApplyRequest {
  /** The stored object, or undefined when apply creates it. */
  live: KubeObject | undefined;
  /** The applied configuration (already checked for apiVersion/kind/name). */
  applied: KubeObject;
  manager: string;
  force: boolean;
  apiVersion: string;
  time: string;
  /** 'main' for kinds with a status subresource: status in the body is ignored. */
  scope: WriteScope;
  subresource?: string;
}

export interface ApplyConflict {
  manager: string;
  /** How the conflict names the other manager: `"name"` or `"name" using apps/v1`. */
  managerDescription: string;
  path: FieldPath;
  field: string;
}

export type ApplyOutcome =
  | { ok: true; object: KubeObject }
  | { ok: false; conflicts: ApplyConflict[]; message: string };

/**
 * Server-side apply, following structured-merge-diff's rules: a manager owns
 * the fields it applies; changing a field another manager owns is a conflict
 * unless forced (force takes the field over); fields the manager applied
 * before and now omits are removed unless someone else still owns them.
 */
export function serverSideApply(req: ApplyRequest): ApplyOutcome {
  const appliedBody = scoped(req.applied, req.scope);
  const appliedSet = trackedFields(appliedBody, 'all');
  const self: Omit<Manager, 'fields'> = {
    manager: req.manager,
    operation: 'Apply',
    apiVersion: req.apiVersion,
    subresource: req.subresource,
  };
  const managers = parseManagers(req.live);
  const previous = managers.find(m => sameManager(m, self));
  const others = managers.filter(m => m !== previous);

  const conflicts: ApplyConflict[] = [];
  for (const path of appliedSet.toArray()) {
    if (isItemPath(path)) continue;
    const liveValue = getAt(req.live, path);
    if (deepEqual(liveValue, getAt(appliedBody, path))) continue;
    for (const other of others) {
      if (other.fields.has(path)) {
        conflicts.push({
          manager: other.manager,
          managerDescription: describeManager(other),
          path,
          field: pathToString(path),
        });
      }
    }
  }
  if (conflicts.length > 0 && !req.force) {
    return { ok: false, conflicts, message: conflictMessage(conflicts) };
  }
  for (const c of conflicts) {
    for (const other of others)
      other.fields = other.fields.minus(new FieldSet([c.path]));
  }

  const result = deepCopy(
    req.live ?? ({ metadata: {} } as KubeObject),
  ) as JsonObject;
  const stillOwned = others.reduce(
    (acc, m) => acc.union(m.fields),
    new FieldSet(),
  );
  const dropped = (previous?.fields ?? new FieldSet())
    .minus(appliedSet)
    .toArray();
  dropped
    .filter(p => !stillOwned.ownsAnythingUnder(p))
    .sort((a, b) => b.length - a.length)
    .forEach(p => removeAt(result, p));

  const merged = mergeInto(result, appliedBody as JsonObject, []) as KubeObject;
  const mine: Manager = { ...self, time: req.time, fields: appliedSet };
  const ordered = managers.map(m => (m === previous ? mine : m));
  if (!previous) ordered.push(mine);
  merged.metadata = {
    ...merged.metadata,
    managedFields: serializeManagers(ordered),
  };
  return { ok: true, object: merged };
}

/** Drops what an apply in this scope may not set (status on the main resource, and vice versa). */
function scoped(obj: KubeObject, scope: WriteScope): KubeObject {
  const copy = deepCopy(obj);
  if (scope === 'main') delete copy.status;
  if (scope === 'status') {
    return {
      apiVersion: copy.apiVersion,
      kind: copy.kind,
      metadata: copy.metadata,
      status: copy.status,
    };
  }
  return copy;
}

function describeManager(m: Manager): string {
  let s = JSON.stringify(m.manager);
  if (m.subresource) s += ` with subresource ${JSON.stringify(m.subresource)}`;
  if (m.operation === 'Update') s += ` using ${m.apiVersion}`;
  return s;
}

// Same wording as apimachinery's managedfields conflict error.
function conflictMessage(conflicts: ApplyConflict[]): string {
  if (conflicts.length === 1) {
    const c = conflicts[0];
    return `Apply failed with 1 conflict: conflict with ${c.managerDescription}: ${c.field}`;
  }
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    byManager.set(c.managerDescription, [
      ...(byManager.get(c.managerDescription) ?? []),
      c.field,
    ]);
  }
  const lines: string[] = [];
  for (const m of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${m}:`, ...byManager.get(m)!.map(f => `- ${f}`));
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/** Merges applied values over live ones: maps field by field, keyed lists item by item. */
function mergeInto(live: unknown, applied: unknown, path: FieldPath): unknown {
  const names = fieldNames(path);
  if (
    isPlainObject(applied) &&
    isPlainObject(live) &&
    !isAtomicObject(names, applied)
  ) {
    const out: JsonObject = { ...live };
    for (const [k, v] of Object.entries(applied)) {
      out[k] = mergeInto(live[k], v, [...path, `f:${k}`]);
    }
    return out;
  }
  if (Array.isArray(applied) && Array.isArray(live)) {
    const lt = listTypeFor(names, applied.length > 0 ? applied : live);
    if (lt.type === 'set') {
      return [
        ...live,
        ...applied.filter(a => !live.some(l => deepEqual(l, a))),
      ];
    }
    if (
      lt.type === 'map' &&
      applied.every(isPlainObject) &&
      live.every(isPlainObject)
    ) {
      const keyOf = (item: JsonObject) =>
        JSON.stringify(itemKey(lt.keys, item));
      const appliedByKey = new Map(
        applied.map(a => [keyOf(a as JsonObject), a]),
      );
      const merged = live.map(l => {
        const a = appliedByKey.get(keyOf(l as JsonObject));
        return a ? mergeInto(l, a, path) : l;
      });
      const liveKeys = new Set(live.map(l => keyOf(l as JsonObject)));
      return [
        ...merged,
        ...applied.filter(a => !liveKeys.has(keyOf(a as JsonObject))),
      ];
    }
  }
  return deepCopy(applied);
}
