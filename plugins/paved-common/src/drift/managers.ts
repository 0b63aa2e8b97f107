import type { PathSegment } from './path';
import type { DriftManager } from './types';

type ManagedFieldsEntry = {
  manager?: string;
  operation?: string;
  subresource?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: Record<string, unknown>;
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The node of a fieldsV1 set for a path, as far as the set can name it:
 * `f:<key>` for map keys, `k:{"name":…}` for named list items. A list item
 * by index, or in a list set whole, has no key in the set, so the walk
 * stops at the list and its owner is the answer.
 */
function nodeFor(
  fields: Record<string, unknown>,
  path: readonly PathSegment[],
): Record<string, unknown> | undefined {
  let node: Record<string, unknown> = fields;
  for (const s of path) {
    if (typeof s === 'number') return node;
    const key =
      typeof s === 'object'
        ? Object.keys(node).find(k => {
            if (!k.startsWith('k:')) return false;
            try {
              return JSON.parse(k.slice(2))?.name === s.name;
            } catch {
              return false;
            }
          })
        : `f:${s}`;
    // A list set whole (RBAC subjects) has no item keys: its owner owns the item.
    if (
      typeof s === 'object' &&
      !key &&
      !Object.keys(node).some(k => k.startsWith('k:'))
    )
      return node;
    const next = key ? node[key] : undefined;
    if (!isObject(next)) return undefined;
    node = next;
  }
  return node;
}

/**
 * Who owns the field at `path` in a live object, from its managedFields:
 * every manager whose field set names the path (or, for a list compared
 * whole, the list). Entries without a FieldsV1 set are skipped.
 */
export function managersOf(
  managedFields: unknown,
  path: readonly PathSegment[],
): DriftManager[] {
  if (!Array.isArray(managedFields)) return [];
  const out: DriftManager[] = [];
  for (const e of managedFields as ManagedFieldsEntry[]) {
    if (!isObject(e?.fieldsV1) || typeof e.manager !== 'string') continue;
    if (!nodeFor(e.fieldsV1, path)) continue;
    out.push({
      manager: e.manager,
      ...(e.operation ? { operation: e.operation } : {}),
      ...(e.subresource ? { subresource: e.subresource } : {}),
      ...(e.time ? { time: e.time } : {}),
    });
  }
  return out;
}
