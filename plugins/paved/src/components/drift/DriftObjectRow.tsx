import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  DriftField,
  driftObjectName,
  DriftObjectResult,
} from '@paved/plugin-paved-common';

const useStyles = makeStyles(theme => ({
  object: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: theme.spacing(0.5, 1, 0.5, 0),
      overflowWrap: 'anywhere',
    },
  },
  code: { fontFamily: theme.typography.fontFamily, fontSize: '0.85em' },
}));

/** A value in one short line: absent values say so. */
export function showValue(v: unknown): string {
  if (v === undefined) return '(not set)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** Who owns the field in the cluster, from managedFields. */
export function showManagers(f: DriftField): string {
  if (f.managers.length === 0) return 'no manager';
  return f.managers
    .map(
      m =>
        `${m.manager}${
          m.operation
            ? ` (${m.operation}${m.subresource ? ` ${m.subresource}` : ''})`
            : ''
        }`,
    )
    .join(', ');
}

const STATE_TEXT: Record<DriftObjectResult['state'], string> = {
  drifted: 'Drifted',
  missing: 'Missing from the cluster',
  'not-compared': 'Not compared',
  'in-sync': 'In sync',
};

/** One object that is not in sync: its fields desired → live, and who changed them. */
export function DriftObjectRow(props: { result: DriftObjectResult }) {
  const { result } = props;
  const classes = useStyles();
  const name = driftObjectName(result.object);
  return (
    <section aria-label={name} className={classes.object}>
      <Typography variant="body2" component="div">
        <strong>{STATE_TEXT[result.state]}</strong> · {name}
        {result.reason ? ` · ${result.reason}` : ''}
      </Typography>
      {result.fields.length > 0 && (
        <table
          className={classes.table}
          aria-label={`Drifted fields of ${name}`}
        >
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Desired → live</th>
              <th scope="col">Managed by</th>
            </tr>
          </thead>
          <tbody>
            {result.fields.map(f => (
              <tr key={f.path}>
                <td>
                  <code className={classes.code}>{f.path}</code>
                </td>
                <td>
                  <code className={classes.code}>
                    {showValue(f.desired)} → {showValue(f.live)}
                  </code>
                </td>
                <td>{showManagers(f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.ignored.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="div">
          Owned by controllers, not compared: {result.ignored.join(', ')}
        </Typography>
      )}
    </section>
  );
}
