import { UrlReaderService } from '@backstage/backend-plugin-api';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import { MAX_MARKDOWN_BYTES } from '@paved/plugin-paved-common';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Files in an ADR folder that are not ADRs. */
const NOT_ADRS = /^(readme|index|template|adr-template|_?sidebar)\.md$/i;

/**
 * Reads a file's bytes. Local files over the limit are refused before they
 * are read; remote ones are checked by the caller after the fetch.
 */
export async function readSource(
  location: LocationSpec,
  reader: UrlReaderService,
): Promise<Uint8Array> {
  if (location.type === 'file') {
    const stat = await fs.stat(location.target);
    if (stat.size > MAX_MARKDOWN_BYTES) {
      throw new Error(
        `file is ${stat.size} bytes, over the ${MAX_MARKDOWN_BYTES} byte limit`,
      );
    }
    return fs.readFile(location.target);
  }
  const response = await reader.readUrl(location.target);
  return response.buffer();
}

/** The Markdown files in an ADR folder, sorted by name. */
export async function listAdrFiles(
  folder: LocationSpec,
  reader: UrlReaderService,
): Promise<LocationSpec[]> {
  if (folder.type === 'file') {
    const names = await fs.readdir(folder.target);
    return names
      .filter(
        name => name.toLowerCase().endsWith('.md') && !NOT_ADRS.test(name),
      )
      .sort()
      .map(name => ({ type: 'file', target: path.join(folder.target, name) }));
  }
  const base = folder.target.replace(/\/+$/, '');
  const { files } = await reader.search(`${base}/*.md`);
  return files
    .map(file => file.url)
    .filter(url => !NOT_ADRS.test(url.split('/').pop() ?? ''))
    .sort()
    .map(target => ({ type: 'url', target }));
}
