import { deepCopy, deepEqual, isPlainObject } from '../types';
import { PatchError } from './strategicMergePatch';

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw new PatchError(`invalid JSON pointer: "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolveParent(
  doc: unknown,
  tokens: string[],
): { parent: unknown; key: string } {
  let cur = doc;
  for (const t of tokens.slice(0, -1)) {
    cur = child(cur, t);
    if (cur === undefined) {
      throw new PatchError(
        `doc is missing path: "/${tokens.join('/')}": missing value`,
      );
    }
  }
  return { parent: cur, key: tokens[tokens.length - 1] };
}

function child(value: unknown, token: string): unknown {
  if (Array.isArray(value)) return value[Number(token)];
  return isPlainObject(value) ? value[token] : undefined;
}

function read(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const t of parsePointer(pointer)) {
    cur = child(cur, t);
    if (cur === undefined)
      throw new PatchError(`doc is missing path: "${pointer}": missing value`);
  }
  return cur;
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const { parent, key } = resolveParent(doc, tokens);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) {
      throw new PatchError(`Unable to access invalid index: ${key}`);
    }
    parent.splice(i, 0, value);
  } else if (isPlainObject(parent)) {
    parent[key] = value;
  } else {
    throw new PatchError(`doc is missing path: "${pointer}": missing value`);
  }
  return doc;
}

function remove(doc: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  const { parent, key } = resolveParent(doc, tokens);
  if (Array.isArray(parent) && Number(key) < parent.length)
    parent.splice(Number(key), 1);
  else if (isPlainObject(parent) && key in parent) delete parent[key];
  else
    throw new PatchError(
      `Unable to remove nonexistent key: ${key}: missing value`,
    );
  return doc;
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test). */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) {
    throw new PatchError(
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  }
  let doc = deepCopy(target);
  for (const raw of operations as Operation[]) {
    switch (raw.op) {
      case 'add':
        doc = add(doc, raw.path, deepCopy(raw.value));
        break;
      case 'remove':
        doc = remove(doc, raw.path);
        break;
      case 'replace':
        read(doc, raw.path);
        doc = add(remove(doc, raw.path), raw.path, deepCopy(raw.value));
        break;
      case 'move': {
        const value = read(doc, raw.from ?? '');
        doc = add(remove(doc, raw.from ?? ''), raw.path, value);
        break;
      }
      case 'copy':
        doc = add(doc, raw.path, deepCopy(read(doc, raw.from ?? '')));
        break;
      case 'test':
        if (!deepEqual(read(doc, raw.path), raw.value)) {
          throw new PatchError(`testing value ${raw.path} failed: test failed`);
        }
        break;
      default:
        throw new PatchError(`Unexpected kind: ${String(raw.op)}`);
    }
  }
  return doc;
}
