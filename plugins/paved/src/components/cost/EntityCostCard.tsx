import { CARD_ANCHORS } from '../common/anchors';
import { PavedEntityCard } from '../common/PavedEntityCard';
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
    <PavedEntityCard anchor={CARD_ANCHORS.cost} title="Cost">
      <CostAlertsList />
      <CostView zone={props.zone} />
    </PavedEntityCard>
  );
}
