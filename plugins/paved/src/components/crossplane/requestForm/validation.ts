import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { pavedCrossplaneApiRef } from '../../../api';
import { parameterFields, parameterProblems } from './parameterFields';
import { formValue, RequestFormOptions } from './useXrdOffers';

/**
 * Before the step is left: each parameter against the chosen XRD's schema,
 * one error per field, named. If the offers cannot be read the field says
 * so itself, and the action checks again against the live XRD.
 */
export const xrdParametersValidation: CustomFieldValidator<
  Record<string, unknown>,
  RequestFormOptions
> = async (data, field, context) => {
  const options = context.uiSchema?.['ui:options'] ?? {};
  const form = { formData: context.formData };
  const cluster = formValue(form, options.clusterField ?? 'cluster');
  const xrd = formValue(form, options.xrdField ?? 'xrd');
  const api = context.apiHolder.get(pavedCrossplaneApiRef);
  if (!cluster || !xrd || !api) return;
  let offers;
  try {
    offers = await api.getXrdOffers(cluster);
  } catch {
    return;
  }
  const offer = offers.offers.find(o => o.name === xrd);
  if (!offer) {
    field.addError(`${xrd} is not offered on cluster ${cluster}`);
    return;
  }
  const fields = parameterFields(offer.parameters);
  const problems = parameterProblems(fields, data);
  for (const [name, problem] of Object.entries(problems)) {
    // By the title the form shows, where there is one.
    field.addError(
      `${fields.find(f => f.name === name)?.title ?? name} ${problem}`,
    );
  }
};
