// The list and the check live in paved-common, shared with the backend.
export {
  isPavedFeatureOn,
  PAVED_FEATURES,
  type PavedFeature,
} from '@paved/plugin-paved-common';
