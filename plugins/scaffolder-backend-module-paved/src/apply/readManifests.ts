import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { InputError } from '@backstage/errors';
import { Manifest } from './applyManifests';

/** YAML manifests under a file or folder, in path order; kustomization files are skipped. */
export async function readManifests(target: string): Promise<Manifest[]> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat)
    throw new InputError(`path: "${target}" does not exist in the workspace`);
  const files = stat.isDirectory()
    ? (await fs.readdir(target, { recursive: true, withFileTypes: true }))
        .filter(
          e =>
            e.isFile() &&
            /\.ya?ml$/.test(e.name) &&
            !/^kustomization\.ya?ml$/.test(e.name),
        )
        .map(e => path.join(e.parentPath, e.name))
        .sort()
    : [target];
  const out: Manifest[] = [];
  for (const file of files) {
    const docs = parseAllDocuments(await fs.readFile(file, 'utf8'));
    for (const doc of docs) {
      if (doc.errors.length)
        throw new InputError(`${file}: ${doc.errors[0].message}`);
      const o = doc.toJS();
      if (o === null || o === undefined) continue;
      if (!o.apiVersion || !o.kind || !o.metadata?.name) {
        throw new InputError(
          `${file}: every document needs apiVersion, kind and metadata.name`,
        );
      }
      out.push(o);
    }
  }
  return out;
}
