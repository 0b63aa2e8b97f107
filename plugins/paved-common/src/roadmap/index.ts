export { ROADMAP_ITEM_STATUSES } from './types';
export type {
  ParsedRoadmap,
  RoadmapItem,
  RoadmapItemStatus,
  RoadmapPhase,
  RoadmapProgress,
} from './types';
export { parseRoadmapMarkdown } from './parseRoadmap';
export type { RoadmapParseOptions } from './parseRoadmap';
export {
  findRoadmapProblems,
  splitCrossRoadmapDependency,
} from './dependencies';
export type { IdShape } from './idShapes';
export {
  ANNOTATION_ROADMAP_DEPENDENCY_WORDS,
  ANNOTATION_ROADMAP_ID_PATTERN,
  ANNOTATION_ROADMAP_STATUS_WORDS,
  readRoadmapVocabulary,
  ROADMAP_VOCABULARY_ANNOTATIONS,
} from './vocabulary';
export type {
  CompiledRoadmapVocabulary,
  RoadmapVocabulary,
} from './vocabulary';
export { findBlockedItems } from './blockedItems';
export type { BlockedItem, Blocker } from './blockedItems';
