import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/**
 * A page filter: one of `options`, or "All" (undefined). Its id is
 * `<idPrefix>-<label in lower case>`, so its label is attached for
 * screen readers and tests can find it by name.
 */
export function FilterSelect(props: {
  idPrefix: string;
  label: string;
  value?: string;
  options: string[];
  onChange: (value?: string) => void;
}) {
  return (
    <TextField
      select
      fullWidth
      id={`${props.idPrefix}-${props.label.toLocaleLowerCase('en-US')}`}
      label={props.label}
      value={props.value ?? ''}
      onChange={e => props.onChange(e.target.value || undefined)}
    >
      <MenuItem value="">All</MenuItem>
      {props.options.map(o => (
        <MenuItem key={o} value={o}>
          {o}
        </MenuItem>
      ))}
    </TextField>
  );
}
