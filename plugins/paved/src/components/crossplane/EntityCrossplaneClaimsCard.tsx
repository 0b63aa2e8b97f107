import { InfoCard } from '@backstage/core-components';
import { CARD_ANCHORS } from '../common/anchors';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { ClaimsView } from './ClaimsView';

/**
 * An entity's Crossplane claims: overall status, age, composition, condition
 * counts and the first reason one is not ready, with its runbook.
 */
export function EntityCrossplaneClaimsCard() {
  return (
    <PavedCardRoot id={CARD_ANCHORS.crossplane}>
      <InfoCard
        title="Crossplane claims"
        titleTypographyProps={{ component: 'h2' }}
      >
        <ClaimsView />
      </InfoCard>
    </PavedCardRoot>
  );
}
