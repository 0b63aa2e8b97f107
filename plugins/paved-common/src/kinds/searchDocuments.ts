/**
 * The search documents Paved's search collator
 * (`@paved/plugin-search-backend-module-paved`) indexes for ADR and Roadmap
 * entities, and that Paved's search result list items render.
 */

/** The search index (document type) of ADRs, roadmaps and roadmap items. */
export const PAVED_SEARCH_TYPE = 'paved-decisions';

/** What one search document describes. */
export type PavedSearchDocumentKind = 'adr' | 'roadmap' | 'roadmap-item';

/**
 * One document in the `paved-decisions` index. Every document carries every
 * field (empty string when it does not apply): Lunr takes its fields from
 * the first document it indexes.
 */
export interface PavedSearchDocument {
  title: string;
  text: string;
  location: string;
  documentKind: PavedSearchDocumentKind;
  /** The ADR or Roadmap entity, as `adr:default/paved-adr-0002`. */
  entityRef: string;
  /** ADR status (`accepted`), or roadmap item status (`blocked`). */
  status: string;
  /** The entity's `spec.owner`, an entity ref. */
  owner: string;
  /** ADRs: the record's number, as text; else empty. */
  number: string;
  /** Roadmap items: the item id as written (`3.2`, `KBP-07`). */
  itemId: string;
  /** Roadmap items: the phase and roadmap titles. */
  phase: string;
  roadmap: string;
}
