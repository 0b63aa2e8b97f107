import { getCompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  ConformanceRuleResult,
  ConformanceSummary,
} from '@paved/plugin-paved-common';
import {
  PavedClusterConformanceResult,
  PavedConformanceResponse,
  pavedHealthApiRef,
} from '../../api';
import { CardError } from '../health/CardError';
import {
  ClusterErrorMessage,
  Fact,
  LatencyFact,
  SectionTitle,
} from '../health/HealthParts';
import { CARD_ANCHORS } from '../common/anchors';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { CollapsibleList } from '../common/CollapsibleList';
import { formatPercent } from '../common/format';
import { usePolledRead } from '../common/refresh/usePolledRead';
import { LastRead, RefreshFailed } from '../common/refresh/RefreshStatus';
import { NoClustersConfigured } from '../common/NoClustersConfigured';
import { missingConformanceSetup } from './conformanceEntity';

function objectLabel(object: ConformanceRuleResult['failures'][0]['object']) {
  const where = object.namespace
    ? `${object.namespace}/${object.name}`
    : object.name;
  return `${object.kind} ${where}${
    object.container ? ` (${object.container})` : ''
  }`;
}

/** A failing rule: what it asks, why, and the objects that fail it. */
function FailingRule(props: { rule: ConformanceRuleResult }) {
  const { rule } = props;
  return (
    <>
      <Typography variant="body2" component="div">
        <strong>{rule.title}</strong> · {rule.failed} of {rule.checks} failing
        {rule.score !== null ? ` (${formatPercent(rule.score)} pass)` : ''}
      </Typography>
      <Typography variant="body2" color="textSecondary" component="div">
        {rule.why}
      </Typography>
      <CollapsibleList
        items={rule.failures}
        label={`Failing objects: ${rule.title}`}
        limit={3}
        noun={['failing objects', 'failing object']}
        itemKey={f => f.id}
        omitted={rule.omittedFailures}
        listStyle={{ margin: '4px 0', paddingLeft: 20 }}
        renderItem={failure => (
          <Typography variant="body2" component="span">
            {objectLabel(failure.object)}: {failure.message}
          </Typography>
        )}
      />
    </>
  );
}

function ConformanceBody(props: { summary: ConformanceSummary }) {
  const { summary } = props;
  const applicable = summary.rules.filter(r => r.applies);
  const failing = applicable.filter(r => r.failed > 0);
  const passing = applicable.filter(r => r.failed === 0 && r.checks > 0);
  const idle = applicable.filter(r => r.checks === 0);
  const later = summary.rules.filter(r => !r.applies);
  return (
    <>
      <Fact label="Score">
        {summary.score === null
          ? 'nothing to check yet'
          : `${formatPercent(summary.score)} · ${summary.passed} of ${
              summary.checks
            } checks pass`}
      </Fact>
      <Fact label="Namespaces">
        {summary.namespaces.length ? summary.namespaces.join(', ') : 'none'}
        {summary.productionNamespaces.length
          ? ` (production: ${summary.productionNamespaces.join(', ')})`
          : ''}
      </Fact>
      {summary.missingNamespaces?.length ? (
        <Typography variant="body2" color="error">
          Not in this cluster: {summary.missingNamespaces.join(', ')}
        </Typography>
      ) : null}
      {failing.length > 0 ? (
        <>
          <SectionTitle>Failing rules</SectionTitle>
          <CollapsibleList
            items={failing}
            label="Failing rules"
            limit={5}
            noun={['failing rules', 'failing rule']}
            itemKey={r => r.id}
            listStyle={{ listStyle: 'none', padding: 0, margin: 0 }}
            itemStyle={{ margin: '12px 0' }}
            renderItem={rule => <FailingRule rule={rule} />}
          />
        </>
      ) : (
        <Typography variant="body2">
          Every rule of tier {summary.tier} passes.
        </Typography>
      )}
      <Typography variant="body2" color="textSecondary">
        {passing.length} rule{passing.length === 1 ? '' : 's'} pass
        {passing.length ? `: ${passing.map(r => r.title).join('; ')}` : ''}.
        {idle.length
          ? ` Nothing to check for: ${idle.map(r => r.title).join('; ')}.`
          : ''}
        {later.length
          ? ` ${later.length} more start${
              later.length === 1 ? 's' : ''
            } at a higher tier.`
          : ''}
      </Typography>
    </>
  );
}

function ClusterSection(props: { result: PavedClusterConformanceResult }) {
  const { result } = props;
  return (
    <section
      aria-label={`Conformance of ${result.cluster}`}
      style={{ marginBottom: 16 }}
    >
      <Typography variant="h6" component="h3">
        {result.cluster}
      </Typography>
      <LatencyFact latency={result.apiLatency} />
      {result.ok ? (
        <ConformanceBody summary={result.data} />
      ) : (
        <ClusterErrorMessage error={result.error} />
      )}
    </section>
  );
}

/** Failing clusters first, then the lowest score, then by name. */
function sortClusters(
  response: PavedConformanceResponse,
): PavedClusterConformanceResult[] {
  const rank = (r: PavedClusterConformanceResult) =>
    r.ok ? r.data.score ?? 1 : -1;
  return [...response.clusters].sort(
    (a, b) => rank(a) - rank(b) || a.cluster.localeCompare(b.cluster),
  );
}

/**
 * Tier conformance of a tenant, Component or cluster: the live objects
 * checked against the standards of the tier the entity declares
 * (`paved.dev/tier`), with a score, each failing rule explained, and the
 * objects failing it, per cluster.
 */
export function EntityConformanceCard() {
  const { entity } = useEntity();
  const api = useApi(pavedHealthApiRef);
  const missing = missingConformanceSetup(entity);
  const ref = getCompoundEntityRef(entity);
  const read = usePolledRead(
    ({ fresh }) =>
      missing ? undefined : api.getEntityConformance(ref, { fresh }),
    [api, missing, ref.kind, ref.namespace, ref.name],
  );
  const { value: response, loading, error } = read;

  let content: React.ReactNode;
  let subheader: string | undefined;
  if (missing) {
    content = <Typography variant="body2">{missing}</Typography>;
  } else if (loading) {
    content = <Progress />;
  } else if (error && !response) {
    content = <CardError error={error} />;
  } else if (response) {
    const first = response.clusters.find(c => c.ok);
    const tierTitle = first?.ok ? ` (${first.data.tierTitle})` : '';
    subheader = `Tier ${response.tier}${tierTitle} · ${
      response.scope === 'cluster'
        ? 'whole cluster'
        : `namespaces ${response.namespaces?.join(', ')}`
    }`;
    content = (
      <>
        <RefreshFailed read={read} />
        {response.clusters.length === 0 ? (
          <NoClustersConfigured />
        ) : (
          sortClusters(response).map(result => (
            <ClusterSection key={result.cluster} result={result} />
          ))
        )}
        <LastRead read={read} />
      </>
    );
  }
  return (
    <PavedCardRoot id={CARD_ANCHORS.conformance}>
      <InfoCard
        title="Tier conformance"
        titleTypographyProps={{ component: 'h2' }}
        subheader={subheader}
      >
        {content}
      </InfoCard>
    </PavedCardRoot>
  );
}
