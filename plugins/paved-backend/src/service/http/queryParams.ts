import { InputError } from '@backstage/errors';

/**
 * One query parameter's single value: `undefined` when absent, the string
 * when given once, and an `InputError` (400) naming the parameter otherwise.
 *
 * Express parses `?a=1&a=2` and `?a[]=1` into arrays and `?a[b]=1` into
 * objects; a route that reads only strings would silently answer its
 * default instead. Refusing says what was wrong with the request.
 */
export function singleQueryParam(
  query: Readonly<Record<string, unknown>>,
  name: string,
): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(query, name)) return undefined;
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    throw new InputError(
      value.length > 1
        ? `${name}: give one value, got ${value.length}`
        : `${name}: give one value, not an array (${name}[]=...); use ${name}=...`,
    );
  }
  if (value && typeof value === 'object') {
    throw new InputError(
      `${name}: give one value, not an object (${name}[...]=...); use ${name}=...`,
    );
  }
  throw new InputError(`${name}: give one value as text`);
}
