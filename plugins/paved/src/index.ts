/**
 * Paved's frontend plugin: decision records, roadmaps, and cards for live
 * clusters (cluster and workload health; cost and claims as they land).
 * This entry point serves apps on the legacy frontend system;
 * `@paved/plugin-paved/alpha` serves the new one.
 *
 * @packageDocumentation
 */
export {
  pavedPlugin,
  DecisionsPage,
  EntityAdrContent,
  EntityRoadmapContent,
  EntityPavedSummaryCard,
  EntityClusterHealthCard,
  EntityWorkloadHealthCard,
  EntityConformanceCard,
  EntityCrossplaneClaimsCard,
  EntityCrossplaneContent,
  EntityCostCard,
  EntityCostContent,
  PavedXrdPickerFieldExtension,
  PavedXrdParametersFieldExtension,
  PavedSearchResultListItem,
  EntityTenantCard,
  FleetPage,
  EntityGitOpsStatusCard,
  EntityDriftCard,
} from './plugin';
export { isPavedSearchResult } from './components/search/predicate';
export { hasCost, isTenantEntity } from './components/cost/entityFilters';
export { isCrossplaneCandidate } from './components/crossplane/entityFilters';
export {
  hasKubernetesWorkloads,
  isKubernetesClusterEntity,
} from './components/health/entityFilters';
export { isConformanceEntity } from './components/conformance/conformanceEntity';
export { isPavedSummaryEntity } from './components/summary/summaryEntity';
export { isTenantResourceEntity } from './components/tenant/tenantEntity';
export { isGitOpsEntity } from './components/gitops/gitopsEntity';
export { isDriftEntity } from './components/drift/driftEntity';
export * from './api';
