import { itemKey, listTypeFor } from '../apply/listSchema';
import { deepCopy, deepEqual, isPlainObject, JsonObject } from '../types';

export class PatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatchError';
  }
}

/**
 * Strategic merge patch, approximated: like a merge patch, but lists the
 * double knows as keyed (containers by name, ports, env, ...) merge item by
 * item, and the `$patch: delete|replace` and `$setElementOrder` directives are
 * honoured. Other lists replace, as their default `replace` strategy does.
 */
export function applyStrategicMergePatch(
  target: unknown,
  patch: unknown,
  fieldPath: string[] = [],
): unknown {
  if (!isPlainObject(patch)) return deepCopy(patch);
  if (patch.$patch === 'replace') {
    const rest = { ...patch };
    delete rest.$patch;
    return rest;
  }
  if (patch.$patch === 'delete') return undefined;
  const out: JsonObject = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (
      k.startsWith('$setElementOrder/') ||
      k === '$retainKeys' ||
      k === '$patch'
    )
      continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const list = Array.isArray(out[field]) ? (out[field] as unknown[]) : [];
      out[field] = list.filter(
        item => !(Array.isArray(v) && v.some(d => deepEqual(d, item))),
      );
      continue;
    }
    if (v === null) {
      delete out[k];
    } else if (Array.isArray(v)) {
      out[k] = mergeList(out[k], v, [...fieldPath, k]);
    } else {
      const merged = applyStrategicMergePatch(out[k], v, [...fieldPath, k]);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
  }
  return out;
}

function mergeList(
  target: unknown,
  patch: unknown[],
  fieldPath: string[],
): unknown[] {
  const live = Array.isArray(target) ? target : [];
  const lt = listTypeFor(fieldPath, patch.length > 0 ? patch : live);
  if (lt.type === 'set')
    return [...live, ...patch.filter(p => !live.some(l => deepEqual(l, p)))];
  if (lt.type !== 'map' || !patch.every(isPlainObject)) return deepCopy(patch);
  if (patch.some(p => (p as JsonObject).$patch === 'replace')) {
    return patch.filter(p => (p as JsonObject).$patch !== 'replace');
  }
  const keyOf = (item: unknown) =>
    isPlainObject(item)
      ? JSON.stringify(itemKey(lt.keys, item))
      : JSON.stringify(item);
  const result = [...live];
  for (const p of patch as JsonObject[]) {
    if (lt.keys.every(k => k === 'protocol' || p[k] === undefined)) {
      throw new PatchError(
        `map: ${JSON.stringify(p)} does not contain declared merge key: ${
          lt.keys[0]
        }`,
      );
    }
    const i = result.findIndex(l => keyOf(l) === keyOf(p));
    if (p.$patch === 'delete') {
      if (i >= 0) result.splice(i, 1);
    } else if (i >= 0) {
      result[i] = applyStrategicMergePatch(result[i], p, fieldPath);
    } else {
      result.push(applyStrategicMergePatch({}, p, fieldPath));
    }
  }
  return result;
}
