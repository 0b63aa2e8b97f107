export * from './types';
export { parseRoadmapMarkdown } from './parseRoadmap';
export type { RoadmapParseOptions } from './parseRoadmap';
export {
  findRoadmapProblems,
  splitCrossRoadmapDependency,
} from './dependencies';
export { normaliseItemStatus, statusFromProgress } from './itemStatus';
export { isItemId, splitItemHeading } from './fields';
export { BUILT_IN_ID_SHAPES, detectIdShapes } from './idShapes';
export type { IdShape } from './idShapes';
export {
  ANNOTATION_ROADMAP_DEPENDENCY_WORDS,
  ANNOTATION_ROADMAP_ID_PATTERN,
  ANNOTATION_ROADMAP_STATUS_WORDS,
  compileRoadmapVocabulary,
  DEFAULT_DEPENDENCY_WORDS,
  readRoadmapVocabulary,
  ROADMAP_VOCABULARY_ANNOTATIONS,
} from './vocabulary';
export type {
  CompiledRoadmapVocabulary,
  RoadmapVocabulary,
} from './vocabulary';
