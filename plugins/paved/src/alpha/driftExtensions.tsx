import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import { PavedDriftClient, pavedDriftApiRef } from '../api/PavedDriftClient';
import { isDriftEntity } from '../components/drift/driftEntity';

/** The drift client: the user's token, and their cluster tokens where needed. */
export const driftApi = ApiBlueprint.make({
  name: 'drift',
  params: defineParams =>
    defineParams({
      api: pavedDriftApiRef,
      deps: {
        discoveryApi: coreApis.discovery,
        fetchApi: coreApis.fetch,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedDriftClient(deps),
    }),
});

/** On tenants and clusters: what Paved rendered for them, against the cluster. */
export const driftCard = EntityCardBlueprint.make({
  name: 'drift',
  params: {
    filter: isDriftEntity,
    loader: () =>
      import('../components/drift/EntityDriftCard').then(m => (
        <m.EntityDriftCard />
      )),
  },
});
