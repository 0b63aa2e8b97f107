export { isPavedFeatureOn, PAVED_FEATURES, pavedFeatureKey } from './features';
export type { PavedFeature } from './features';
