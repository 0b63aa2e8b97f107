import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { RenderedFile } from '../render/types';

/**
 * The absolute folder for an output path, refusing anything that leaves the
 * workspace (absolute paths, `..`), so a template cannot write elsewhere on
 * the backend's disk.
 */
export function resolveInWorkspace(
  workspacePath: string,
  outputPath: string,
  field = 'outputPath',
): string {
  if (path.isAbsolute(outputPath)) {
    throw new InputError(
      `${field}: "${outputPath}" is absolute; it must be a path inside the workspace`,
    );
  }
  const root = path.resolve(workspacePath);
  const target = path.resolve(root, outputPath);
  const rel = path.relative(root, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new InputError(
      `${field}: "${outputPath}" leaves the workspace; it must be a path inside it`,
    );
  }
  return target;
}

/** Writes rendered files under a folder; called only once everything validated. */
export async function writeFiles(
  dir: string,
  files: RenderedFile[],
): Promise<string[]> {
  const written: string[] = [];
  for (const f of files) {
    const target = path.join(dir, f.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, f.content, 'utf8');
    written.push(f.path);
  }
  return written;
}
