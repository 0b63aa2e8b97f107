import { Progress } from '@backstage/core-components';
import FormControl from '@material-ui/core/FormControl';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useEffect } from 'react';
import { formValue, RequestFormOptions, useXrdOffers } from './useXrdOffers';

/**
 * `ui:field: PavedXrdPicker`: what a team can request on the cluster chosen
 * in the form (its Crossplane XRDs that offer a claim or a namespaced
 * composite), read live as the user. The value is the XRD's name.
 */
export function XrdPickerField(
  props: FieldExtensionComponentProps<string, RequestFormOptions>,
) {
  const { formData, onChange, schema, required, rawErrors, uiSchema } = props;
  const options = uiSchema?.['ui:options'] ?? {};
  const cluster = formValue(
    props.formContext,
    options.clusterField ?? 'cluster',
  );
  const { loading, error, value } = useXrdOffers(cluster);
  const title = schema.title ?? 'Infrastructure type';
  // A choice the (new) cluster does not offer is no choice: clear it, so the
  // step asks again instead of carrying a name the form no longer shows.
  useEffect(() => {
    if (value && formData && !value.offers.some(o => o.name === formData)) {
      onChange(undefined as unknown as string);
    }
  }, [value, formData, onChange]);

  let help: string | undefined = schema.description;
  if (!cluster) help = 'Choose a cluster first: the types come from it.';
  else if (error) help = error.message;
  else if (value && !value.crossplane) help = value.message;
  else if (value && value.offers.length === 0) {
    help = `Cluster ${cluster} offers nothing to request: none of its XRDs has a claim or namespaced composites.`;
  }
  const offers = value?.offers ?? [];
  return (
    <FormControl fullWidth margin="normal">
      {loading ? <Progress /> : null}
      <TextField
        id={props.idSchema?.$id ?? 'xrd'}
        select
        label={title}
        helperText={help}
        error={
          Boolean(rawErrors?.length) ||
          Boolean(error) ||
          value?.crossplane === false
        }
        value={offers.some(o => o.name === formData) ? formData : ''}
        required={required}
        disabled={!cluster || loading || offers.length === 0}
        onChange={e => onChange(String(e.target.value))}
        inputProps={{ 'aria-label': title }}
      >
        {offers.map(o => (
          <MenuItem key={o.name} value={o.name}>
            {o.title} ({o.kind}
            {o.established ? '' : ', not established yet'})
          </MenuItem>
        ))}
      </TextField>
    </FormControl>
  );
}
