import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import { PavedEvidenceClient, pavedEvidenceApiRef } from '../api';

/**
 * The evidence drawer's client (the workload health card's Evidence
 * button), with the user's token and their token for the cluster asked
 * about where it wants one.
 */
export const evidenceApi = ApiBlueprint.make({
  name: 'evidence',
  params: defineParams =>
    defineParams({
      api: pavedEvidenceApiRef,
      deps: {
        discoveryApi: coreApis.discovery,
        fetchApi: coreApis.fetch,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedEvidenceClient(deps),
    }),
});
