import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  ComponentHealthSummary,
  HEALTH_SLIS,
} from '@paved/plugin-paved-common';
import { PavedClusterResult, pavedHealthApiRef } from '../../api';
import { EvidenceButton } from '../evidence';
import { RestartsChart } from '../common/charts/RestartsChart';
import { restartsByContainer } from './restarts';
import {
  ANNOTATION_KUBERNETES_CLUSTER,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  hasKubernetesWorkloads,
} from './entityFilters';
import { byPhase } from './format';
import { CARD_ANCHORS } from '../common/anchors';
import { Fact } from '../common/CardText';
import { ClusterSections } from '../common/clusters/ClusterSection';
import { formatCount, formatPercent, formatPerHour } from '../common/format';
import { usePavedFeature } from '../common/features/PavedFeatureGate';
import { NoClustersConfigured } from '../common/NoClustersConfigured';
import { PavedEntityCard } from '../common/PavedEntityCard';
import { ProblemList } from '../common/problems/ProblemList';
import { usePolledRead } from '../common/refresh/usePolledRead';
import { SchedulingLatencySection } from '../fleet/SchedulingLatency';

function WorkloadHealthBody(props: {
  health: ComponentHealthSummary;
  cluster: string;
}) {
  const { availability, pods, problems, workloads } = props.health;
  // Before any early return: a hook runs on every render.
  const entityRef = getCompoundEntityRef(useEntity().entity);
  const evidence = usePavedFeature('evidence');
  if (workloads.length === 0 && pods.total === 0) {
    return (
      <Typography variant="body2">
        No workloads or Pods match in this cluster.
      </Typography>
    );
  }
  const worst = pods.worstRestartRate;
  const restarts = restartsByContainer(props.health);
  return (
    <>
      <ProblemList
        problems={problems}
        label="Problems"
        empty="No problems: every workload is available and no Pod is failing."
        renderActions={
          evidence
            ? problem => (
                <EvidenceButton
                  entity={entityRef}
                  cluster={props.cluster}
                  problem={problem}
                />
              )
            : undefined
        }
      />
      {props.health.omittedProblems?.length ? (
        <Typography variant="body2" color="textSecondary">
          Not listed, more of the same:{' '}
          {props.health.omittedProblems
            .map(o => `${o.count} × ${o.reason}`)
            .join(' · ')}
        </Typography>
      ) : null}
      <Fact label="Availability">
        {availability.ready} of {availability.desired} ready (
        {formatPercent(availability.ratio)}
        {availability.meetsTarget
          ? ''
          : `, below the ${formatPercent(availability.target)} target`}
        )
      </Fact>
      <Fact label="Restarts">
        {worst
          ? `${formatPerHour(worst.perHour)} at worst (${worst.pod}${
              // A Pod counted from its list row has one rate for all containers.
              worst.container ? `, ${worst.container}` : ''
            })${
              worst.perHour > HEALTH_SLIS.restartRate.targetPerHour
                ? `, above the ${formatPerHour(
                    HEALTH_SLIS.restartRate.targetPerHour,
                  )} target`
                : ''
            } · ${pods.restarts} in total`
          : 'none'}
      </Fact>
      {restarts.length > 0 && (
        <RestartsChart
          rows={restarts}
          label={`Restarts per container in ${props.cluster}`}
        />
      )}
      <Fact label="Pods">
        {pods.total} · {byPhase(pods.byPhase)}
        {pods.evicted ? ` · ${pods.evicted} evicted` : ''}
      </Fact>
      {pods.uninspected ? (
        <Typography variant="body2" color="textSecondary">
          {formatCount(
            pods.uninspected,
            'unhealthy Pod was',
            'unhealthy Pods were',
          )}{' '}
          counted from the Pod list without being read in full, so an OOM kill
          before a restart or a container's message shows only for the Pods that
          were (paved.health.inspectPods).
        </Typography>
      ) : null}
      <SchedulingLatencySection
        latency={props.health.schedulingLatency}
        ofPods={pods.total}
      />
    </>
  );
}

// Failing clusters and clusters with problems first, then by name.
const rank = (r: PavedClusterResult<ComponentHealthSummary>) => {
  if (!r.ok) return 0;
  return r.data.problems.length > 0 ? 1 : 2;
};

function troubledFirst(
  a: PavedClusterResult<ComponentHealthSummary>,
  b: PavedClusterResult<ComponentHealthSummary>,
): number {
  return rank(a) - rank(b) || a.cluster.localeCompare(b.cluster);
}

/**
 * A Component's workload health in every cluster it runs in: availability,
 * restart rate and problems with their runbooks, from Paved's backend. The
 * Component is found with the Kubernetes plugin's annotations.
 */
export function EntityWorkloadHealthCard() {
  const { entity } = useEntity();
  const api = useApi(pavedHealthApiRef);
  const annotated = hasKubernetesWorkloads(entity);
  const ref = getCompoundEntityRef(entity);
  const read = usePolledRead(
    ({ fresh }) =>
      annotated ? api.getEntityHealth(ref, { fresh }) : undefined,
    [api, annotated, ref.kind, ref.namespace, ref.name],
  );
  return (
    <PavedEntityCard
      anchor={CARD_ANCHORS.workloadHealth}
      title="Workload health"
      setup={
        annotated
          ? undefined
          : `Add ${ANNOTATION_KUBERNETES_ID} or ${ANNOTATION_KUBERNETES_LABEL_SELECTOR} to this Component's annotations so Paved can find its workloads.`
      }
      read={read}
      subheader={response =>
        `${response.labelSelector}${
          response.namespace ? ` in namespace ${response.namespace}` : ''
        }`
      }
    >
      {response => (
        <ClusterSections
          results={response.clusters}
          label={cluster => `Cluster ${cluster}`}
          order={troubledFirst}
          spaced={false}
          empty={
            <NoClustersConfigured
              wanted={
                entity.metadata.annotations?.[ANNOTATION_KUBERNETES_CLUSTER]
              }
              annotation={ANNOTATION_KUBERNETES_CLUSTER}
            />
          }
        >
          {(health, cluster) => (
            <WorkloadHealthBody health={health} cluster={cluster} />
          )}
        </ClusterSections>
      )}
    </PavedEntityCard>
  );
}
