import { isPlainObject, JsonObject } from '../types';
import {
  fieldElement,
  FieldPath,
  fieldNames,
  keyElement,
  valueElement,
} from './fieldPath';
import { isAtomicObject, itemKey, listTypeFor } from './listSchema';

/** A set of field paths: what one manager owns. */
export class FieldSet {
  private readonly paths = new Map<string, FieldPath>();

  constructor(paths: Iterable<FieldPath> = []) {
    for (const p of paths) this.add(p);
  }

  add(path: FieldPath): void {
    this.paths.set(JSON.stringify(path), path);
  }

  has(path: FieldPath): boolean {
    return this.paths.has(JSON.stringify(path));
  }

  get size(): number {
    return this.paths.size;
  }

  toArray(): FieldPath[] {
    return [...this.paths.values()];
  }

  union(other: FieldSet): FieldSet {
    return new FieldSet([...this.toArray(), ...other.toArray()]);
  }

  minus(other: FieldSet): FieldSet {
    return new FieldSet(this.toArray().filter(p => !other.has(p)));
  }

  /** Whether this set owns the path itself or anything beneath it. */
  ownsAnythingUnder(path: FieldPath): boolean {
    return this.toArray().some(
      p => p.length >= path.length && path.every((e, i) => p[i] === e),
    );
  }
}

/**
 * The fields an object sets, as structured-merge-diff computes them: every
 * leaf value, every keyed list item (so its removal is tracked) and atomic
 * values as single members.
 */
export function toFieldSet(value: JsonObject): FieldSet {
  const set = new FieldSet();
  walk(value, [], set);
  return set;
}

function walk(value: unknown, path: FieldPath, set: FieldSet): void {
  if (isPlainObject(value)) {
    if (
      path.length > 0 &&
      (Object.keys(value).length === 0 ||
        isAtomicObject(fieldNames(path), value))
    ) {
      set.add(path);
      return;
    }
    for (const [k, v] of Object.entries(value))
      walk(v, [...path, fieldElement(k)], set);
    return;
  }
  if (Array.isArray(value)) {
    const lt = listTypeFor(fieldNames(path), value);
    if (lt.type === 'set') {
      for (const item of value) set.add([...path, valueElement(item)]);
    } else if (lt.type === 'map' && value.every(isPlainObject)) {
      for (const item of value as JsonObject[]) {
        const itemPath = [...path, keyElement(itemKey(lt.keys, item))];
        set.add(itemPath);
        for (const [k, v] of Object.entries(item))
          walk(v, [...itemPath, fieldElement(k)], set);
      }
    } else {
      set.add(path);
    }
    return;
  }
  set.add(path);
}

/** Whether a path names a whole keyed item rather than a value inside it. */
export function isItemPath(path: FieldPath): boolean {
  const last = path[path.length - 1] ?? '';
  return last.startsWith('k:');
}

/** Encodes a set as the FieldsV1 tree stored in managedFields. */
export function toFieldsV1(set: FieldSet): JsonObject {
  const root: JsonObject = {};
  const members: JsonObject[] = [];
  for (const path of set.toArray()) {
    let node = root;
    for (const element of path) {
      if (!isPlainObject(node[element])) node[element] = {};
      node = node[element] as JsonObject;
    }
    members.push(node);
  }
  // A member that also has children is marked with "." (SMD's encoding).
  for (const node of members) {
    if (Object.keys(node).some(k => k !== '.')) node['.'] = {};
  }
  return sortTree(root);
}

function sortTree(node: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(node).sort()) {
    out[k] = isPlainObject(node[k]) ? sortTree(node[k] as JsonObject) : node[k];
  }
  return out;
}

/** Decodes a FieldsV1 tree back into a set. */
export function fromFieldsV1(tree: unknown): FieldSet {
  const set = new FieldSet();
  const visit = (node: unknown, path: FieldPath) => {
    if (!isPlainObject(node)) return;
    const children = Object.keys(node).filter(k => k !== '.');
    if (path.length > 0 && (children.length === 0 || '.' in node))
      set.add(path);
    for (const k of children) visit(node[k], [...path, k]);
  };
  visit(tree, []);
  return set;
}
