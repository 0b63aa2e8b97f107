import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  ARGOCD_ANNOTATIONS,
  GitOpsClusterSummary,
  HealthProblem,
} from '@paved/plugin-paved-common';
import { PavedGitOpsResponse, pavedGitOpsApiRef } from '../../api';
import { SectionTitle } from '../common/CardText';
import { ClusterSections } from '../common/clusters/ClusterSection';
import { PavedEntityCard } from '../common/PavedEntityCard';
import { ProblemList } from '../common/problems/ProblemList';
import { usePolledRead } from '../common/refresh/usePolledRead';
import { GitOpsObjectRow } from './GitOpsObjectRow';

/** The card's anchor, for links to it (`#paved-gitops`). */
export const GITOPS_CARD_ANCHOR = 'paved-gitops';

/** Where the card looked, in one line. */
function lookedFor(response: PavedGitOpsResponse): string {
  const parts: string[] = [];
  if (response.appNames.length) {
    parts.push(`Argo CD ${response.appNames.join(', ')}`);
  }
  if (response.appSelector) parts.push(`Applications ${response.appSelector}`);
  if (response.scope === 'tenant') {
    parts.push(`namespaces ${(response.namespaces ?? []).join(', ')}`);
  } else if (response.labelSelector) {
    parts.push(`workloads ${response.labelSelector}`);
  }
  return parts.join(' · ');
}

/** Nothing found anywhere: what to annotate or configure so there is. */
function NothingFound(props: { response: PavedGitOpsResponse }) {
  const { response } = props;
  if (response.scope === 'tenant') {
    return (
      <Typography variant="body2" data-testid="gitops-empty">
        No Argo CD Application deploys into{' '}
        {(response.namespaces ?? []).join(', ')}, and no Flux Kustomization or
        HelmRelease lives or applies there. Tenants delivered through GitOps
        show here; to name Applications elsewhere, annotate the tenant with{' '}
        {ARGOCD_ANNOTATIONS.appName} or {ARGOCD_ANNOTATIONS.appSelector}.
      </Typography>
    );
  }
  return (
    <Typography variant="body2" data-testid="gitops-empty">
      No Argo CD Application or Flux Kustomization or HelmRelease found for this
      component. Annotate it with {ARGOCD_ANNOTATIONS.appName} (Application
      names) or {ARGOCD_ANNOTATIONS.appSelector} (a label selector over
      Applications), label its Flux objects with{' '}
      {response.labelSelector ?? 'its backstage.io/kubernetes-id'}, or deploy it
      with Argo CD or Flux so its workloads carry their tracking labels.
    </Typography>
  );
}

function GitOpsBody(props: { cluster: string; summary: GitOpsClusterSummary }) {
  const { cluster, summary } = props;
  return (
    <>
      {summary.notServed.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Not served here (controller not installed):{' '}
          {summary.notServed.join(', ')}
        </Typography>
      )}
      {summary.objects.length > 0 && (
        <>
          <SectionTitle>Problems</SectionTitle>
          <ProblemList
            // Same fields as a health problem; only the signal names differ.
            problems={summary.problems as unknown as HealthProblem[]}
            label={`GitOps problems in ${cluster}`}
            empty="In sync and healthy."
          />
          <SectionTitle>
            Applications, Kustomizations, HelmReleases
          </SectionTitle>
          {summary.objects.map(o => (
            <GitOpsObjectRow
              key={`${o.kind}/${o.namespace}/${o.name}`}
              object={o}
            />
          ))}
        </>
      )}
      {summary.objects.length === 0 && (
        <Typography variant="body2">None on this cluster.</Typography>
      )}
    </>
  );
}

/** Names in the annotation that no cluster has. */
function NotFound(props: { response: PavedGitOpsResponse }) {
  const { notFound } = props.response;
  if (notFound.length === 0) return null;
  return (
    <Typography variant="body2" color="error" role="alert">
      Not found on any cluster:{' '}
      {notFound
        .map(r => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`)
        .join(', ')}{' '}
      (named in {ARGOCD_ANNOTATIONS.appName}).
    </Typography>
  );
}

/** Clusters with objects; every cluster when none has any. */
function GitOpsClusters(props: { response: PavedGitOpsResponse }) {
  const { clusters } = props.response;
  const anyObjects = clusters.some(c => c.ok && c.data.objects.length > 0);
  const answered = clusters.some(c => c.ok);
  return (
    <>
      {clusters.length > 0 && !anyObjects && answered && (
        <NothingFound response={props.response} />
      )}
      <ClusterSections
        results={clusters.filter(
          c => !c.ok || c.data.objects.length > 0 || !anyObjects,
        )}
        label={cluster => `GitOps in ${cluster}`}
      >
        {(summary, cluster) => (
          <GitOpsBody cluster={cluster} summary={summary} />
        )}
      </ClusterSections>
    </>
  );
}

/**
 * The GitOps status of a component's workloads or a tenant's namespaces:
 * per cluster, each Argo CD Application and Flux Kustomization or
 * HelmRelease with its sync, health, revision, last sync and message, and
 * out-of-sync or degraded ones as problems with their runbook.
 */
export function EntityGitOpsStatusCard() {
  const { entity } = useEntity();
  const api = useApi(pavedGitOpsApiRef);
  const ref = getCompoundEntityRef(entity);
  const read = usePolledRead(
    ({ fresh }) => api.getEntityStatus(ref, { fresh }),
    [api, ref.kind, ref.namespace, ref.name],
  );
  return (
    <PavedEntityCard
      anchor={GITOPS_CARD_ANCHOR}
      title="GitOps"
      read={read}
      subheader={lookedFor}
    >
      {response => (
        <>
          <NotFound response={response} />
          <GitOpsClusters response={response} />
        </>
      )}
    </PavedEntityCard>
  );
}
