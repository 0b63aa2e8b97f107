export {
  ANNOTATION_COST_CENTER,
  ANNOTATION_ISOLATION,
  ANNOTATION_MONTHLY_BUDGET,
  ANNOTATION_NAMESPACES,
  ANNOTATION_TENANT,
  ANNOTATION_TIER,
  readTenantAnnotations,
  TENANT_LABEL,
} from './annotations';
export type { TenantAnnotations } from './annotations';
export { TENANT_ENTITY_TYPE, tenantEntityProblems } from './tenantEntity';
export { TENANT_ROLE_NAMES, tenantRoleRules } from './tenantRoles';
export type { TenantRoleName } from './tenantRoles';
export {
  TENANT_ACCESS_CHECKS,
  tenantAccessMatrix,
  tenantAccessSummary,
  tenantWhoCan,
} from './accessMatrix';
export type {
  TenantAccessCell,
  TenantAccessCheck,
  TenantAccessInput,
  TenantAccessMatrix,
  TenantAccessSummary,
  TenantAccessSummaryRow,
  TenantMember,
  TenantWhoCanEntry,
  TenantWhoCanRow,
} from './accessMatrix';
export {
  DEFAULT_NODE_POOL_LABEL,
  DEFAULT_TENANT_TAINT_KEY,
  GVISOR_HANDLER,
  GVISOR_RUNTIME_CLASS,
  GVISOR_TIERS,
  isIsolationLevel,
  ISOLATION_LEVELS,
  isolationIncludes,
  SYSTEM_PRIORITY_CLASSES,
  TAINT_EFFECTS,
  TENANT_PRIORITY_CLASSES,
  TENANT_PRIORITY_TIERS,
  tierShipsGvisor,
  tierShipsTenantPriorityClasses,
} from './isolation';
export type {
  IsolationLevel,
  TaintEffect,
  TenantPriorityClass,
} from './isolation';
export {
  isAzureTenantId,
  isWorkloadIdentityProvider,
  WORKLOAD_IDENTITY_FORMATS,
  WORKLOAD_IDENTITY_PROVIDERS,
  workloadIdentityProblem,
} from './workloadIdentity';
export type {
  WorkloadIdentityFormat,
  WorkloadIdentityProvider,
} from './workloadIdentity';
export {
  PAVED_TENANT_READ_PERMISSION_NAME,
  pavedTenantPermissions,
  pavedTenantReadPermission,
} from './permissions';
export {
  ISOLATION_LEVEL_SUMMARIES,
  tenantGuardrailsOf,
  tenantQuotaOf,
} from './tenantPage';
export type {
  GuardrailResult,
  TenantClusterSummary,
  TenantGuardrails,
  TenantGuardrailViolation,
  TenantPageResponse,
  TenantPartUnavailable,
  TenantQuota,
  TenantQuotaItem,
} from './tenantPage';
