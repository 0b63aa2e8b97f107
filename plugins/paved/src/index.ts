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
  EntityClusterHealthCard,
  EntityWorkloadHealthCard,
} from './plugin';
export {
  hasKubernetesWorkloads,
  isKubernetesClusterEntity,
} from './components/health/entityFilters';
export * from './api';
