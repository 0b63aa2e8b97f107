export {
  ADR_KIND,
  ANNOTATION_ADR_LOCATION,
  ANNOTATION_IMPORTED_FOR,
  ANNOTATION_MARKDOWN_SOURCE,
  ANNOTATION_ROADMAP_LOCATION,
  PAVED_API_VERSION,
  RELATION_CHANGED_BY,
  RELATION_CHANGES,
  RELATION_DECIDED_BY,
  RELATION_DECIDES_ABOUT,
  RELATION_RESTS_ON,
  RELATION_SUPERSEDED_BY,
  RELATION_SUPERSEDES,
  RELATION_SUPPORTS,
  ROADMAP_KIND,
} from './constants';
export { isAdrEntity, isRoadmapEntity } from './entities';
export type { AdrEntityV1alpha1, RoadmapEntityV1alpha1 } from './entities';
export {
  adrEntityV1alpha1Schema,
  roadmapEntityV1alpha1Schema,
} from './schemas';
export {
  adrEntityV1alpha1Validator,
  roadmapEntityV1alpha1Validator,
} from './validators';
export { PAVED_SEARCH_TYPE } from './searchDocuments';
export type {
  PavedSearchDocument,
  PavedSearchDocumentKind,
} from './searchDocuments';
