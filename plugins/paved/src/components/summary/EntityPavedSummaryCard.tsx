import { getCompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import {
  pavedCostApiRef,
  pavedCrossplaneApiRef,
  pavedHealthApiRef,
} from '../../api';
import { CARD_ANCHORS } from '../common/anchors';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { userZone } from '../common/format';
import { missingConformanceSetup } from '../conformance/conformanceEntity';
import { hasCost } from '../cost/entityFilters';
import { isCrossplaneCandidate } from '../crossplane/entityFilters';
import { hasKubernetesWorkloads } from '../health/entityFilters';
import { SummaryChip } from './SummaryChip';
import {
  conformanceChip,
  costChip,
  crossplaneChip,
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

function useEntityRef() {
  const { entity } = useEntity();
  const ref = getCompoundEntityRef(entity);
  return { entity, ref, key: `${ref.kind}:${ref.namespace}/${ref.name}` };
}

function HealthChip() {
  const { entity, ref, key } = useEntityRef();
  const api = useApi(pavedHealthApiRef);
  const wanted = hasKubernetesWorkloads(entity);
  const state = useAsync(
    async () => (wanted ? api.getEntityHealth(ref) : undefined),
    [api, wanted, key],
  );
  return <SummaryChip chip={healthChip(entity, state)} />;
}

function ConformanceChip() {
  const { entity, ref, key } = useEntityRef();
  const api = useApi(pavedHealthApiRef);
  const wanted = !missingConformanceSetup(entity);
  const state = useAsync(
    async () => (wanted ? api.getEntityConformance(ref) : undefined),
    [api, wanted, key],
  );
  return <SummaryChip chip={conformanceChip(entity, state)} />;
}

function CostChip(props: { zone?: string }) {
  const { entity, ref, key } = useEntityRef();
  const api = useApi(pavedCostApiRef);
  const wanted = hasCost(entity);
  const zone = props.zone ?? userZone();
  const state = useAsync(
    async () => (wanted ? api.getEntityCost(ref, 'mtd', zone) : undefined),
    [api, wanted, key, zone],
  );
  return <SummaryChip chip={costChip(entity, state)} />;
}

function CrossplaneChip() {
  const { entity, ref, key } = useEntityRef();
  const api = useApi(pavedCrossplaneApiRef);
  const wanted = isCrossplaneCandidate(entity);
  const state = useAsync(
    async () => (wanted ? api.getEntityClaims(ref) : undefined),
    [api, wanted, key],
  );
  return <SummaryChip chip={crossplaneChip(entity, state)} />;
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
  return (
    <PavedCardRoot id={CARD_ANCHORS.summary}>
      <InfoCard title="Status" titleTypographyProps={{ component: 'h2' }}>
        <ul aria-label="Paved status" className={classes.chips}>
          <HealthChip />
          <ConformanceChip />
          <CostChip zone={props.zone} />
          <CrossplaneChip />
        </ul>
      </InfoCard>
    </PavedCardRoot>
  );
}
