import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  CrossplaneClaimStatus,
  CrossplaneClaimView,
  CrossplaneCondition,
  CrossplaneNodeState,
  CrossplaneReadProblem,
} from '@paved/plugin-paved-common';
import { age, countsLabel, refLabel, STATUS_LABEL } from './format';
import { Fact } from '../health/HealthParts';

/** A label and its value on one line: the same as the health cards'. */
export { Fact };

const BAD = { backgroundColor: '#f9dcdc', color: '#8a1c1c' };
const WAIT = { backgroundColor: '#fdf0d5', color: '#7a4d00' };
const GOOD = { backgroundColor: '#dcf3e1', color: '#1b5e20' };

const CONDITION_STYLE: Record<
  CrossplaneCondition['status'],
  React.CSSProperties
> = {
  True: GOOD,
  False: BAD,
  Unknown: WAIT,
  Absent: {},
};

/** `Synced: True` as a chip, coloured by status, with the reason as its tooltip. */
export function ConditionChip(props: { condition: CrossplaneCondition }) {
  const { condition } = props;
  const label = `${condition.type}: ${condition.status}${
    condition.reason ? ` (${condition.reason})` : ''
  }`;
  return (
    <Chip
      size="small"
      label={label}
      title={condition.message ?? label}
      variant={condition.status === 'Absent' ? 'outlined' : 'default'}
      style={CONDITION_STYLE[condition.status]}
    />
  );
}

const STATE_STYLE: Record<CrossplaneNodeState, React.CSSProperties> = {
  ready: GOOD,
  'not-ready': BAD,
  missing: BAD,
  unreadable: WAIT,
  deleting: WAIT,
  unknown: WAIT,
};

/** An object's state as a chip: ready, not ready, missing, unreadable... */
export function StateChip(props: { state: CrossplaneNodeState }) {
  return (
    <Chip
      size="small"
      label={props.state}
      style={STATE_STYLE[props.state]}
      data-testid={`state-${props.state}`}
    />
  );
}

const CLAIM_STYLE: Record<CrossplaneClaimStatus, React.CSSProperties> = {
  ready: GOOD,
  'not-ready': BAD,
  deleting: WAIT,
  unknown: WAIT,
};

/** The claim's overall status. */
export function ClaimStatusChip(props: { status: CrossplaneClaimStatus }) {
  return (
    <Chip
      size="small"
      label={STATUS_LABEL[props.status]}
      style={CLAIM_STYLE[props.status]}
      data-testid={`claim-${props.status}`}
    />
  );
}

/** Everything the card says about one claim. */
export function ClaimFacts(props: { claim: CrossplaneClaimView }) {
  const { claim } = props;
  const { root, composition, compositionRevision, firstNotReady } = claim;
  return (
    <>
      <Fact label="Status">
        <ClaimStatusChip status={claim.status} />
        {root.deleting
          ? ` since ${
              age(root.deleting.since) ?? root.deleting.since
            }, held by ${root.deleting.finalizers.join(', ') || 'no finalizer'}`
          : ''}
      </Fact>
      <Fact label="Age">{age(root.createdAt) ?? 'unknown'}</Fact>
      <Fact label="Composition">
        {composition
          ? `${composition.name}${
              compositionRevision
                ? ` · revision ${
                    compositionRevision.revision ?? compositionRevision.name
                  }`
                : ''
            }${
              composition.found
                ? ''
                : ` (${composition.problem ?? 'not found'})`
            }`
          : 'none selected yet'}
      </Fact>
      <Fact label="Synced">{countsLabel(claim.counts.synced)}</Fact>
      <Fact label="Ready">{countsLabel(claim.counts.ready)}</Fact>
      {claim.connectionSecrets.map(secret => (
        <Fact
          key={`${secret.namespace}/${secret.name}`}
          label="Connection secret"
        >
          {secret.namespace}/{secret.name} ·{' '}
          {secret.exists === true && 'present'}
          {secret.exists === false && 'not published yet'}
          {secret.exists === undefined && (secret.problem ?? 'could not check')}
        </Fact>
      ))}
      {firstNotReady && (
        <div role="alert" aria-label="First not-ready reason">
          <Typography variant="body2" color="error" component="div">
            <strong>{firstNotReady.reason}</strong> on{' '}
            {refLabel(firstNotReady.ref)}
            {firstNotReady.message ? `: ${firstNotReady.message}` : ''}
          </Typography>
        </div>
      )}
      {claim.runbookUrl && (
        <Typography variant="body2">
          <Link to={claim.runbookUrl}>Runbook: Crossplane claim not ready</Link>
        </Typography>
      )}
    </>
  );
}

/** What could not be read in a cluster, said plainly. */
export function ReadProblems(props: { problems: CrossplaneReadProblem[] }) {
  if (props.problems.length === 0) return null;
  return (
    <div>
      <Typography variant="body2">
        <strong>Could not read:</strong>
      </Typography>
      <ul aria-label="Could not read" style={{ margin: 0 }}>
        {props.problems.map((p, i) => (
          <li key={i}>
            <Typography variant="body2">
              {p.subject}: {p.message}
            </Typography>
          </li>
        ))}
      </ul>
    </div>
  );
}
