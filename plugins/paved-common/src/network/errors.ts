/**
 * A NetworkPolicy (or flow) the evaluator cannot read. Thrown rather than
 * guessed at, because a misread policy would give a verdict nobody can trust.
 */
export class NetworkPolicyError extends Error {
  /** "namespace/name" of the policy at fault, when one is. */
  readonly policy?: string;

  constructor(message: string, policy?: string) {
    super(message);
    this.name = 'NetworkPolicyError';
    this.policy = policy;
  }
}

/** Where in which policy a value sits, so errors can point at it. */
export interface Where {
  /** "namespace/name", or undefined outside any policy. */
  policy?: string;
  /** Dotted path, e.g. "spec.ingress[0].from[1].ipBlock.cidr". */
  path: string;
}

/** Extends a location by a field or index. */
export function at(where: Where, field: string | number): Where {
  if (typeof field === 'number') {
    return { policy: where.policy, path: `${where.path}[${field}]` };
  }
  const path = where.path ? `${where.path}.${field}` : field;
  return { policy: where.policy, path };
}

/** Throws a NetworkPolicyError that names the policy and the path. */
export function fail(where: Where, message: string): never {
  const prefix = where.policy ? `NetworkPolicy ${where.policy}: ` : '';
  throw new NetworkPolicyError(
    `${prefix}${where.path}: ${message}`,
    where.policy,
  );
}

/** A plain object, as YAML gives for a mapping (not null, not a list). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shows a bad value in an error message without dumping huge objects. */
export function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
