import { getCompoundEntityRef } from '@backstage/catalog-model';
import { configApiRef, useApi, useApiHolder } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import {
  pavedCostApiRef,
  pavedCrossplaneApiRef,
  pavedHealthApiRef,
} from '../../api';
import { CARD_ANCHORS } from '../common/anchors';
import { isPavedFeatureOn } from '../common/features/pavedFeatures';
import { PavedEntityCard } from '../common/PavedEntityCard';
import { userZone } from '../common/format';
import { LastRead, RefreshFailed } from '../common/refresh/RefreshStatus';
import { PolledRead, usePolledRead } from '../common/refresh/usePolledRead';
import { missingConformanceSetup } from '../conformance/conformanceEntity';
import { hasCost } from '../cost/entityFilters';
import { isCrossplaneCandidate } from '../crossplane/entityFilters';
import { hasKubernetesWorkloads } from '../health/entityFilters';
import { SummaryChip } from './SummaryChip';
import {
  conformanceChip,
  costChip,
  crossplaneChip,
  Fetched,
  healthChip,
} from './summarize';

const useStyles = makeStyles(theme => ({
  chips: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))',
    gap: theme.spacing(1.5),
    margin: 0,
    padding: 0,
  },
}));

/**
 * What a chip reads from a polled read: the last good answer stays through a
 * failed refresh (the card says the refresh failed above the chips).
 */
function chipInput<T>(read: PolledRead<T>): Fetched<T> {
  return {
    loading: read.loading,
    value: read.value,
    error: read.value === undefined ? read.error : undefined,
  };
}

/** One footer for four reads: the oldest of them, refreshing if any is. */
function oldestRead(reads: PolledRead<unknown>[]): PolledRead<unknown> {
  const times = reads.flatMap(r => (r.lastReadAt ? [r.lastReadAt] : []));
  return {
    loading: false,
    refreshing: reads.some(r => r.refreshing),
    failures: 0,
    lastReadAt: times.length ? DateTime.min(...times) ?? undefined : undefined,
  };
}

function useSummaryReads(zone: string) {
  const { entity } = useEntity();
  const ref = getCompoundEntityRef(entity);
  const key = `${ref.kind}:${ref.namespace}/${ref.name}`;
  const healthApi = useApi(pavedHealthApiRef);
  const costApi = useApi(pavedCostApiRef);
  const crossplaneApi = useApi(pavedCrossplaneApiRef);
  // A feature the app switched off has no chip and is not read.
  const config = useApiHolder().get(configApiRef);
  const shown = {
    health: isPavedFeatureOn(config, 'health'),
    conformance: isPavedFeatureOn(config, 'conformance'),
    cost: isPavedFeatureOn(config, 'cost'),
    crossplane: isPavedFeatureOn(config, 'crossplane'),
  };
  const wantsHealth = shown.health && hasKubernetesWorkloads(entity);
  const wantsConformance =
    shown.conformance && !missingConformanceSetup(entity);
  const wantsCost = shown.cost && hasCost(entity);
  const wantsClaims = shown.crossplane && isCrossplaneCandidate(entity);
  const health = usePolledRead(
    ({ fresh }) =>
      wantsHealth ? healthApi.getEntityHealth(ref, { fresh }) : undefined,
    [healthApi, wantsHealth, key],
  );
  const conformance = usePolledRead(
    ({ fresh }) =>
      wantsConformance
        ? healthApi.getEntityConformance(ref, { fresh })
        : undefined,
    [healthApi, wantsConformance, key],
  );
  const cost = usePolledRead(
    ({ fresh }) =>
      wantsCost
        ? costApi.getEntityCost(ref, 'mtd', zone, { fresh })
        : undefined,
    [costApi, wantsCost, key, zone],
  );
  const claims = usePolledRead(
    ({ fresh }) =>
      wantsClaims ? crossplaneApi.getEntityClaims(ref, { fresh }) : undefined,
    [crossplaneApi, wantsClaims, key],
  );
  return { entity, shown, health, conformance, cost, claims };
}

/**
 * What is wrong with this entity, read at a glance: a chip each for
 * workload health, tier conformance, cost this month against the budget and
 * Crossplane claims ready, each with its state, its worst finding and a
 * link to the card with the detail. Put it first on the Overview.
 *
 * @public
 */
export function EntityPavedSummaryCard(props: { zone?: string }) {
  const classes = useStyles();
  const { entity, shown, health, conformance, cost, claims } = useSummaryReads(
    props.zone ?? userZone(),
  );
  const reads = [health, conformance, cost, claims] as PolledRead<unknown>[];
  return (
    <PavedEntityCard anchor={CARD_ANCHORS.summary} title="Status">
      {reads.map((read, i) => (
        <RefreshFailed key={i} read={read} />
      ))}
      <ul aria-label="Paved status" className={classes.chips}>
        {shown.health && (
          <SummaryChip chip={healthChip(entity, chipInput(health))} />
        )}
        {shown.conformance && (
          <SummaryChip chip={conformanceChip(entity, chipInput(conformance))} />
        )}
        {shown.cost && <SummaryChip chip={costChip(entity, chipInput(cost))} />}
        {shown.crossplane && (
          <SummaryChip chip={crossplaneChip(entity, chipInput(claims))} />
        )}
      </ul>
      <LastRead read={oldestRead(reads)} />
    </PavedEntityCard>
  );
}
