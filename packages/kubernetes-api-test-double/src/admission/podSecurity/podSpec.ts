import { isPlainObject, JsonObject } from '../../types';

/** What a single Pod Security check says about a pod. */
export interface CheckResult {
  allowed: boolean;
  /** e.g. `allowPrivilegeEscalation != false` */
  reason?: string;
  /** e.g. `container "app" must set securityContext.allowPrivilegeEscalation=false` */
  detail?: string;
}

export type CheckFn = (meta: JsonObject, spec: JsonObject) => CheckResult;

export const ALLOWED: CheckResult = { allowed: true };

export const obj = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** Set in the Go sense: present and not null. */
export const isSet = (v: unknown) => v !== undefined && v !== null;

export interface Container {
  name: string;
  raw: JsonObject;
  /** `securityContext`, or undefined when unset (nil in Go). */
  sc?: JsonObject;
}

/** Init containers, containers, then ephemeral containers: the order checks report them in. */
export function containersOf(spec: JsonObject): Container[] {
  return [
    ...list(spec.initContainers),
    ...list(spec.containers),
    ...list(spec.ephemeralContainers),
  ].map(c => {
    const raw = obj(c);
    return {
      name: typeof raw.name === 'string' ? raw.name : '',
      raw,
      sc: isPlainObject(raw.securityContext) ? raw.securityContext : undefined,
    };
  });
}

/** The pod-level securityContext, or undefined when unset. */
export function podSecurityContext(spec: JsonObject): JsonObject | undefined {
  return isPlainObject(spec.securityContext) ? spec.securityContext : undefined;
}

export const isWindows = (spec: JsonObject) => obj(spec.os).name === 'windows';

export function pluralize(singular: string, plural: string, count: number) {
  return count === 1 ? singular : plural;
}

/** `"a", "b"` */
export function joinQuote(items: string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`;
}

/** Sorted, de-duplicated (Go's sets.String List()). */
export function sortedSet(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}

/** `container "a"` / `containers "a", "b"` */
export function containerList(names: string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(
    names,
  )}`;
}

/** Go's %q for the strings found in pod specs. */
export const goQuote = (s: string) => JSON.stringify(s);
