/** Paved's own apiVersion group for the kinds it adds to the catalog. */
export const PAVED_API_VERSION = 'paved.dev/v1alpha1';

export const ADR_KIND = 'ADR';
export const ROADMAP_KIND = 'Roadmap';

/**
 * On any entity: where its ADR folder is, as `dir:./docs/adr`, a relative
 * path, or an absolute URL. Relative targets resolve against the entity's
 * own location.
 */
export const ANNOTATION_ADR_LOCATION = 'paved.dev/adr-location';
/** On any entity: where its roadmap Markdown is, e.g. `./ROADMAP.md`. */
export const ANNOTATION_ROADMAP_LOCATION = 'paved.dev/roadmap-location';
/**
 * On an ADR or Roadmap entity: the Markdown file it is read from. Set by the
 * importer, or by hand on a YAML entity whose spec comes from Markdown.
 */
export const ANNOTATION_MARKDOWN_SOURCE = 'paved.dev/markdown-source';
/** On an imported entity: the entity whose annotation it was imported for. */
export const ANNOTATION_IMPORTED_FOR = 'paved.dev/imported-for';

/** ADR to what it replaces, and back. */
export const RELATION_SUPERSEDES = 'supersedes';
export const RELATION_SUPERSEDED_BY = 'supersededBy';
/** ADR to the components, systems, resources and roadmaps it decides about. */
export const RELATION_DECIDES_ABOUT = 'decidesAbout';
export const RELATION_DECIDED_BY = 'decidedBy';
/** Roadmap to the ADRs (and runbook entities) its items rest on. */
export const RELATION_RESTS_ON = 'restsOn';
export const RELATION_SUPPORTS = 'supports';
/** Roadmap to the components its items change. */
export const RELATION_CHANGES = 'changes';
export const RELATION_CHANGED_BY = 'changedBy';
