import { getCompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { DriftClusterResult, HealthProblem } from '@paved/plugin-paved-common';
import {
  PavedDriftResponse,
  pavedDriftApiRef,
} from '../../api/PavedDriftClient';
import {
  ClusterErrorMessage,
  ProblemList,
  SectionTitle,
} from '../health/HealthParts';
import { CardError } from '../health/CardError';
import { usePolledRead } from '../common/refresh/usePolledRead';
import { LastRead, RefreshFailed } from '../common/refresh/RefreshStatus';
import { NoClustersConfigured } from '../common/NoClustersConfigured';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { DriftObjectRow } from './DriftObjectRow';

/** The card's anchor, for links to it (`#paved-drift`). */
export const DRIFT_CARD_ANCHOR = 'paved-drift';

const SUBJECT_TEXT: Record<PavedDriftResponse['subject'], string> = {
  tenant: 'Compared with the tenant as Paved renders it from its inputs',
  'cluster-baseline':
    "Compared with the cluster's baseline as Paved renders it",
  none: '',
};

function ClusterSection(props: { result: DriftClusterResult }) {
  const { result } = props;
  if (!result.ok) {
    return (
      <section
        aria-label={`Drift in ${result.cluster}`}
        style={{ marginBottom: 16 }}
      >
        <Typography variant="h6" component="h3">
          {result.cluster}
        </Typography>
        <ClusterErrorMessage error={result.error} />
      </section>
    );
  }
  const { drift } = result;
  const { counts } = drift;
  return (
    <section
      aria-label={`Drift in ${result.cluster}`}
      style={{ marginBottom: 16 }}
    >
      <Typography variant="h6" component="h3">
        {result.cluster}
      </Typography>
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="drift-counts"
      >
        {counts.compared} compared: {counts.inSync} in sync, {counts.drifted}{' '}
        drifted, {counts.missing} missing
        {counts.notCompared ? ` · ${counts.notCompared} not compared` : ''}
      </Typography>
      {drift.unread && drift.unread.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Could not read back {drift.unread.join(', ')}: inputs they carry were
          not recovered.
        </Typography>
      )}
      {counts.drifted + counts.missing === 0 ? (
        <Typography variant="body2" data-testid="drift-none">
          No drift: every field Paved sets matches the cluster.
        </Typography>
      ) : (
        <>
          <SectionTitle>Problems</SectionTitle>
          <ProblemList
            // Same fields as a health problem; only the reasons differ.
            problems={drift.problems as unknown as HealthProblem[]}
            label={`Drift problems in ${result.cluster}`}
          />
        </>
      )}
      {drift.objects.length > 0 && (
        <>
          <SectionTitle>Objects that differ</SectionTitle>
          {drift.objects.map(o => (
            <DriftObjectRow
              key={`${o.object.apiVersion}/${o.object.kind}/${
                o.object.namespace ?? ''
              }/${o.object.name}`}
              result={o}
            />
          ))}
        </>
      )}
    </section>
  );
}

/**
 * Where the live objects of a tenant or a cluster's baseline differ from
 * what Paved renders for them: per cluster, each drifted field desired →
 * live with the managers that own it, missing objects, and each as a
 * problem with its runbook.
 */
export function EntityDriftCard() {
  const { entity } = useEntity();
  const api = useApi(pavedDriftApiRef);
  const ref = getCompoundEntityRef(entity);
  const read = usePolledRead(
    ({ fresh }) => api.getEntityDrift(ref, { fresh }),
    [api, ref.kind, ref.namespace, ref.name],
  );
  const { value: response, loading, error } = read;

  let content: React.ReactNode;
  let subheader: string | undefined;
  if (loading) {
    content = <Progress />;
  } else if (error && !response) {
    content = <CardError error={error} />;
  } else if (response) {
    subheader = SUBJECT_TEXT[response.subject] || undefined;
    content = (
      <>
        <RefreshFailed read={read} />
        {response.nothingToCompare && (
          <Typography variant="body2" data-testid="drift-nothing">
            {response.nothingToCompare}
          </Typography>
        )}
        {!response.nothingToCompare && response.clusters.length === 0 && (
          <NoClustersConfigured />
        )}
        {[...response.clusters]
          .sort((a, b) => a.cluster.localeCompare(b.cluster))
          .map(result => (
            <ClusterSection key={result.cluster} result={result} />
          ))}
        <LastRead read={read} />
      </>
    );
  }
  return (
    <PavedCardRoot id={DRIFT_CARD_ANCHOR}>
      <InfoCard
        title="Drift"
        titleTypographyProps={{ component: 'h2' }}
        subheader={subheader}
      >
        {content}
      </InfoCard>
    </PavedCardRoot>
  );
}
