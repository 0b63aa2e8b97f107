export { CONFORMANCE_RULES } from './rules';
export type {
  ConformanceRule,
  ConformanceRuleId,
  ConformanceRuleScope,
} from './rules';
export {
  ADMISSION_RULES,
  admissionViolations,
  kyvernoPolicies,
} from './admission';
export type {
  AdmissionEnforcement,
  AdmissionRule,
  AdmissionViolation,
} from './admission';
export {
  KUBERNETES_SYSTEM_NAMESPACES,
  NAMESPACE_ROLE_LABEL,
  PLATFORM_NAMESPACE_ROLE,
} from './checks';
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
