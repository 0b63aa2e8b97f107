import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import { PavedGitOpsClient, pavedGitOpsApiRef } from '../api';
import { isGitOpsEntity } from '../components/gitops/gitopsEntity';

/** The GitOps client: the user's token, and their cluster tokens where needed. */
export const gitopsApi = ApiBlueprint.make({
  name: 'gitops',
  params: defineParams =>
    defineParams({
      api: pavedGitOpsApiRef,
      deps: {
        discoveryApi: coreApis.discovery,
        fetchApi: coreApis.fetch,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedGitOpsClient(deps),
    }),
});

/** On components (their workloads) and tenants (their namespaces). */
export const gitopsStatusCard = EntityCardBlueprint.make({
  name: 'gitops-status',
  params: {
    filter: isGitOpsEntity,
    loader: () =>
      import('../components/gitops/EntityGitOpsStatusCard').then(m => (
        <m.EntityGitOpsStatusCard />
      )),
  },
});
