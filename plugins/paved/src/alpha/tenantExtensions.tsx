import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import { PavedTenantClient, pavedTenantApiRef } from '../api';
import { isTenantResourceEntity } from '../components/tenant/tenantEntity';

/** The tenant client: the user's token, and their cluster tokens where needed. */
export const tenantApi = ApiBlueprint.make({
  name: 'tenant',
  params: defineParams =>
    defineParams({
      api: pavedTenantApiRef,
      deps: {
        discoveryApi: coreApis.discovery,
        fetchApi: coreApis.fetch,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedTenantClient(deps),
    }),
});

/** On tenant entities (Resources of type kubernetes-tenant) only. */
export const tenantCard = EntityCardBlueprint.make({
  name: 'tenant',
  params: {
    filter: isTenantResourceEntity,
    loader: () =>
      import('../components/tenant/EntityTenantCard').then(m => (
        <m.EntityTenantCard />
      )),
  },
});
