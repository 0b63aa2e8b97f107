import { CARD_ANCHORS } from '../common/anchors';
import { PavedEntityCard } from '../common/PavedEntityCard';
import { ClaimsView } from './ClaimsView';

/**
 * An entity's Crossplane claims: overall status, age, composition, condition
 * counts and the first reason one is not ready, with its runbook.
 */
export function EntityCrossplaneClaimsCard() {
  return (
    <PavedEntityCard anchor={CARD_ANCHORS.crossplane} title="Crossplane claims">
      <ClaimsView />
    </PavedEntityCard>
  );
}
