import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { PavedHealthClient, pavedHealthApiRef } from '../api';
import {
  hasKubernetesWorkloads,
  isKubernetesClusterEntity,
} from '../components/health/entityFilters';

/** The health client, with the user's token through the fetch API. */
export const healthApi = ApiBlueprint.make({
  name: 'health',
  params: defineParams =>
    defineParams({
      api: pavedHealthApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PavedHealthClient({ discoveryApi, fetchApi }),
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
