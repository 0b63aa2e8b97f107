import { stringify } from 'yaml';
import { KubeObject, RenderedFile } from './types';

/** A multi-document YAML manifest file holding the given objects. */
export function manifestFile(
  path: string,
  objects: KubeObject[],
  satisfies?: string[],
): RenderedFile {
  const content = objects
    .map(o => stringify(o, { lineWidth: 0, sortMapEntries: false }))
    .join('---\n');
  return { path, content, objects, satisfies };
}

/** A non-manifest file (README, plan, config for a tool). */
export function textFile(
  path: string,
  content: string,
  satisfies?: string[],
): RenderedFile {
  return { path, content, satisfies };
}
