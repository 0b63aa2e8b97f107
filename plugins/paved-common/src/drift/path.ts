/**
 * A field's place in an object: map keys, list items found by their `name`
 * (`containers[name=app]`) or, in lists without names, by index.
 */
export type PathSegment = string | number | { name: string };

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `spec.hard["requests.cpu"]`, `subjects[1]`, `containers[name=app].image`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'object') out += `[name=${s.name}]`;
    else if (PLAIN_KEY.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
