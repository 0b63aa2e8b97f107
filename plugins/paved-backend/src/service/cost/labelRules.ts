import { InputError } from '@backstage/errors';
import { isDns1123Subdomain, isLabelValue } from '@paved/plugin-paved-common';

/** At most this much of a refused input is quoted back in a message. */
const QUOTE_LIMIT = 40;

/** A refused input as JSON, shortened, so control characters show and 10 KB does not. */
function quote(value: string): string {
  const shown =
    value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value;
  return JSON.stringify(shown);
}

const VALUE_ALPHABET =
  '[A-Za-z0-9], "-", "_" and ".", and must start and end with [A-Za-z0-9]';

/**
 * Why `value` is not a Kubernetes label value (empty, or at most 63
 * characters of [A-Za-z0-9-_.] starting and ending alphanumeric), or
 * `undefined` when it is one. Uses paved-common's `isLabelValue`.
 */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) {
    return `at most 63 characters, got ${value.length}`;
  }
  if (isLabelValue(value)) return undefined;
  return `may contain only ${VALUE_ALPHABET}, got ${quote(value)}`;
}

/**
 * Why `key` is not a Kubernetes label key, naming the part: an optional
 * prefix that is a DNS subdomain of at most 253 characters and a `/`, then a
 * name of 1-63 characters with a label value's alphabet.
 */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined) {
    if (prefix.length > 253) {
      return `prefix (before "/") must be a DNS subdomain of at most 253 characters, got ${prefix.length}`;
    }
    if (!isDns1123Subdomain(prefix)) {
      return `prefix (before "/") must be a DNS subdomain: lower-case [a-z0-9] and "-" in dot-separated parts, each starting and ending with [a-z0-9], got ${quote(
        prefix,
      )}`;
    }
  }
  if (name.length === 0)
    return 'name part (after any "/") must be 1-63 characters';
  if (name.length > 63) {
    return `name part at most 63 characters, got ${name.length}`;
  }
  if (!isLabelValue(name)) {
    return `name part may contain only ${VALUE_ALPHABET}, got ${quote(name)}`;
  }
  return undefined;
}

/** Throws an `InputError` (400) naming the rule when `key` is no label key. */
export function assertLabelKey(key: string): void {
  const problem = labelKeyProblem(key);
  if (problem) throw new InputError(`label key: ${problem}`);
}

/** Throws an `InputError` (400) naming the rule when `value` is no label value. */
export function assertLabelValue(value: string): void {
  const problem = labelValueProblem(value);
  if (problem) throw new InputError(`label value: ${problem}`);
}
