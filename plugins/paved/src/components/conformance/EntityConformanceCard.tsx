import { getCompoundEntityRef } from '@backstage/catalog-model';
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
import { CARD_ANCHORS } from '../common/anchors';
import { Fact, SectionTitle } from '../common/CardText';
import { ClusterSections } from '../common/clusters/ClusterSection';
import { CollapsibleList } from '../common/CollapsibleList';
import { formatPercent } from '../common/format';
import { PavedEntityCard } from '../common/PavedEntityCard';
import { usePolledRead } from '../common/refresh/usePolledRead';
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

const rank = (r: PavedClusterConformanceResult) =>
  r.ok ? r.data.score ?? 1 : -1;

/** Failing clusters first, then the lowest score, then by name. */
function failingFirst(
  a: PavedClusterConformanceResult,
  b: PavedClusterConformanceResult,
): number {
  return rank(a) - rank(b) || a.cluster.localeCompare(b.cluster);
}

/** The tier, its title from the first cluster that answered, and the scope. */
function scopeLine(response: PavedConformanceResponse): string {
  const first = response.clusters.find(c => c.ok);
  const tierTitle = first?.ok ? ` (${first.data.tierTitle})` : '';
  return `Tier ${response.tier}${tierTitle} · ${
    response.scope === 'cluster'
      ? 'whole cluster'
      : `namespaces ${response.namespaces?.join(', ')}`
  }`;
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
  return (
    <PavedEntityCard
      anchor={CARD_ANCHORS.conformance}
      title="Tier conformance"
      setup={missing}
      read={read}
      subheader={scopeLine}
    >
      {response => (
        <ClusterSections
          results={response.clusters}
          label={cluster => `Conformance of ${cluster}`}
          order={failingFirst}
        >
          {summary => <ConformanceBody summary={summary} />}
        </ClusterSections>
      )}
    </PavedEntityCard>
  );
}
