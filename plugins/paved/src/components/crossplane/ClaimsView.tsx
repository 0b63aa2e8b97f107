import { Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  CrossplaneClaimView,
  CrossplaneClusterClaims,
} from '@paved/plugin-paved-common';
import { PavedClusterResult, PavedCrossplaneResponse } from '../../api';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { ClusterErrorMessage } from '../common/clusters/ClusterErrorMessage';
import { ClaimFacts, ReadProblems } from './CrossplaneParts';
import { EmptyClaims } from './EmptyClaims';
import { NoClustersConfigured } from '../common/NoClustersConfigured';
import { refLabel } from './format';
import { useCrossplaneClaims } from './useCrossplaneClaims';
import { LastRead, RefreshFailed } from '../common/refresh/RefreshStatus';

const RANK = { 'not-ready': 0, deleting: 1, unknown: 2, ready: 3 } as const;

const SHAPE_LABEL: Record<CrossplaneClaimView['shape'], string> = {
  'v1-claim': 'claim',
  'v1-composite': 'composite',
  'v2-composite': 'namespaced composite (Crossplane v2)',
};

function sortClaims(claims: CrossplaneClaimView[]): CrossplaneClaimView[] {
  return [...claims].sort(
    (a, b) =>
      RANK[a.status] - RANK[b.status] ||
      refLabel(a.root.ref).localeCompare(refLabel(b.root.ref)),
  );
}

function ClusterClaims(props: {
  result: PavedClusterResult<CrossplaneClusterClaims>;
  renderClaim: (claim: CrossplaneClaimView) => React.ReactNode;
}) {
  const { result, renderClaim } = props;
  if (!result.ok) {
    return (
      <section aria-label={`Crossplane claims on ${result.cluster}`}>
        <Typography variant="subtitle2">{result.cluster}</Typography>
        <ClusterErrorMessage error={result.error} />
      </section>
    );
  }
  return (
    <section aria-label={`Crossplane claims on ${result.cluster}`}>
      {sortClaims(result.data.claims).map(claim => (
        <section
          key={claim.root.ref.uid ?? refLabel(claim.root.ref)}
          aria-label={`Claim ${refLabel(claim.root.ref)}`}
          style={{ marginBottom: 16 }}
        >
          <Typography variant="h6" component="h3">
            {refLabel(claim.root.ref)}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {result.cluster} · {SHAPE_LABEL[claim.shape]} · found by{' '}
            {claim.foundBy === 'annotation' ? 'annotation' : 'label selector'}
          </Typography>
          {renderClaim(claim)}
        </section>
      ))}
      <ReadProblems problems={result.data.problems} />
    </section>
  );
}

/** Loading, error, empty and per-cluster states, shared by the card and the tab. */
export function ClaimsView(props: {
  renderClaim?: (claim: CrossplaneClaimView) => React.ReactNode;
  /** Say when YAML or events are left out for want of a permission. */
  accessNote?: boolean;
}) {
  const renderClaim =
    props.renderClaim ?? (claim => <ClaimFacts claim={claim} />);
  const read = useCrossplaneClaims();
  const { value, loading, error } = read;
  if (loading) return <Progress />;
  if (error && !value) return <ApiErrorPanel error={error} />;
  if (!value) return null;
  return (
    <>
      <RefreshFailed read={read} />
      {props.accessNote && <AccessNote response={value} />}
      <ClaimsBody response={value} renderClaim={renderClaim} />
      <LastRead read={read} />
    </>
  );
}

/** YAML and events have their own permissions: say which are missing. */
function AccessNote(props: { response: PavedCrossplaneResponse }) {
  const access = props.response.access;
  if (!access) return null;
  const hidden = [
    !access.yaml && 'YAML (permission paved.crossplane.yaml.read)',
    !access.events && 'events (permission paved.crossplane.events.read)',
  ].filter(Boolean);
  if (hidden.length === 0) return null;
  return (
    <Typography variant="body2" color="textSecondary" role="note">
      Not shown to you: {hidden.join(' and ')}.
    </Typography>
  );
}

function ClaimsBody(props: {
  response: PavedCrossplaneResponse;
  renderClaim: (claim: CrossplaneClaimView) => React.ReactNode;
}) {
  const { response, renderClaim } = props;
  const total = response.clusters.reduce(
    (n, c) => n + (c.ok ? c.data.claims.length : 0),
    0,
  );
  const somethingToSay = response.clusters.some(
    c => !c.ok || c.data.problems.length > 0,
  );
  return (
    <>
      {response.invalidReferences.length > 0 && (
        <div role="alert" aria-label="Invalid claim references">
          {response.invalidReferences.map(r => (
            <Typography key={r.entry} variant="body2" color="error">
              paved.dev/crossplane-claims: {r.message}
            </Typography>
          ))}
        </div>
      )}
      {/* A refused or failed read is not an empty one: say "none" only when every cluster answered. */}
      {total === 0 && response.clusters.every(c => c.ok) && (
        <EmptyClaims labelSelector={response.labelSelector} />
      )}
      {response.clusters.length === 0 && <NoClustersConfigured />}
      {(total > 0 || somethingToSay) &&
        response.clusters.map(result => (
          <ClusterClaims
            key={result.cluster}
            result={result}
            renderClaim={renderClaim}
          />
        ))}
    </>
  );
}
