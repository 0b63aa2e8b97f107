import { Content, InfoCard } from '@backstage/core-components';
import { CARD_ANCHORS } from '../common/anchors';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { ClaimsView } from './ClaimsView';
import { ClaimView } from './ClaimView';
import { useCrossplaneDetails } from './useCrossplaneDetails';

/**
 * The Crossplane tab: every claim with its tree (or graph) claim ->
 * composite -> managed resources, condition chips, redacted YAML and events
 * (as far as the user may see them), and the XRD, Composition, providers
 * and functions behind it.
 */
export function EntityCrossplaneContent() {
  const details = useCrossplaneDetails();
  return (
    <Content>
      <PavedCardRoot id={CARD_ANCHORS.crossplaneContent}>
        <InfoCard title="Crossplane" titleTypographyProps={{ component: 'h2' }}>
          <ClaimsView
            accessNote
            renderClaim={claim => <ClaimView claim={claim} details={details} />}
          />
        </InfoCard>
      </PavedCardRoot>
    </Content>
  );
}
