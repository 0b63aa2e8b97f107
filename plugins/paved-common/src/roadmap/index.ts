export * from './types';
export { parseRoadmapMarkdown } from './parseRoadmap';
export {
  findRoadmapProblems,
  splitCrossRoadmapDependency,
} from './dependencies';
export { normaliseItemStatus, statusFromProgress } from './itemStatus';
export { isItemId, splitItemHeading } from './fields';
