/**
 * Scaffolder actions for Paved: tiered cluster baselines, tenant onboarding
 * and server-side apply to clusters configured in the Kubernetes backend.
 *
 * @packageDocumentation
 */
export { scaffolderModulePaved as default } from './module';
export { createClusterScaffoldAction } from './actions/clusterScaffold';
export { createTenantScaffoldAction } from './actions/tenantScaffold';
export { createKubernetesApplyAction } from './actions/kubernetesApply';
export { createAdrCreateAction } from './actions/adrCreate';
// Paved's backend compares live objects with these renders (drift).
export { renderTenant } from './render/tenant';
export type { TenantInput } from './render/tenant';
export { renderClusterBaseline } from './render/cluster';
export type { ClusterInput } from './render/cluster';
export { checkClusterInput } from './actions/clusterScaffold';
export type { KubeObject, RenderedFile } from './render/types';
export { MANAGED_BY } from './render/labels';
export { recoverTenantInput } from './day2/recoverTenant';
export type { TenantEntity } from './day2/recoverTenant';
export { manifestObjects } from './day2/loadTenant';
export { UnknownTenantError } from './day2/errors';
export { TENANT_KINDS } from './day2/tenantCluster';
