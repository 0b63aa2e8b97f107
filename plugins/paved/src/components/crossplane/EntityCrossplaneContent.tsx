import { Content, InfoCard } from '@backstage/core-components';
import { CARD_ANCHORS } from '../common/anchors';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { ClaimTree } from './ClaimTree';
import { ClaimsView } from './ClaimsView';
import { ClaimFacts } from './CrossplaneParts';

/**
 * The Crossplane tab: every claim with its tree claim -> composite ->
 * managed resources, condition chips, redacted YAML and events.
 */
export function EntityCrossplaneContent() {
  return (
    <Content>
      <PavedCardRoot id={CARD_ANCHORS.crossplaneContent}>
        <InfoCard title="Crossplane" titleTypographyProps={{ component: 'h2' }}>
          <ClaimsView
            renderClaim={claim => (
              <>
                <ClaimFacts claim={claim} />
                <ClaimTree root={claim.root} />
              </>
            )}
          />
        </InfoCard>
      </PavedCardRoot>
    </Content>
  );
}
