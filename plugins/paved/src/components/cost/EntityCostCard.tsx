import { InfoCard } from '@backstage/core-components';
import { CostView } from './CostView';

/**
 * Cost of a tenant, component or cluster from OpenCost: window picker,
 * breakdown, daily trend, efficiency, right-sizing and idle cost; for a
 * tenant its monthly budget, month to date and month-end projection.
 *
 * @public
 */
export function EntityCostCard(props: { zone?: string }) {
  return (
    <InfoCard title="Cost">
      <CostView zone={props.zone} />
    </InfoCard>
  );
}
