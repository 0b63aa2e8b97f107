/**
 * Kyverno's wildcard matching: `*` is any run of characters (also none), `?`
 * exactly one; everything else is literal. An empty pattern only matches the
 * empty string.
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (pattern === '') return value === '';
  if (pattern === '*') return true;
  const p = [...pattern];
  const s = [...value];
  // Greedy matching with backtracking to the last star: linear in practice.
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    if (
      pi < p.length &&
      (p[pi] === '?' || (p[pi] !== '*' && p[pi] === s[si]))
    ) {
      pi++;
      si++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

export const containsWildcard = (v: string) =>
  v.includes('*') || v.includes('?');
