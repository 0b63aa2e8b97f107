import { Content } from '@backstage/core-components';
import { CostView } from './CostView';

/** The Cost tab: everything the card shows, with every workload and its advice. */
export function EntityCostContent(props: { zone?: string }) {
  return (
    <Content>
      <CostView detailed zone={props.zone} />
    </Content>
  );
}
