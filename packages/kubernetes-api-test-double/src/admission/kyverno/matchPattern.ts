import { isPlainObject, JsonObject } from '../../types';
import { anchorString, isAnchorOf, parseAnchor } from './anchors';
import { goSprint } from './goValues';
import { validateValue } from './scalarPattern';
import { containsWildcard, wildcardMatch } from './wildcard';

/*
 * Kyverno's `validate.pattern` matching (pkg/engine/validate): a pattern is
 * an overlay of the resource; maps match key by key, a list pattern's first
 * element applies to every resource element, leaf values are patterns.
 * Anchors on keys change what a key means:
 *
 * - `(k): v`   condition: if k does not match v, the enclosing map is skipped
 *              (the rule passes as skipped when nothing else applies)
 * - `<(k): v`  global condition: if k exists and does not match, the whole rule is skipped
 * - `=(k): v`  equality: if k exists it must match v
 * - `^(k): [v]` existence: if k exists, some list element must match v
 * - `X(k): v`  negation: k must not exist
 */

export interface PatternFailure {
  /** Path of the failing element, `/spec/containers/0/image/`; empty for execution errors. */
  path: string;
  /** The rule is skipped (a condition anchor did not match), not failed. */
  skip: boolean;
  message: string;
}

type AnchorErrorKind = 'conditional' | 'global' | 'negation';

interface MatchError {
  message: string;
  /** Set for errors raised by an anchor handler itself. */
  anchor?: AnchorErrorKind;
  /** A skip aggregated by a nested map or list (Kyverno's PatternError). */
  nestedSkip?: boolean;
}

interface Failed {
  path: string;
  err: MatchError;
}

const CONDITIONAL = 'conditional anchor mismatch';
const GLOBAL = 'global anchor mismatch';
const NEGATION = 'negation anchor matched in resource';

const PREFIXES: Record<AnchorErrorKind, string> = {
  conditional: CONDITIONAL,
  global: GLOBAL,
  negation: NEGATION,
};

const anchorError = (kind: AnchorErrorKind, msg: string): MatchError => ({
  anchor: kind,
  message: `${PREFIXES[kind]}: ${msg}`,
});

// Like Kyverno, a nested skip is recognised by its message as well.
const isSkip = (e: MatchError) =>
  e.anchor === 'conditional' ||
  e.anchor === 'global' ||
  e.message.includes(CONDITIONAL) ||
  e.message.includes(GLOBAL);
const isNegation = (e: MatchError) =>
  e.anchor === 'negation' || e.message.includes(NEGATION);

function goType(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return '[]interface {}';
  if (isPlainObject(v)) return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v;
}

/** Which condition/existence/negation anchors found their key somewhere. */
class AnchorMap {
  private readonly seen = new Map<string, boolean>();

  check(pattern: JsonObject, resource: unknown): void {
    for (const key of Object.keys(pattern)) {
      const a = parseAnchor(key);
      if (!a || !['condition', 'existence', 'negation'].includes(a.type))
        continue;
      if (this.seen.get(key)) continue;
      this.seen.set(key, hasValueForKey(resource, a.key));
    }
  }

  keysAreMissing(): boolean {
    return [...this.seen].some(
      ([key, found]) => !found && !isAnchorOf(key, 'negation'),
    );
  }
}

function hasValueForKey(resource: unknown, key: string): boolean {
  if (isPlainObject(resource)) return key in resource;
  if (Array.isArray(resource))
    return resource.some(v => hasValueForKey(v, key));
  return false;
}

/** Matches a resource against a pattern; undefined when it satisfies it. */
export function matchPattern(
  resource: unknown,
  pattern: unknown,
): PatternFailure | undefined {
  const ac = new AnchorMap();
  const failed = validateElement(resource, pattern, '/', ac);
  if (!failed) return undefined;
  const { err } = failed;
  if (isSkip(err)) return { path: '', skip: true, message: err.message };
  if (isNegation(err))
    return { path: failed.path, skip: false, message: err.message };
  if (ac.keysAreMissing())
    return { path: '', skip: false, message: err.message };
  return { path: failed.path, skip: false, message: err.message };
}

