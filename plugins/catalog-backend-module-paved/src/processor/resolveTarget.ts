import { LocationSpec } from '@backstage/plugin-catalog-common';
import path from 'node:path';

/**
 * Resolves an annotation value (`dir:./docs/adr`, `url:https://...`,
 * `./ROADMAP.md`) against the location of the entity that carries it.
 * `file` locations resolve relative to the file, as the catalog does.
 */
export function resolveTarget(value: string, base: LocationSpec): LocationSpec {
  const target = value.trim().replace(/^(dir|url|file):(?!\/\/)/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    return { type: 'url', target };
  }
  if (base.type === 'file') {
    return {
      type: 'file',
      target: path.resolve(path.dirname(base.target), target),
    };
  }
  if (base.type === 'url') {
    return { type: 'url', target: new URL(target, base.target).toString() };
  }
  throw new Error(
    `cannot resolve "${value}" relative to a ${base.type} location; use an absolute URL`,
  );
}
