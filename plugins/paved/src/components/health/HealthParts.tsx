import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  ApiLatencySummary,
  HEALTH_SLIS,
  HealthProblem,
  HealthSeverity,
} from '@paved/plugin-paved-common';
import { makeStyles } from '@material-ui/core/styles';
import { PavedClusterError } from '../../api';
import { CollapsibleList } from '../common/CollapsibleList';
import { formatCount, formatDuration } from '../common/format';
import { Tone, ToneIcon, useToneClasses } from '../common/tones';

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

/** What to do about one cluster's error, in the user's terms. */
export function clusterErrorHint(error: PavedClusterError): string | undefined {
  switch (error.statusCode) {
    case 401:
      return 'The cluster did not accept the credentials: check its authProvider in kubernetes.clusterLocatorMethods, or sign in to its identity provider.';
    case 403:
      return 'The cluster refused the read: on clusters where you sign in with your own credentials, your account needs read access there (Paved itself needs no kubernetes.proxy for you).';
    case 404:
      return 'The cluster or one of its APIs was not found: check its url in kubernetes.clusterLocatorMethods.';
    default:
      break;
  }
  if (error.name === 'ClusterTimeoutError') {
    return 'The cluster did not answer in time (paved.health.clusterTimeout).';
  }
  return undefined;
}

/** One cluster's error, compact, to sit beside other clusters' data. */
export function ClusterErrorMessage(props: { error: PavedClusterError }) {
  const { error } = props;
  const hint = clusterErrorHint(error);
  return (
    <div role="alert">
      <Typography variant="body2" color="error">
        {error.statusCode ? `${error.statusCode} · ` : ''}
        {error.message}
      </Typography>
      {hint && (
        <Typography variant="body2" color="textSecondary">
          {hint}
        </Typography>
      )}
    </div>
  );
}

/** A label and its value on one line. */
export function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <Typography variant="body2" component="div">
      <strong>{props.label}:</strong> {props.children}
    </Typography>
  );
}

/** The API server's latency as the backend measured it (seed 004 M2). */
export function LatencyFact(props: { latency?: ApiLatencySummary }) {
  const { latency } = props;
  if (!latency) return null;
  return (
    <Fact label="API latency">
      median {formatDuration(latency.medianMs)} · p95{' '}
      {formatDuration(latency.p95Ms)} over {formatCount(latency.calls, 'call')}
      {latency.meetsTarget
        ? ''
        : ` (above the ${formatDuration(
            HEALTH_SLIS.apiLatency.p95Ms,
          )} p95 target)`}
    </Fact>
  );
}

/** A heading inside a card, spaced from what comes before. */
export function SectionTitle(props: { children: React.ReactNode }) {
  return (
    <Typography
      variant="subtitle2"
      component="h3"
      style={{ marginTop: 16, fontWeight: 600 }}
    >
      {props.children}
    </Typography>
  );
}
