export {
  getTier,
  isTierNumber,
  podSecurityLabels,
  TIER_NUMBERS,
  TIERS,
} from './tiers';
export type {
  PodSecurityLevel,
  TierDefaults,
  TierDefinition,
  TierId,
  TierNumber,
} from './tiers';
export {
  getPath,
  OUTPUT_SPEC,
  outputSpecForTier,
  satisfactionsAt,
} from './outputSpec';
export type {
  OutputChoices,
  OutputSatisfaction,
  OutputSpecItem,
} from './outputSpec';
export { isQuantity, parseQuantity } from './quantity';
export { isDns1123Label, isDns1123Subdomain, isLabelValue } from './names';
