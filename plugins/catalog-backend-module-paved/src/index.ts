/**
 * Catalog backend module for Paved: the ADR and Roadmap kinds, validated,
 * related in both directions, and imported from Markdown.
 *
 * @packageDocumentation
 */
export { catalogModulePaved as default } from './module';
export { PavedEntitiesProcessor } from './processor/PavedEntitiesProcessor';
export { roadmapVocabularyFromConfig } from './processor/roadmapVocabularyConfig';
