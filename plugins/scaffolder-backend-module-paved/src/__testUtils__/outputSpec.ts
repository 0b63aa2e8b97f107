import { parseAllDocuments } from 'yaml';
import {
  getPath,
  OutputChoices,
  outputSpecForTier,
  satisfactionsAt,
  TierNumber,
} from '@paved/plugin-paved-common';
import { RenderedFile } from '../render/types';

/**
 * Which output-spec items of a tier (with the given choices) are missing from
 * a rendering, by reading the files back as they would be written.
 */
export function missingItems(
  files: RenderedFile[],
  tier: TierNumber,
  choices?: OutputChoices,
): string[] {
  const byPath = new Map(files.map(f => [f.path, f]));
  const missing: string[] = [];
  for (const item of outputSpecForTier(tier)) {
    for (const s of satisfactionsAt(item, tier, choices)) {
      const f = byPath.get(s.file);
      if (!f) {
        missing.push(`${item.id}: no ${s.file}`);
        continue;
      }
      if (!s.kind) continue;
      // Parse what would be written, not the in-memory objects.
      const objs = parseAllDocuments(f.content).map(d => d.toJS());
      const ofKind = objs.filter(
        o =>
          o.kind === s.kind && (!s.apiVersion || o.apiVersion === s.apiVersion),
      );
      if (ofKind.length === 0)
        missing.push(`${item.id}: no ${s.kind} in ${s.file}`);
      else if (
        s.field &&
        !ofKind.some(o => getPath(o, s.field!) !== undefined)
      ) {
        missing.push(`${item.id}: no ${s.field} on ${s.kind} in ${s.file}`);
      }
    }
  }
  return missing;
}

/** Every object of a rendering as `apiVersion/kind`. */
export const kindsOf = (files: RenderedFile[]) =>
  new Set(
    files.flatMap(f => f.objects ?? []).map(o => `${o.apiVersion}/${o.kind}`),
  );
