/**
 * The features an app can switch off with `paved.features.<feature>: false`
 * (each on by default), so a team without, say, Crossplane or OpenCost gets
 * no dead cards. The backend mounts no routes, actions or tasks for a
 * feature that is off; the app offers none of its cards. One list for both.
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

/** The config key that switches `feature`. @public */
export const pavedFeatureKey = (feature: PavedFeature): string =>
  `paved.features.${feature}`;

/**
 * Whether config leaves `feature` on (no config, or no key: on). Takes the
 * frontend's ConfigApi and the backend's Config alike.
 *
 * @public
 */
export function isPavedFeatureOn(
  config: { getOptionalBoolean(key: string): boolean | undefined } | undefined,
  feature: PavedFeature,
): boolean {
  return config?.getOptionalBoolean(pavedFeatureKey(feature)) ?? true;
}