function validateElement(
  resource: unknown,
  pattern: unknown,
  path: string,
  ac: AnchorMap,
): Failed | undefined {
  if (isPlainObject(pattern)) {
    if (!isPlainObject(resource))
      return {
        path,
        err: {
          message: `pattern and resource have different structures. Path: ${path}. Expected ${goType(
            pattern,
          )}, found ${goType(resource)}`,
        },
      };
    ac.check(pattern, resource);
    return validateMap(resource, pattern, path, ac);
  }
  if (Array.isArray(pattern)) {
    if (!Array.isArray(resource))
      return {
        path,
        err: {
          message: `validation rule failed at path ${path}, resource does not satisfy the expected overlay pattern`,
        },
      };
    return validateArray(resource, pattern, path, ac);
  }
  const mismatch = (): Failed => ({
    path,
    err: {
      message: `resource value '${goSprint(
        resource,
      )}' does not match '${goSprint(pattern)}' at path ${path}`,
    },
  });
  if (Array.isArray(resource))
    return resource.every(r => validateValue(r, pattern))
      ? undefined
      : mismatch();
  return validateValue(resource, pattern) ? undefined : mismatch();
}

function validateMap(
  resource: JsonObject,
  rawPattern: JsonObject,
  path: string,
  ac: AnchorMap,
): Failed | undefined {
  const pattern = expandWildcardsInMetadata(rawPattern, resource);
  const anchorKeys = Object.keys(pattern)
    .filter(k =>
      isAnchorOf(k, 'condition', 'existence', 'equality', 'negation'),
    )
    .sort();
  const skipErrors: MatchError[] = [];
  const skipSibling = () => skipErrors.some(e => !e.nestedSkip);
  let applied = 0;
  for (const key of anchorKeys) {
    const failed = handleKey(key, pattern[key], resource, path, ac);
    if (!failed) {
      applied++;
      continue;
    }
    if (isSkip(failed.err)) {
      skipErrors.push(failed.err);
      continue;
    }
    if (!skipSibling()) return failed;
  }
  if (skipErrors.length > 0 && (applied === 0 || skipSibling())) {
    return {
      path,
      err: {
        nestedSkip: true,
        message: skipErrors.map(e => e.message).join('; '),
      },
    };
  }
  // Global anchors and keys with nested anchors go first (Kyverno pushes them to the front).
  const front: string[] = [];
  const back: string[] = [];
  for (const key of Object.keys(pattern)
    .filter(k => !anchorKeys.includes(k))
    .sort()) {
    if (isAnchorOf(key, 'global') || hasNestedAnchors(pattern[key]))
      front.unshift(key);
    else back.push(key);
  }
  for (const key of [...front, ...back]) {
    const failed = handleKey(key, pattern[key], resource, path, ac);
    if (failed) return failed;
  }
  return undefined;
}

function hasNestedAnchors(pattern: unknown): boolean {
  if (isPlainObject(pattern))
    return Object.entries(pattern).some(
      ([k, v]) =>
        isAnchorOf(
          k,
          'condition',
          'existence',
          'equality',
          'negation',
          'global',
        ) || hasNestedAnchors(v),
    );
  if (Array.isArray(pattern)) return pattern.some(hasNestedAnchors);
  return false;
}

function handleKey(
  key: string,
  pattern: unknown,
  resource: JsonObject,
  path: string,
  ac: AnchorMap,
): Failed | undefined {
  const anchor = parseAnchor(key);
  const present = (k: string) =>
    Object.prototype.hasOwnProperty.call(resource, k);
  if (!anchor || anchor.type === 'addIfNotPresent') {
    const current = `${path}${key}/`;
    const value = resource[key];
    if (pattern === '*') {
      if (value !== undefined && value !== null) return undefined;
      return { path, err: { message: `${path}/${key} not found` } };
    }
    return validateElement(value, pattern, current, ac);
  }
  const current = `${path}${anchor.key}/`;
  const value = resource[anchor.key];
  switch (anchor.type) {
    case 'negation':
      if (!present(anchor.key)) return undefined;
      return {
        path: current,
        err: anchorError('negation', `${current} is not allowed`),
      };
    case 'equality':
      return present(anchor.key)
        ? validateElement(value, pattern, current, ac)
        : undefined;
    case 'condition': {
      if (!present(anchor.key))
        return {
          path: current,
          err: anchorError(
            'conditional',
            "conditional anchor key doesn't exist in the resource",
          ),
        };
      const failed = validateElement(value, pattern, current, ac);
      if (!failed) return undefined;
      return {
        path: failed.path,
        err: anchorError('conditional', failed.err.message),
      };
    }
    case 'global': {
      if (!present(anchor.key)) return undefined;
      const failed = validateElement(value, pattern, current, ac);
      if (!failed) return undefined;
      return {
        path: failed.path,
        err: anchorError('global', failed.err.message),
      };
    }
    case 'existence':
    default:
      return existence(value, present(anchor.key), pattern, current, ac);
  }
}

