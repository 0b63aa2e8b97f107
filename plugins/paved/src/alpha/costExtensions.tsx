import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import { PavedCostClient, pavedCostApiRef } from '../api';
import { hasCost } from '../components/cost/entityFilters';

/** The cost client: the user's token, and their cluster tokens where needed. */
export const costApi = ApiBlueprint.make({
  name: 'cost',
  params: defineParams =>
    defineParams({
      api: pavedCostApiRef,
      deps: {
        discoveryApi: coreApis.discovery,
        fetchApi: coreApis.fetch,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedCostClient(deps),
    }),
});

/** On tenants, Components with workloads and cluster Resources. */
export const costCard = EntityCardBlueprint.make({
  name: 'cost',
  params: {
    filter: hasCost,
    loader: () =>
      import('../components/cost/EntityCostCard').then(m => (
        <m.EntityCostCard />
      )),
  },
});

/** The Cost tab: every workload, its share and right-sizing advice. */
export const costContent = EntityContentBlueprint.make({
  name: 'cost',
  params: {
    path: '/cost',
    title: 'Cost',
    filter: hasCost,
    loader: () =>
      import('../components/cost/EntityCostContent').then(m => (
        <m.EntityCostContent />
      )),
  },
});
