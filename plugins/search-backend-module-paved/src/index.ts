/**
 * Search backend module for Paved: ADR and Roadmap entities, and each
 * roadmap item, in Backstage search.
 *
 * @packageDocumentation
 */
export { searchModulePaved as default } from './module';
export {
  PavedCollatorFactory,
  type IndexablePavedDocument,
} from './PavedCollatorFactory';
export { pavedSearchDocuments } from './documents';