function existence(
  value: unknown,
  present: boolean,
  pattern: unknown,
  path: string,
  ac: AnchorMap,
): Failed | undefined {
  if (!present) return undefined;
  if (!Array.isArray(value))
    return {
      path,
      err: {
        message: `invalid resource type ${goType(
          value,
        )}: Existence ^ () anchor can be used only on list/array type resource`,
      },
    };
  if (!Array.isArray(pattern))
    return {
      path,
      err: {
        message: `invalid pattern type ${goType(
          pattern,
        )}: Pattern has to be of list to compare against resource`,
      },
    };
  for (const p of pattern) {
    if (!isPlainObject(p))
      return {
        path,
        err: {
          message: `invalid pattern type ${goType(
            pattern,
          )}: Pattern has to be of type map to compare against items in resource`,
        },
      };
    const someMatch = value.some(
      (element, i) => !validateElement(element, p, `${path}${i}/`, ac),
    );
    if (!someMatch)
      return {
        path,
        err: { message: `existence anchor validation failed at path ${path}` },
      };
  }
  return undefined;
}

function validateArray(
  resource: unknown[],
  pattern: unknown[],
  path: string,
  ac: AnchorMap,
): Failed | undefined {
  if (pattern.length === 0)
    return { path, err: { message: 'pattern Array empty' } };
  const first = pattern[0];
  if (isPlainObject(first)) {
    // Every resource element must match the (first) pattern element.
    const skips: MatchError[] = [];
    let applied = 0;
    for (let i = 0; i < resource.length; i++) {
      const failed = validateElement(resource[i], first, `${path}${i}/`, ac);
      if (!failed) applied++;
      else if (isSkip(failed.err)) skips.push(failed.err);
      else return failed;
    }
    if (applied === 0 && skips.length > 0)
      return {
        path,
        err: {
          nestedSkip: true,
          message: skips.map(e => e.message).join('; '),
        },
      };
    return undefined;
  }
  if (!Array.isArray(first)) return validateElement(resource, first, path, ac);
  // Lists of lists: element by element.
  if (resource.length < pattern.length)
    return {
      path: '',
      err: {
        message: `validate Array failed, array length mismatch, resource Array len is ${resource.length} and pattern Array len is ${pattern.length}`,
      },
    };
  const skips: MatchError[] = [];
  let applied = 0;
  for (let i = 0; i < pattern.length; i++) {
    const failed = validateElement(resource[i], pattern[i], `${path}${i}/`, ac);
    if (!failed) applied++;
    else if (isSkip(failed.err)) skips.push(failed.err);
    else return failed;
  }
  if (applied === 0 && skips.length > 0)
    return {
      path,
      err: { nestedSkip: true, message: skips.map(e => e.message).join('; ') },
    };
  return undefined;
}

/**
 * Wildcard keys under `metadata.labels`/`metadata.annotations` (e.g.
 * `app.kubernetes.io/*: "?*"`) stand for the first resource key they match.
 */
function expandWildcardsInMetadata(
  pattern: JsonObject,
  resource: JsonObject,
): JsonObject {
  const metaKey = Object.keys(pattern).find(
    k => k === 'metadata' || parseAnchor(k)?.key === 'metadata',
  );
  if (!metaKey || !isPlainObject(pattern[metaKey])) return pattern;
  if (!isPlainObject(resource.metadata)) return pattern;
  const patternMeta = { ...(pattern[metaKey] as JsonObject) };
  const resourceMeta = resource.metadata;
  for (const tag of ['labels', 'annotations']) {
    const tagKey = Object.keys(patternMeta).find(
      k => k === tag || parseAnchor(k)?.key === tag,
    );
    if (!tagKey || !isPlainObject(patternMeta[tagKey])) continue;
    const resourceTagKey = Object.keys(resourceMeta).find(
      k => k === tag || parseAnchor(k)?.key === tag,
    );
    const resourceTag = resourceTagKey
      ? resourceMeta[resourceTagKey]
      : undefined;
    if (!isPlainObject(resourceTag)) continue;
    const expanded: JsonObject = {};
    for (const [k, v] of Object.entries(patternMeta[tagKey] as JsonObject)) {
      if (!containsWildcard(k)) {
        expanded[k] = v;
        continue;
      }
      const a = parseAnchor(k);
      const bare = a ? a.key : k;
      const match = Object.keys(resourceTag).find(rk =>
        wildcardMatch(bare, rk),
      );
      const resolved = match ?? bare;
      expanded[a ? anchorString({ type: a.type, key: resolved }) : resolved] =
        v;
    }
    patternMeta[tagKey] = expanded;
  }
  return { ...pattern, [metaKey]: patternMeta };
}
