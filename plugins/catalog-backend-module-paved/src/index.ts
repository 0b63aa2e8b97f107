/**
 * Catalog backend module for Paved: the ADR and Roadmap kinds, validated,
 * related in both directions, and imported from Markdown.
 *
 * @packageDocumentation
 */
export { catalogModulePaved as default } from './module';
export { PavedEntitiesProcessor } from './processor/PavedEntitiesProcessor';
export { pavedRelations } from './processor/relations';
export { adrEntityName, roadmapEntityName } from './processor/naming';
export { roadmapVocabularyFromConfig } from './processor/roadmapVocabularyConfig';
