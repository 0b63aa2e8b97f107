import { Progress } from '@backstage/core-components';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  initialParameters,
  ParameterField,
  parameterFields,
  parameterProblems,
} from './parameterFields';
import { formValue, RequestFormOptions, useXrdOffers } from './useXrdOffers';

type Values = Record<string, unknown>;

function numberOf(text: string): number | string | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  // Kept as typed when not a number, so the field can say so.
  return Number.isFinite(n) ? n : text;
}

function rangeOf(f: Extract<ParameterField, { type: 'integer' | 'number' }>) {
  if (f.minimum !== undefined && f.maximum !== undefined) {
    return `${f.minimum} to ${f.maximum}`;
  }
  if (f.minimum !== undefined) return `at least ${f.minimum}`;
  if (f.maximum !== undefined) return `at most ${f.maximum}`;
  return undefined;
}

/** JSON text kept as typed; the parsed value when it parses, the text when not. */
function JsonInput(props: {
  id: string;
  label: string;
  required: boolean;
  error: boolean;
  helperText?: string;
  inputProps: Record<string, string>;
  fullWidth: boolean;
  margin: 'dense';
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const { value, onChange, helperText, ...rest } = props;
  const [text, setText] = useState(() =>
    value === undefined ? '' : JSON.stringify(value),
  );
  return (
    <TextField
      {...rest}
      multiline
      minRows={2}
      value={text}
      helperText={helperText ?? 'As JSON'}
      onChange={e => {
        const next = e.target.value;
        setText(next);
        if (next.trim() === '') {
          onChange(undefined);
          return;
        }
        try {
          onChange(JSON.parse(next));
        } catch {
          onChange(next);
        }
      }}
    />
  );
}

function ParameterInput(props: {
  /** The form's id for this field; each input's id, and so its help text's, derive from it. */
  id: string;
  field: ParameterField;
  value: unknown;
  problem?: string;
  onChange: (value: unknown) => void;
}) {
  const { field: f, value, problem, onChange } = props;
  // With an id, MUI ties the help text to the input (aria-describedby).
  const id = `${props.id}_${f.name}`;
  const help =
    problem !== undefined
      ? `${f.title} ${problem}`
      : [
          f.description,
          f.type === 'integer' || f.type === 'number' ? rangeOf(f) : undefined,
        ]
          .filter(Boolean)
          .join(' · ') || undefined;
  const common = {
    id,
    fullWidth: true,
    margin: 'dense' as const,
    label: f.title,
    required: f.required,
    error: problem !== undefined,
    helperText: help,
    inputProps: { 'aria-label': f.title },
  };
  switch (f.type) {
    case 'enum':
      return (
        <TextField
          {...common}
          select
          value={value ?? ''}
          onChange={e => {
            const picked = f.options.find(o => String(o) === e.target.value);
            onChange(picked);
          }}
        >
          {f.options.map(o => (
            <MenuItem key={String(o)} value={String(o)}>
              {String(o)}
            </MenuItem>
          ))}
        </TextField>
      );
    case 'integer':
    case 'number':
      return (
        <TextField
          {...common}
          type="number"
          // A number as a number: React then leaves "0." and "0.0" as typed.
          value={
            typeof value === 'number' || typeof value === 'string' ? value : ''
          }
          onChange={e => onChange(numberOf(e.target.value))}
        />
      );
    case 'boolean':
      return (
        <FormControl margin="dense" error={problem !== undefined}>
          <FormControlLabel
            control={
              <Checkbox
                checked={value === true}
                onChange={e => onChange(e.target.checked)}
                inputProps={{
                  'aria-label': f.title,
                  ...(help ? { 'aria-describedby': `${id}-helper-text` } : {}),
                }}
              />
            }
            label={f.title}
          />
          {help ? (
            <FormHelperText id={`${id}-helper-text`}>{help}</FormHelperText>
          ) : null}
        </FormControl>
      );
    case 'json':
      return <JsonInput {...common} value={value} onChange={onChange} />;
    default:
      return (
        <TextField
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={e =>
            onChange(e.target.value === '' ? undefined : e.target.value)
          }
        />
      );
  }
}

/**
 * `ui:field: PavedXrdParameters`: the parameters of the XRD chosen in the
 * form, as fields built from the XRD's own schema on the chosen cluster
 * (enums as choices, numbers with their range, required fields marked).
 * The value is the parameters object `paved:claim:scaffold` takes; the
 * action checks it against the live XRD again.
 */
export function XrdParametersField(
  props: FieldExtensionComponentProps<Values, RequestFormOptions>,
) {
  const { formData, onChange, schema, uiSchema } = props;
  const options = uiSchema?.['ui:options'] ?? {};
  const cluster = formValue(
    props.formContext,
    options.clusterField ?? 'cluster',
  );
  const xrd = formValue(props.formContext, options.xrdField ?? 'xrd');
  const { loading, error, value } = useXrdOffers(cluster);
  const offer = value?.offers.find(o => o.name === xrd);
  const fields = useMemo(
    () => (offer ? parameterFields(offer.parameters) : []),
    [offer],
  );

  // Start from the XRD's defaults, and again when another XRD is chosen:
  // the previous one's values would fail the new one's closed check. Values
  // already there when the field mounts (back from a later step) are kept.
  const valuesFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!offer) return;
    const switched =
      valuesFor.current !== undefined && valuesFor.current !== offer.name;
    valuesFor.current = offer.name;
    if (formData === undefined || switched) {
      onChange(initialParameters(fields));
    }
  }, [offer, fields, formData, onChange]);

  const values = formData ?? {};
  const problems = parameterProblems(fields, values);
  const title = schema.title ?? 'Parameters';

  let body: JSX.Element;
  if (!cluster || !xrd) {
    body = (
      <FormHelperText>
        Choose a cluster and what to request first: the parameters come from its
        XRD.
      </FormHelperText>
    );
  } else if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <FormHelperText error>{error.message}</FormHelperText>;
  } else if (value && !value.crossplane) {
    body = <FormHelperText error>{value.message}</FormHelperText>;
  } else if (!offer) {
    body = (
      <FormHelperText error>
        {xrd} is not offered on cluster {cluster}.
      </FormHelperText>
    );
  } else if (fields.length === 0) {
    body = <FormHelperText>{offer.title} takes no parameters.</FormHelperText>;
  } else {
    body = (
      <>
        {offer.description ? (
          <FormHelperText>{offer.description}</FormHelperText>
        ) : null}
        {fields.map(f => (
          <ParameterInput
            id={props.idSchema?.$id ?? 'parameters'}
            key={f.name}
            field={f}
            value={values[f.name]}
            // Missing required values are reported when the step is submitted.
            problem={
              values[f.name] === undefined ? undefined : problems[f.name]
            }
            onChange={v => {
              const next = { ...values };
              if (v === undefined) delete next[f.name];
              else next[f.name] = v;
              onChange(next);
            }}
          />
        ))}
      </>
    );
  }
  return (
    <FormControl component="fieldset" fullWidth margin="normal">
      <FormLabel component="legend">
        {title}
        {offer ? ` · ${offer.title}` : ''}
      </FormLabel>
      {body}
    </FormControl>
  );
}
