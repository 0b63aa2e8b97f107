import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import { CrossplaneClaimView } from '@paved/plugin-paved-common';
import { useState } from 'react';
import { ClaimGraph } from './ClaimGraph';
import { ClaimPanels } from './ClaimPanels';
import { ClaimTree } from './ClaimTree';
import { ClaimFacts } from './CrossplaneParts';
import { refLabel } from './format';
import { ClaimDetailsLookup } from './useCrossplaneDetails';

/** One claim on the Crossplane tab: facts, tree or graph, and the panels behind it. */
export function ClaimView(props: {
  claim: CrossplaneClaimView;
  details?: ClaimDetailsLookup;
}) {
  const { claim, details } = props;
  const [view, setView] = useState<'tree' | 'graph'>('tree');
  const label = refLabel(claim.root.ref);
  return (
    <>
      <ClaimFacts claim={claim} />
      <ButtonGroup
        size="small"
        aria-label={`View of ${label}`}
        style={{ margin: '8px 0' }}
      >
        {(['tree', 'graph'] as const).map(v => (
          <Button
            key={v}
            aria-pressed={view === v}
            variant={view === v ? 'contained' : 'outlined'}
            color={view === v ? 'primary' : 'default'}
            onClick={() => setView(v)}
          >
            {v === 'tree' ? 'Tree' : 'Graph'}
          </Button>
        ))}
      </ButtonGroup>
      {view === 'tree' ? (
        <ClaimTree root={claim.root} />
      ) : (
        <ClaimGraph root={claim.root} />
      )}
      {details && <ClaimPanels found={details(claim.root.ref)} />}
    </>
  );
}
