export {
  CONFORMANCE_RULES,
  conformanceRule,
  conformanceRulesForTier,
} from './rules';
export type {
  ConformanceRule,
  ConformanceRuleId,
  ConformanceRuleScope,
} from './rules';
export {
  ENVIRONMENT_LABEL_KEYS,
  PRODUCTION_ENVIRONMENTS,
  isProductionNamespace,
  isSystemNamespace,
  parseImageReference,
} from './checks';
export type { ImageReference } from './checks';
export {
  createConformanceAccumulator,
  evaluateConformance,
} from './conformance';
export type {
  ConformanceAccumulator,
  ConformanceFailure,
  ConformanceOptions,
  ConformanceRuleResult,
  ConformanceSummary,
} from './conformance';
export {
  PAVED_CONFORMANCE_READ_PERMISSION_NAME,
  pavedConformancePermissions,
  pavedConformanceReadPermission,
} from './permissions';
