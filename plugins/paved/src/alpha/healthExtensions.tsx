import {
  hasKubernetesWorkloads,
  isKubernetesClusterEntity,
} from '../components/health/entityFilters';
import { isConformanceEntity } from '../components/conformance/conformanceEntity';
import { pavedEntityCard } from './pavedBlueprints';

/** On Resources of type kubernetes-cluster only. */
export const clusterHealthCard = pavedEntityCard({
  feature: 'health',
  name: 'cluster-health',
  filter: isKubernetesClusterEntity,
  loader: () =>
    import('../components/health/EntityClusterHealthCard').then(m => (
      <m.EntityClusterHealthCard />
    )),
});

/** On Components with the Kubernetes plugin's annotations only. */
export const workloadHealthCard = pavedEntityCard({
  feature: 'health',
  name: 'workload-health',
  filter: hasKubernetesWorkloads,
  loader: () =>
    import('../components/health/EntityWorkloadHealthCard').then(m => (
      <m.EntityWorkloadHealthCard />
    )),
});

/**
 * On Components, tenants and clusters; it says which annotation to set when
 * the entity declares no tier.
 */
export const conformanceCard = pavedEntityCard({
  feature: 'conformance',
  name: 'conformance',
  filter: isConformanceEntity,
  loader: () =>
    import('../components/conformance/EntityConformanceCard').then(m => (
      <m.EntityConformanceCard />
    )),
});
