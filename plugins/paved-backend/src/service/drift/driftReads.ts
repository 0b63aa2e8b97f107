import { isAllowedRead, PavedFeature } from '../clusters/readAllowList';

/**
 * The features whose allow-lists drift reads within: it reads through the
 * unbound ClusterAccess, which allows a GET any feature's list allows (and
 * never a Secret), since a render holds many kinds.
 */
const DRIFT_READ_FEATURES: PavedFeature[] = [
  'health',
  'conformance',
  'cost',
  'crossplane',
  'tenants',
];

/** Whether the drift route may GET this path. */
export const isDriftRead = (apiPath: string): boolean =>
  DRIFT_READ_FEATURES.some(f => isAllowedRead(f, apiPath));
