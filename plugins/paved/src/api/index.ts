export {
  PavedApiError,
  PavedCostError,
  PavedEvidenceError,
  PavedFleetError,
  PavedHealthError,
  PavedTenantError,
} from './PavedApiError';
export { pavedErrorMessage } from './pavedErrorMessage';
export type { PavedCallTexts, PavedPermissionNeed } from './pavedErrorMessage';
export { PavedBackendClient } from './pavedBackendFetch';
export type { PavedBackendDeps, PavedClientRead } from './pavedBackendFetch';
export { pavedHealthApiRef, PavedHealthClient } from './PavedHealthClient';
export type { PavedHealthApi } from './PavedHealthClient';
export {
  kubernetesAuthHeaders,
  kubernetesAuthHeaderName,
} from './kubernetesAuthHeaders';
export type { KubernetesClusterAuthInfo } from './kubernetesAuthHeaders';
export type {
  PavedClusterError,
  PavedClusterResult,
  PavedClusterHealthResponse,
  PavedComponentHealthResponse,
  PavedClusterConformanceResult,
  PavedConformanceResponse,
} from './types';
export {
  crossplaneErrorMessage,
  pavedCrossplaneApiRef,
  PavedCrossplaneClient,
} from './PavedCrossplaneClient';
export type {
  PavedCrossplaneApi,
  PavedCrossplaneResponse,
} from './PavedCrossplaneClient';
export {
  costErrorMessage,
  pavedCostApiRef,
  PavedCostClient,
} from './PavedCostClient';
export type { PavedCostApi, PavedCostReadOptions } from './PavedCostClient';
export {
  pavedTenantApiRef,
  PavedTenantClient,
  tenantErrorMessage,
} from './PavedTenantClient';
export type { PavedTenantApi, PavedTenantResponse } from './PavedTenantClient';
export {
  fleetErrorMessage,
  pavedFleetApiRef,
  PavedFleetClient,
} from './PavedFleetClient';
export type { PavedFleetApi, PavedFleetResponse } from './PavedFleetClient';
export type { PavedReadOptions } from './pavedBackendFetch';
export {
  gitopsErrorMessage,
  pavedGitOpsApiRef,
  PavedGitOpsClient,
} from './PavedGitOpsClient';
export type { PavedGitOpsApi, PavedGitOpsResponse } from './PavedGitOpsClient';
export {
  driftErrorMessage,
  pavedDriftApiRef,
  PavedDriftClient,
} from './PavedDriftClient';
export type { PavedDriftApi, PavedDriftResponse } from './PavedDriftClient';
export {
  evidenceErrorMessage,
  pavedEvidenceApiRef,
  PavedEvidenceClient,
} from './PavedEvidenceClient';
export type {
  PavedEvidenceApi,
  PavedEvidenceResponse,
  PavedEvidenceTarget,
} from './PavedEvidenceClient';
