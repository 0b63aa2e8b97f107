import { ConfigApi } from '@backstage/core-plugin-api';

/**
 * The features an app can switch off with `paved.features.<feature>: false`
 * (each on by default), so a team without, say, Crossplane or OpenCost gets
 * no dead cards. The backend reads the same keys and mounts no routes for a
 * feature that is off.
 *
 * @public
 */
export const PAVED_FEATURES = [
  'health',
  'conformance',
  'cost',
  'crossplane',
  'gitops',
  'drift',
  'evidence',
  'fleet',
  'tenants',
] as const;

/** One of {@link PAVED_FEATURES}. @public */
export type PavedFeature = (typeof PAVED_FEATURES)[number];

/** Whether the app's config leaves `feature` on (no config: on). @public */
export function isPavedFeatureOn(
  config: ConfigApi | undefined,
  feature: PavedFeature,
): boolean {
  return config?.getOptionalBoolean(`paved.features.${feature}`) ?? true;
}
