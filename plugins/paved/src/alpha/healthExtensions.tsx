import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import { PavedHealthClient, pavedHealthApiRef } from '../api';
import {
  hasKubernetesWorkloads,
  isKubernetesClusterEntity,
} from '../components/health/entityFilters';
import { isConformanceEntity } from '../components/conformance/conformanceEntity';

/**
 * The health client, with the user's token through the fetch API and their
 * cluster tokens from the Kubernetes plugin's auth providers (which the
 * Kubernetes frontend plugin registers).
 */
export const healthApi = ApiBlueprint.make({
  name: 'health',
  params: defineParams =>
    defineParams({
      api: pavedHealthApiRef,
      deps: {
        discoveryApi: coreApis.discovery,
        fetchApi: coreApis.fetch,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedHealthClient(deps),
    }),
});

/** On Resources of type kubernetes-cluster only. */
export const clusterHealthCard = EntityCardBlueprint.make({
  name: 'cluster-health',
  params: {
    filter: isKubernetesClusterEntity,
    loader: () =>
      import('../components/health/EntityClusterHealthCard').then(m => (
        <m.EntityClusterHealthCard />
      )),
  },
});

/** On Components with the Kubernetes plugin's annotations only. */
export const workloadHealthCard = EntityCardBlueprint.make({
  name: 'workload-health',
  params: {
    filter: hasKubernetesWorkloads,
    loader: () =>
      import('../components/health/EntityWorkloadHealthCard').then(m => (
        <m.EntityWorkloadHealthCard />
      )),
  },
});

/**
 * On Components, tenants and clusters; it says which annotation to set when
 * the entity declares no tier.
 */
export const conformanceCard = EntityCardBlueprint.make({
  name: 'conformance',
  params: {
    filter: isConformanceEntity,
    loader: () =>
      import('../components/conformance/EntityConformanceCard').then(m => (
        <m.EntityConformanceCard />
      )),
  },
});
