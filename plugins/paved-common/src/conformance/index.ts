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
  ADMISSION_RULES,
  admissionViolations,
  kyvernoPolicies,
  kyvernoRulesForTier,
} from './admission';
export type {
  AdmissionEnforcement,
  AdmissionRule,
  AdmissionViolation,
} from './admission';
export {
  ENVIRONMENT_LABEL_KEYS,
  KUBERNETES_SYSTEM_NAMESPACES,
  NAMESPACE_COST_LABELS,
  NAMESPACE_ROLE_LABEL,
  PLATFORM_NAMESPACE_ROLE,
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
