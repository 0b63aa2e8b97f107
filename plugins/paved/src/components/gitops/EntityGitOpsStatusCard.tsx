import { getCompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  ARGOCD_ANNOTATIONS,
  GitOpsClusterSummary,
  HealthProblem,
} from '@paved/plugin-paved-common';
import {
  PavedClusterResult,
  PavedGitOpsResponse,
  pavedGitOpsApiRef,
} from '../../api';
import {
  ClusterErrorMessage,
  LatencyFact,
  ProblemList,
  SectionTitle,
} from '../health/HealthParts';
import { CardError } from '../health/CardError';
import { usePolledRead } from '../common/refresh/usePolledRead';
import { LastRead, RefreshFailed } from '../common/refresh/RefreshStatus';
import { NoClustersConfigured } from '../common/NoClustersConfigured';
import { PavedCardRoot } from '../common/PavedCardRoot';
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

function ClusterSection(props: {
  result: PavedClusterResult<GitOpsClusterSummary>;
}) {
  const { result } = props;
  return (
    <section
      aria-label={`GitOps in ${result.cluster}`}
      style={{ marginBottom: 16 }}
    >
      <Typography variant="h6" component="h3">
        {result.cluster}
      </Typography>
      <LatencyFact latency={result.apiLatency} />
      {result.ok ? (
        <>
          {result.data.notServed.length > 0 && (
            <Typography variant="body2" color="textSecondary">
              Not served here (controller not installed):{' '}
              {result.data.notServed.join(', ')}
            </Typography>
          )}
          {result.data.objects.length > 0 && (
            <>
              <SectionTitle>Problems</SectionTitle>
              <ProblemList
                // Same fields as a health problem; only the signal names differ.
                problems={result.data.problems as unknown as HealthProblem[]}
                label={`GitOps problems in ${result.cluster}`}
                empty="In sync and healthy."
              />
              <SectionTitle>
                Applications, Kustomizations, HelmReleases
              </SectionTitle>
              {result.data.objects.map(o => (
                <GitOpsObjectRow
                  key={`${o.kind}/${o.namespace}/${o.name}`}
                  object={o}
                />
              ))}
            </>
          )}
          {result.data.objects.length === 0 && (
            <Typography variant="body2">None on this cluster.</Typography>
          )}
        </>
      ) : (
        <ClusterErrorMessage error={result.error} />
      )}
    </section>
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
  const { value: response, loading, error } = read;

  let content: React.ReactNode;
  let subheader: string | undefined;
  if (loading) {
    content = <Progress />;
  } else if (error && !response) {
    content = <CardError error={error} />;
  } else if (response) {
    subheader = lookedFor(response) || undefined;
    const answered = response.clusters.filter(c => c.ok);
    const anyObjects = response.clusters.some(
      c => c.ok && c.data.objects.length > 0,
    );
    content = (
      <>
        <RefreshFailed read={read} />
        {response.notFound.length > 0 && (
          <Typography variant="body2" color="error" role="alert">
            Not found on any cluster:{' '}
            {response.notFound
              .map(
                r =>
                  `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`,
              )
              .join(', ')}{' '}
            (named in {ARGOCD_ANNOTATIONS.appName}).
          </Typography>
        )}
        {response.clusters.length === 0 ? (
          <NoClustersConfigured />
        ) : (
          <>
            {!anyObjects && answered.length > 0 && (
              <NothingFound response={response} />
            )}
            {[...response.clusters]
              .sort((a, b) => a.cluster.localeCompare(b.cluster))
              .filter(c => !c.ok || c.data.objects.length > 0 || !anyObjects)
              .map(result => (
                <ClusterSection key={result.cluster} result={result} />
              ))}
          </>
        )}
        <LastRead read={read} />
      </>
    );
  }
  return (
    <PavedCardRoot id={GITOPS_CARD_ANCHOR}>
      <InfoCard
        title="GitOps"
        titleTypographyProps={{ component: 'h2' }}
        subheader={subheader}
      >
        {content}
      </InfoCard>
    </PavedCardRoot>
  );
}
