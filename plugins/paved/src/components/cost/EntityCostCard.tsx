import { InfoCard } from '@backstage/core-components';
import { CARD_ANCHORS } from '../common/anchors';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { CostView } from './CostView';
import { CostAlertsList } from './alerts/CostAlertsList';

/**
 * Cost of a tenant, component or cluster from OpenCost: window picker,
 * breakdown, daily trend, efficiency, right-sizing and idle cost; for a
 * tenant its monthly budget, month to date and month-end projection.
 *
 * @public
 */
export function EntityCostCard(props: { zone?: string }) {
  return (
    <PavedCardRoot id={CARD_ANCHORS.cost}>
      <InfoCard title="Cost" titleTypographyProps={{ component: 'h2' }}>
        <CostAlertsList />
        <CostView zone={props.zone} />
      </InfoCard>
    </PavedCardRoot>
  );
}
