import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  TenantWhoCanEntry,
  TenantWhoCanRow,
} from '@paved/plugin-paved-common';

function subjectLabel(entry: TenantWhoCanEntry): string {
  const s = entry.subject;
  return s.kind === 'ServiceAccount' && s.namespace
    ? `ServiceAccount ${s.namespace}/${s.name}`
    : `${s.kind} ${s.name}`;
}

/** The subjects of one cell, each with where and through what. */
function Subjects(props: {
  entries: TenantWhoCanEntry[];
  namespaces: readonly string[];
}) {
  const { entries, namespaces } = props;
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        nobody
      </Typography>
    );
  }
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {entries.map(entry => {
        const partial =
          !entry.clusterWide && entry.namespaces.length < namespaces.length;
        return (
          <li key={subjectLabel(entry)}>
            <Typography variant="body2" component="span">
              {subjectLabel(entry)}
              {partial ? ` (in ${entry.namespaces.join(', ')} only)` : ''}
            </Typography>
            <Typography variant="caption" color="textSecondary" component="div">
              via {entry.via.join('; ')}
            </Typography>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * "Who can do what here": for each check, the subjects the tenant's own
 * bindings allow, and apart from them the platform-wide ones
 * (ClusterRoleBindings), which reach every namespace of the cluster.
 */
export function AccessMatrix(props: {
  rows: TenantWhoCanRow[];
  namespaces: readonly string[];
  label: string;
}) {
  const { rows, namespaces, label } = props;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>May</TableCell>
          <TableCell>Through the tenant&apos;s bindings</TableCell>
          <TableCell>Platform-wide</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.check}>
            <TableCell component="th" scope="row">
              {row.label}
            </TableCell>
            <TableCell>
              <Subjects
                entries={row.subjects.filter(s => !s.clusterWide)}
                namespaces={namespaces}
              />
            </TableCell>
            <TableCell>
              <Subjects
                entries={row.subjects.filter(s => s.clusterWide)}
                namespaces={namespaces}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
