import { isPlainObject } from '../types';

/**
 * How server-side apply treats a list: merged by key ("map"), as a set of
 * scalars, or replaced whole ("atomic"). The real server reads this from the
 * OpenAPI schema (x-kubernetes-list-type); the double has no schema, so it
 * knows the common built-in lists by field name and falls back to "items with
 * a name are keyed by name", which also suits most custom resources.
 */
export type ListType =
  | { type: 'map'; keys: string[] }
  | { type: 'set' }
  | { type: 'atomic' };

const BY_FIELD: Record<string, string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  imagePullSecrets: ['name'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  hostAliases: ['ip'],
  conditions: ['type'],
  ownerReferences: ['uid'],
  topologySpreadConstraints: ['topologyKey', 'whenUnsatisfiable'],
};

const SETS = new Set(['finalizers']);

/**
 * Lists the API marks `+listType=atomic` although their items carry a name:
 * RBAC's subjects (a binding's new group replaces the old one, it is not
 * merged beside it).
 */
const ATOMIC = new Set(['subjects']);

/** Key fields that have a server default, so an omitted key still identifies the item. */
export const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

/** `fieldPath` holds only the field names leading to the list (`f:` elements stripped). */
export function listTypeFor(fieldPath: string[], items: unknown[]): ListType {
  const field = fieldPath[fieldPath.length - 1];
  if (SETS.has(field)) return { type: 'set' };
  if (ATOMIC.has(field)) return { type: 'atomic' };
  if (field === 'ports') {
    const inContainer = fieldPath.some(f =>
      /^(init|ephemeral)?[cC]ontainers$/.test(f),
    );
    return {
      type: 'map',
      keys: inContainer ? ['containerPort', 'protocol'] : ['port', 'protocol'],
    };
  }
  if (BY_FIELD[field]) return { type: 'map', keys: BY_FIELD[field] };
  if (
    items.length > 0 &&
    items.every(i => isPlainObject(i) && typeof i.name === 'string')
  ) {
    return { type: 'map', keys: ['name'] };
  }
  return { type: 'atomic' };
}

/** Objects replaced whole rather than merged field by field (LabelSelector is structType=atomic). */
export function isAtomicObject(
  fieldPath: string[],
  value: Record<string, unknown>,
): boolean {
  const field = fieldPath[fieldPath.length - 1];
  return (
    (field === 'selector' ||
      field === 'labelSelector' ||
      field === 'namespaceSelector' ||
      field === 'podSelector') &&
    ('matchLabels' in value || 'matchExpressions' in value)
  );
}

/** The key of a list item, with defaults filled in and fields sorted as SMD prints them. */
export function itemKey(
  keys: string[],
  item: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [...keys].sort()) {
    const v = item[k] ?? KEY_DEFAULTS[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
