import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { PAVED_FEATURES, PavedFeature } from '@paved/plugin-paved-common';

/** The features `paved.features.<feature>: false` switches off (paved-common's list). */
export const SWITCHABLE_FEATURES = PAVED_FEATURES;

export type SwitchableFeature = PavedFeature;

/** Which features are on; each defaults to on. */
export type FeatureSwitches = Readonly<Record<SwitchableFeature, boolean>>;

export const ALL_FEATURES_ON: FeatureSwitches = Object.fromEntries(
  SWITCHABLE_FEATURES.map(f => [f, true]),
) as Record<SwitchableFeature, boolean>;

const KEY = 'paved.features';

/**
 * Reads `paved.features`; see config.d.ts. A value that is not a boolean
 * is an error naming its key. An unknown name is only warned about: the
 * frontend reads the same block and may know names this backend does not.
 */
export function readFeatureSwitches(
  config: RootConfigService,
  logger: LoggerService,
): FeatureSwitches {
  const section = config.getOptionalConfig(KEY);
  const switches = { ...ALL_FEATURES_ON };
  for (const feature of SWITCHABLE_FEATURES) {
    switches[feature] = section?.getOptionalBoolean(feature) ?? true;
  }
  const known: readonly string[] = SWITCHABLE_FEATURES;
  const unknown = (section?.keys() ?? []).filter(k => !known.includes(k));
  if (unknown.length > 0) {
    logger.warn(
      `${KEY} has unknown ${unknown.map(k => `'${k}'`).join(', ')}; ` +
        `the features that can be switched off are ${known.join(', ')}`,
    );
  }
  return switches;
}

/** The features switched off, in a fixed order (for the startup log). */
export function featuresOff(switches: FeatureSwitches): SwitchableFeature[] {
  return SWITCHABLE_FEATURES.filter(f => !switches[f]);
}
