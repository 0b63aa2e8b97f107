import { Content } from '@backstage/core-components';
import { CARD_ANCHORS } from '../common/anchors';
import { CostView } from './CostView';

/** The Cost tab: everything the card shows, with every workload and its advice. */
export function EntityCostContent(props: { zone?: string }) {
  return (
    <Content>
      <div id={CARD_ANCHORS.costContent}>
        <CostView detailed zone={props.zone} />
      </div>
    </Content>
  );
}
