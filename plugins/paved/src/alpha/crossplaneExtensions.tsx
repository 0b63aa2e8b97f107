import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { PavedCrossplaneClient, pavedCrossplaneApiRef } from '../api';
import { isCrossplaneCandidate } from '../components/crossplane/entityFilters';

/** The Crossplane client: the user's token, and their cluster tokens where needed. */
export const crossplaneApi = ApiBlueprint.make({
  name: 'crossplane',
  params: defineParams =>
    defineParams({
      api: pavedCrossplaneApiRef,
      deps: {
        discoveryApi: coreApis.discovery,
        fetchApi: coreApis.fetch,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedCrossplaneClient(deps),
    }),
});

/** On Components: the claims' status, or what to annotate to see them. */
export const crossplaneClaimsCard = EntityCardBlueprint.make({
  name: 'crossplane-claims',
  params: {
    filter: isCrossplaneCandidate,
    loader: () =>
      import('../components/crossplane/EntityCrossplaneClaimsCard').then(m => (
        <m.EntityCrossplaneClaimsCard />
      )),
  },
});

/** The Crossplane tab: the tree claim -> composite -> managed resources. */
export const crossplaneContent = EntityContentBlueprint.make({
  name: 'crossplane',
  params: {
    path: '/crossplane',
    title: 'Crossplane',
    filter: isCrossplaneCandidate,
    loader: () =>
      import('../components/crossplane/EntityCrossplaneContent').then(m => (
        <m.EntityCrossplaneContent />
      )),
  },
});

/** `ui:field: PavedXrdPicker`: what the chosen cluster offers to request. */
export const xrdPickerField = FormFieldBlueprint.make({
  name: 'xrd-picker',
  params: {
    field: () =>
      import('../components/crossplane/requestForm/formFields').then(
        m => m.xrdPickerFormField,
      ),
  },
});

/** `ui:field: PavedXrdParameters`: the chosen XRD's parameters as fields. */
export const xrdParametersField = FormFieldBlueprint.make({
  name: 'xrd-parameters',
  params: {
    field: () =>
      import('../components/crossplane/requestForm/formFields').then(
        m => m.xrdParametersFormField,
      ),
  },
});
