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
import { Fact } from '../common/CardText';
import { Tone, ToneIcon, useToneClasses } from '../common/tones';

/** A label and its value on one line: the same as the health cards'. */
export { Fact };

const CONDITION_TONE: Record<CrossplaneCondition['status'], Tone> = {
  True: 'ok',
  False: 'error',
  Unknown: 'warning',
  Absent: 'neutral',
};

/** An outlined chip in a tone from the theme, with the tone's icon. */
function ToneChip(props: {
  tone: Tone;
  label: string;
  title?: string;
  testId?: string;
}) {
  const classes = useToneClasses();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={props.label}
      title={props.title}
      className={classes[props.tone]}
      icon={<ToneIcon tone={props.tone} className={classes.icon} />}
      data-testid={props.testId}
    />
  );
}

/** `Synced: True` as a chip, coloured by status, with the reason as its tooltip. */
export function ConditionChip(props: { condition: CrossplaneCondition }) {
  const { condition } = props;
  const label = `${condition.type}: ${condition.status}${
    condition.reason ? ` (${condition.reason})` : ''
  }`;
  return (
    <ToneChip
      tone={CONDITION_TONE[condition.status]}
      label={label}
      title={condition.message ?? label}
    />
  );
}

const STATE_TONE: Record<CrossplaneNodeState, Tone> = {
  ready: 'ok',
  'not-ready': 'error',
  missing: 'error',
  unreadable: 'warning',
  deleting: 'warning',
  unknown: 'warning',
};

/** An object's state as a chip: ready, not ready, missing, unreadable... */
export function StateChip(props: { state: CrossplaneNodeState }) {
  return (
    <ToneChip
      tone={STATE_TONE[props.state]}
      label={props.state}
      testId={`state-${props.state}`}
    />
  );
}

/** The tone of a claim's overall status, shared with the summary. */
export const CLAIM_TONE: Record<CrossplaneClaimStatus, Tone> = {
  ready: 'ok',
  'not-ready': 'error',
  deleting: 'warning',
  unknown: 'warning',
};

/** The claim's overall status. */
export function ClaimStatusChip(props: { status: CrossplaneClaimStatus }) {
  return (
    <ToneChip
      tone={CLAIM_TONE[props.status]}
      label={STATUS_LABEL[props.status]}
      testId={`claim-${props.status}`}
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
