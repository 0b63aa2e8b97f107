import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { isCrossplaneCandidate } from '../components/crossplane/entityFilters';
import { pavedEntityCard, pavedEntityContent } from './pavedBlueprints';

/** On Components: the claims' status, or what to annotate to see them. */
export const crossplaneClaimsCard = pavedEntityCard({
  feature: 'crossplane',
  name: 'crossplane-claims',
  filter: isCrossplaneCandidate,
  loader: () =>
    import('../components/crossplane/EntityCrossplaneClaimsCard').then(m => (
      <m.EntityCrossplaneClaimsCard />
    )),
});

/** The Crossplane tab: the tree claim -> composite -> managed resources. */
export const crossplaneContent = pavedEntityContent({
  feature: 'crossplane',
  name: 'crossplane',
  path: '/crossplane',
  title: 'Crossplane',
  filter: isCrossplaneCandidate,
  loader: () =>
    import('../components/crossplane/EntityCrossplaneContent').then(m => (
      <m.EntityCrossplaneContent />
    )),
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
