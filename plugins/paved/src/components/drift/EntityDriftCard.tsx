import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  DriftClusterResult,
  DriftSummary,
  HealthProblem,
} from '@paved/plugin-paved-common';
import { PavedClusterResult } from '../../api';
import {
  PavedDriftResponse,
  pavedDriftApiRef,
} from '../../api/PavedDriftClient';
import { SectionTitle } from '../common/CardText';
import { ClusterSections } from '../common/clusters/ClusterSection';
import { PavedEntityCard } from '../common/PavedEntityCard';
import { ProblemList } from '../common/problems/ProblemList';
import { usePolledRead } from '../common/refresh/usePolledRead';
import { DriftObjectRow } from './DriftObjectRow';

/** The card's anchor, for links to it (`#paved-drift`). */
export const DRIFT_CARD_ANCHOR = 'paved-drift';

const SUBJECT_TEXT: Record<PavedDriftResponse['subject'], string> = {
  tenant: 'Compared with the tenant as Paved renders it from its inputs',
  'cluster-baseline':
    "Compared with the cluster's baseline as Paved renders it",
  none: '',
};

/** One cluster's drift: counts, problems and the objects that differ. */
function DriftBody(props: { cluster: string; drift: DriftSummary }) {
  const { cluster, drift } = props;
  const { counts } = drift;
  return (
    <>
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
            label={`Drift problems in ${cluster}`}
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
    </>
  );
}

/** The drift route's per-cluster result in the envelope every card reads. */
function asClusterResult(
  result: DriftClusterResult,
): PavedClusterResult<DriftSummary> {
  return result.ok
    ? { cluster: result.cluster, ok: true, data: result.drift }
    : result;
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
  return (
    <PavedEntityCard
      anchor={DRIFT_CARD_ANCHOR}
      title="Drift"
      read={read}
      subheader={response => SUBJECT_TEXT[response.subject]}
    >
      {response => (
        <>
          {response.nothingToCompare && (
            <Typography variant="body2" data-testid="drift-nothing">
              {response.nothingToCompare}
            </Typography>
          )}
          <ClusterSections
            results={response.clusters.map(asClusterResult)}
            label={cluster => `Drift in ${cluster}`}
            // Nothing to compare says why there are no clusters.
            empty={response.nothingToCompare ? false : undefined}
          >
            {(drift, cluster) => <DriftBody cluster={cluster} drift={drift} />}
          </ClusterSections>
        </>
      )}
    </PavedEntityCard>
  );
}
