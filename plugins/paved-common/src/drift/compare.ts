import { isQuantity, parseQuantity } from '../tiers/quantity';
import { PathSegment } from './path';

/** A field where the live object differs from the desired manifest. */
export type FieldDifference = {
  path: PathSegment[];
  desired?: unknown;
  live?: unknown;
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

const defined = (live: unknown) => (live === undefined ? {} : { live });

const named = (v: unknown): v is { name: string } =>
  isObject(v) && typeof v.name === 'string';

/**
 * Scalars as the API server keeps them: a quantity comes back in canonical
 * form (`1000m` reads `1`, `1024Mi` reads `1Gi`), so quantities compare by
 * value; everything else compares exactly.
 */
function sameScalar(desired: unknown, live: unknown): boolean {
  if (desired === live) return true;
  if (
    typeof desired === 'string' &&
    typeof live === 'string' &&
    isQuantity(desired) &&
    isQuantity(live)
  ) {
    return parseQuantity(desired) === parseQuantity(live);
  }
  return JSON.stringify(desired) === JSON.stringify(live);
}

/** How {@link compareFields} matches lists. */
export type CompareOptions = {
  /**
   * Whether the list at `path` is atomic even though its items carry names:
   * one difference when anything in it differs, the way server-side apply
   * replaces it whole. By default named items are matched by name.
   */
  atomicList?: (path: readonly PathSegment[]) => boolean;
};

/**
 * Built-in lists the API marks `+listType=atomic` although their items carry
 * a `name`, by kind: applying them replaces the whole list.
 */
const ATOMIC_NAMED_LISTS: Record<string, readonly string[]> = {
  RoleBinding: ['subjects'],
  ClusterRoleBinding: ['subjects'],
  ServiceAccount: ['imagePullSecrets'],
};

/**
 * Whether Kubernetes itself serves the group (core, apps, batch,
 * `*.k8s.io`); a custom resource's group is a domain of its own.
 */
function isBuiltInGroup(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return !group.includes('.') || group.endsWith('.k8s.io');
}

/**
 * The lists of a kind that server-side apply replaces whole
 * (`x-kubernetes-list-type: atomic`), for {@link CompareOptions.atomicList}:
 * in a built-in kind the named lists the API marks atomic (RoleBinding
 * `subjects`, ServiceAccount `imagePullSecrets`; unnamed lists are atomic
 * anyway), and in a custom resource every list, as a CRD's lists are atomic
 * unless its schema sets another list type.
 */
export function atomicListsOf(
  apiVersion: string,
  kind: string,
): (path: readonly PathSegment[]) => boolean {
  if (!isBuiltInGroup(apiVersion)) return () => true;
  const fields = ATOMIC_NAMED_LISTS[kind] ?? [];
  return path => path.length === 1 && fields.includes(String(path[0]));
}

/**
 * The fields the desired manifest sets that the live object holds
 * differently, field by field over the manifest only: what others add
 * (server defaults, controllers' labels, status) is never compared.
 *
 * Lists whose items all carry a `name` (containers, ports, volumes) are
 * matched by name, and a live item the manifest does not name is a
 * difference too, unless `options.atomicList` says the list is atomic.
 * Atomic lists (RoleBinding subjects with {@link atomicListsOf}, policy
 * rules, any list without names) are compared as server-side apply treats
 * them: equal when they have the same length and each desired item matches
 * its live item; otherwise the whole list is one difference.
 */
export function compareFields(
  desired: unknown,
  live: unknown,
  options: CompareOptions = {},
  path: PathSegment[] = [],
): FieldDifference[] {
  if (isObject(desired)) {
    if (!isObject(live)) return [{ path, desired, ...defined(live) }];
    return Object.keys(desired).flatMap(k =>
      compareFields(desired[k], live[k], options, [...path, k]),
    );
  }
  if (Array.isArray(desired)) {
    if (!Array.isArray(live)) return [{ path, desired, ...defined(live) }];
    if (
      desired.length > 0 &&
      desired.every(named) &&
      live.every(named) &&
      !options.atomicList?.(path)
    ) {
      const liveByName = new Map(live.map(i => [i.name, i]));
      const out = desired.flatMap(d =>
        compareFields(d, liveByName.get(d.name), options, [
          ...path,
          { name: d.name },
        ]),
      );
      const wanted = new Set(desired.map(d => d.name));
      for (const extra of live.filter(i => !wanted.has(i.name)))
        out.push({ path: [...path, { name: extra.name }], live: extra });
      return out;
    }
    // Items keep the whole list's rules: a list inside an atomic list is
    // compared as the apply would send it, as part of its item.
    const items: CompareOptions = options.atomicList
      ? { atomicList: () => true }
      : {};
    const same =
      desired.length === live.length &&
      desired.every((d, i) => compareFields(d, live[i], items).length === 0);
    return same ? [] : [{ path, desired, live }];
  }
  if (desired === undefined) return [];
  return sameScalar(desired, live) ? [] : [{ path, desired, ...defined(live) }];
}
