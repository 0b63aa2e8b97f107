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
