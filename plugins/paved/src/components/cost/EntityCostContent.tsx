import { Content, InfoCard } from '@backstage/core-components';
import { CARD_ANCHORS } from '../common/anchors';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { CostView } from './CostView';
import { CostAlertsList } from './alerts/CostAlertsList';

/** The Cost tab: everything the card shows, with every workload and its advice. */
export function EntityCostContent(props: { zone?: string }) {
  return (
    <Content>
      <PavedCardRoot id={CARD_ANCHORS.costContent}>
        <InfoCard title="Cost" titleTypographyProps={{ component: 'h2' }}>
          <CostAlertsList />
          <CostView detailed zone={props.zone} />
        </InfoCard>
      </PavedCardRoot>
    </Content>
  );
}
