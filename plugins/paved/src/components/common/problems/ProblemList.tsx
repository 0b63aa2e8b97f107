import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { HealthProblem, HealthSeverity } from '@paved/plugin-paved-common';
import { makeStyles } from '@material-ui/core/styles';
import { CollapsibleList } from '../CollapsibleList';
import { Tone, ToneIcon, useToneClasses } from '../tones';

const SEVERITY_TONE: Record<HealthSeverity, Tone> = {
  critical: 'error',
  warning: 'warning',
  info: 'info',
};

/** A small chip naming a problem's severity, its colour from the theme. */
export function SeverityChip(props: { severity: HealthSeverity }) {
  const { severity } = props;
  const classes = useToneClasses();
  const tone = SEVERITY_TONE[severity];
  return (
    <Chip
      size="small"
      label={severity}
      variant="outlined"
      className={classes[tone]}
      icon={<ToneIcon tone={tone} className={classes.icon} />}
      data-testid={`severity-${severity}`}
    />
  );
}

/** `Kind namespace/name (container)`, or `Cluster`. */
export function problemObjectLabel(problem: HealthProblem): string {
  const { kind, namespace, name, container } = problem.object;
  if (kind === 'Cluster') return 'Cluster';
  const where = namespace ? `${namespace}/${name}` : name;
  return `${kind} ${where}${container ? ` (${container})` : ''}`;
}

const useRowStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    columnGap: theme.spacing(1),
    alignItems: 'baseline',
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  message: {
    gridColumn: '2 / 4',
    overflowWrap: 'anywhere',
  },
}));

/** One problem as a row: severity, reason and object, runbook; the message under it. */
function ProblemRow(props: {
  problem: HealthProblem;
  /** Beside the runbook link (the evidence drawer's button). */
  actions?: React.ReactNode;
}) {
  const { problem } = props;
  const classes = useRowStyles();
  return (
    <div className={classes.row}>
      <SeverityChip severity={problem.severity} />
      <Typography variant="body2" component="div">
        <strong>{problem.reason}</strong> · {problemObjectLabel(problem)}
        {problem.count !== undefined && problem.count > 1
          ? ` · ×${problem.count}`
          : ''}
      </Typography>
      {problem.runbook || props.actions ? (
        <Typography variant="body2" component="div">
          {problem.runbook && (
            <Link to={problem.runbook.url}>
              Runbook: {problem.runbook.title}
            </Link>
          )}
          {props.actions}
        </Typography>
      ) : (
        <span />
      )}
      <Typography
        variant="body2"
        color="textSecondary"
        component="div"
        className={classes.message}
      >
        {problem.message}
      </Typography>
    </div>
  );
}

/**
 * Problems, most severe first as the backend sorts them, each a row with
 * its severity, object, reason and runbook; past `limit` collapsed behind
 * "N more problems".
 */
export function ProblemList(props: {
  problems: HealthProblem[];
  label: string;
  empty?: string;
  limit?: number;
  /** What to put beside each problem's runbook link. */
  renderActions?: (problem: HealthProblem) => React.ReactNode;
}) {
  const { problems, label, empty } = props;
  if (problems.length === 0) {
    return (
      <Typography variant="body2">{empty ?? 'No problems found.'}</Typography>
    );
  }
  return (
    <CollapsibleList
      items={problems}
      label={label}
      limit={props.limit ?? 5}
      noun={['problems', 'problem']}
      itemKey={p => p.id}
      renderItem={p => (
        <ProblemRow problem={p} actions={props.renderActions?.(p)} />
      )}
      listStyle={{ listStyle: 'none', padding: 0, margin: 0 }}
    />
  );
}
