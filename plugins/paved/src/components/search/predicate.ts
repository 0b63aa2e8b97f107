import type { SearchResult } from '@backstage/plugin-search-common';
import { PAVED_SEARCH_TYPE } from '@paved/plugin-paved-common';

/** True for the ADR, roadmap and roadmap item documents Paved indexes. */
export function isPavedSearchResult(result: SearchResult): boolean {
  return result.type === PAVED_SEARCH_TYPE;
}
