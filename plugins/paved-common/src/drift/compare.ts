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

/**
 * The fields the desired manifest sets that the live object holds
 * differently, field by field over the manifest only: what others add
 * (server defaults, controllers' labels, status) is never compared.
 *
 * Lists whose items all carry a `name` (containers, ports, volumes) are
 * matched by name, and a live item the manifest does not name is a
 * difference too. Other lists (RoleBinding subjects, policy rules) are
 * atomic, as server-side apply treats them: equal when they have the same
 * length and each desired item matches its live item; otherwise the whole
 * list is one difference.
 */
export function compareFields(
  desired: unknown,
  live: unknown,
  path: PathSegment[] = [],
): FieldDifference[] {
  if (isObject(desired)) {
    if (!isObject(live)) return [{ path, desired, ...defined(live) }];
    return Object.keys(desired).flatMap(k =>
      compareFields(desired[k], live[k], [...path, k]),
    );
  }
  if (Array.isArray(desired)) {
    if (!Array.isArray(live)) return [{ path, desired, ...defined(live) }];
    if (desired.length > 0 && desired.every(named) && live.every(named)) {
      const liveByName = new Map(live.map(i => [i.name, i]));
      const out = desired.flatMap(d =>
        compareFields(d, liveByName.get(d.name), [...path, { name: d.name }]),
      );
      const wanted = new Set(desired.map(d => d.name));
      for (const extra of live.filter(i => !wanted.has(i.name)))
        out.push({ path: [...path, { name: extra.name }], live: extra });
      return out;
    }
    const same =
      desired.length === live.length &&
      desired.every((d, i) => compareFields(d, live[i]).length === 0);
    return same ? [] : [{ path, desired, live }];
  }
  if (desired === undefined) return [];
  return sameScalar(desired, live) ? [] : [{ path, desired, ...defined(live) }];
}
