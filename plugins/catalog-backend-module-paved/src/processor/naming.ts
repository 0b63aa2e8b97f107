/** Entity names are at most 63 characters of [a-z0-9-]. */
function clean(text: string, max: number): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max)
    .replace(/-$/, '');
}

/**
 * The name of an imported ADR: `<owner-entity>-adr-0005`, or the file's slug
 * when it has no number. Numbers make "superseded by ADR-0005" resolvable
 * without reading the other file.
 */
export function adrEntityName(prefix: string, id: number | string): string {
  const suffix =
    typeof id === 'number'
      ? String(id).padStart(4, '0')
      : clean(id.replace(/\.md$/i, '').split(/[\\/]/).pop() ?? id, 40);
  return `${clean(prefix, 62 - 5 - suffix.length)}-adr-${suffix}`;
}

/** The name of a roadmap imported for an entity. */
export function roadmapEntityName(prefix: string): string {
  return `${clean(prefix, 54)}-roadmap`;
}
