import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  ApiLatencySummary,
  HEALTH_SLIS,
  HealthProblem,
  HealthSeverity,
} from '@paved/plugin-paved-common';
import { PavedClusterError } from '../../api';

const SEVERITY_STYLE: Record<HealthSeverity, React.CSSProperties> = {
  critical: { backgroundColor: '#f9dcdc', color: '#8a1c1c' },
  warning: { backgroundColor: '#fdf0d5', color: '#7a4d00' },
  info: {},
};

/** A small chip naming a problem's severity. */
export function SeverityChip(props: { severity: HealthSeverity }) {
  const { severity } = props;
  return (
    <Chip
      size="small"
      label={severity}
      variant={severity === 'info' ? 'outlined' : 'default'}
      style={SEVERITY_STYLE[severity]}
      data-testid={`severity-${severity}`}
    />
  );
}

function objectLabel(problem: HealthProblem): string {
  const { kind, namespace, name, container } = problem.object;
  if (kind === 'Cluster') return 'Cluster';
  const where = namespace ? `${namespace}/${name}` : name;
  return `${kind} ${where}${container ? ` (${container})` : ''}`;
}

/** Problems, most severe first as the backend sorts them, each with its runbook. */
export function ProblemList(props: {
  problems: HealthProblem[];
  label: string;
  empty?: string;
}) {
  const { problems, label, empty } = props;
  if (problems.length === 0) {
    return (
      <Typography variant="body2">{empty ?? 'No problems found.'}</Typography>
    );
  }
  return (
    <ul aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {problems.map(problem => (
        <li key={problem.id} style={{ margin: '8px 0' }}>
          <Typography variant="body2" component="div">
            <SeverityChip severity={problem.severity} />{' '}
            <strong>{problem.reason}</strong> · {objectLabel(problem)}
            {problem.count !== undefined && problem.count > 1
              ? ` · ×${problem.count}`
              : ''}
          </Typography>
          <Typography
            variant="body2"
            color="textSecondary"
            component="div"
            style={{ overflowWrap: 'anywhere' }}
          >
            {problem.message}
            {problem.runbook && (
              <>
                {' '}
                <Link to={problem.runbook.url}>
                  Runbook: {problem.runbook.title}
                </Link>
              </>
            )}
          </Typography>
        </li>
      ))}
    </ul>
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
      median {Math.round(latency.medianMs)} ms · p95 {Math.round(latency.p95Ms)}{' '}
      ms over {latency.calls} call
      {latency.calls === 1 ? '' : 's'}
      {latency.meetsTarget
        ? ''
        : ` (above the ${HEALTH_SLIS.apiLatency.p95Ms} ms p95 target)`}
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
