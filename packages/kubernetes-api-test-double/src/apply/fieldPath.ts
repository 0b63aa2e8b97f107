import { deepEqual, isPlainObject } from '../types';
import { KEY_DEFAULTS } from './listSchema';

/**
 * A field path as a list of FieldsV1 path elements: `f:<field>`,
 * `k:<json key object>` (keyed list item), `v:<json value>` (set item) and
 * `i:<index>`.
 */
export type FieldPath = string[];

export const fieldElement = (name: string) => `f:${name}`;
export const keyElement = (key: Record<string, unknown>) =>
  `k:${JSON.stringify(key)}`;
export const valueElement = (value: unknown) => `v:${JSON.stringify(value)}`;

/** The field names along a path, which is what list-type lookups need. */
export function fieldNames(path: FieldPath): string[] {
  return path.filter(e => e.startsWith('f:')).map(e => e.slice(2));
}

function matchesKey(item: unknown, key: Record<string, unknown>): boolean {
  if (!isPlainObject(item)) return false;
  return Object.entries(key).every(([k, v]) =>
    deepEqual(item[k] ?? KEY_DEFAULTS[k], v),
  );
}

function indexIn(list: unknown[], element: string): number {
  const body = element.slice(2);
  if (element.startsWith('k:')) {
    const key = JSON.parse(body);
    return list.findIndex(item => matchesKey(item, key));
  }
  if (element.startsWith('v:')) {
    const value = JSON.parse(body);
    return list.findIndex(item => deepEqual(item, value));
  }
  if (element.startsWith('i:')) {
    const i = Number(body);
    return i < list.length ? i : -1;
  }
  return -1;
}

/** The value at a path, or undefined when any step is missing. */
export function getAt(root: unknown, path: FieldPath): unknown {
  let cur: unknown = root;
  for (const element of path) {
    if (element.startsWith('f:')) {
      if (!isPlainObject(cur) || !(element.slice(2) in cur)) return undefined;
      cur = cur[element.slice(2)];
    } else {
      if (!Array.isArray(cur)) return undefined;
      const i = indexIn(cur, element);
      if (i < 0) return undefined;
      cur = cur[i];
    }
  }
  return cur;
}

/** Removes the value at a path in place, then drops maps left empty by the removal. */
export function removeAt(root: Record<string, unknown>, path: FieldPath): void {
  if (path.length === 0) return;
  const parentPath = path.slice(0, -1);
  const parent = getAt(root, parentPath);
  const last = path[path.length - 1];
  if (last.startsWith('f:') && isPlainObject(parent)) {
    delete parent[last.slice(2)];
  } else if (Array.isArray(parent)) {
    const i = indexIn(parent, last);
    if (i >= 0) parent.splice(i, 1);
  } else {
    return;
  }
  // Keep top-level fields (spec, metadata) even when empty; prune deeper empty maps.
  if (
    parentPath.length > 1 &&
    isPlainObject(parent) &&
    Object.keys(parent).length === 0
  ) {
    removeAt(root, parentPath);
  }
}

/** `.spec.template.spec.containers[name="app"].image`: how conflict messages print paths. */
export function pathToString(path: FieldPath): string {
  return path
    .map(element => {
      const body = element.slice(2);
      if (element.startsWith('f:')) return `.${body}`;
      if (element.startsWith('k:')) {
        const key = JSON.parse(body) as Record<string, unknown>;
        return `[${Object.entries(key)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(',')}]`;
      }
      if (element.startsWith('v:')) return `[=${body}]`;
      return `[${body}]`;
    })
    .join('');
}
