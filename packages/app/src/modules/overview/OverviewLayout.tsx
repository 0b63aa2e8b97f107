import {
  EntityOrphanWarning,
  EntityProcessingErrorsPanel,
  EntityRelationWarning,
  EntitySwitch,
  hasCatalogProcessingErrors,
  hasRelationWarnings,
  isOrphan,
} from '@backstage/plugin-catalog';
import { makeStyles } from '@material-ui/core/styles';
import { Fragment } from 'react';

/**
 * The cards the catalog's Overview hands its layout
 * (`EntityContentLayoutProps` of `@backstage/plugin-catalog-react/alpha`).
 */
export interface OverviewLayoutProps {
  cards: Array<{ type?: string; element: JSX.Element }>;
}

/** Narrowest a card gets before the grid drops to one column. */
export const OVERVIEW_CARD_MIN_WIDTH = 480;

const useStyles = makeStyles(theme => ({
  warnings: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(3),
    '&:empty': { display: 'none' },
  },
  grid: {
    display: 'grid',
    gap: theme.spacing(3),
    // As many columns as fit (two at 1440 px with the sidebar), one on
    // narrow screens; cards keep their own height.
    gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${OVERVIEW_CARD_MIN_WIDTH}px), 1fr))`,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  lead: { gridColumn: '1 / -1' },
}));

/**
 * The Overview of an entity as a grid: the first content card (Paved's
 * status summary, listed first under `app.extensions`) across the whole
 * width, then every other card, info (About) and content alike, side by
 * side where they fit, in the order the app lists them (listed extensions
 * come first). The catalog's default layout stacks every content card in
 * one column beside a sticky info column, which puts Paved's detail cards
 * screens below the summary.
 */
export function OverviewLayout(props: OverviewLayoutProps) {
  const classes = useStyles();
  const lead = props.cards.find(card => card.type !== 'info');
  const rest = props.cards.filter(card => card !== lead);
  return (
    <>
      <div className={classes.warnings}>
        <EntitySwitch>
          <EntitySwitch.Case if={isOrphan}>
            <EntityOrphanWarning />
          </EntitySwitch.Case>
        </EntitySwitch>
        <EntitySwitch>
          <EntitySwitch.Case if={hasRelationWarnings}>
            <EntityRelationWarning />
          </EntitySwitch.Case>
        </EntitySwitch>
        <EntitySwitch>
          <EntitySwitch.Case if={hasCatalogProcessingErrors}>
            <EntityProcessingErrorsPanel />
          </EntitySwitch.Case>
        </EntitySwitch>
      </div>
      <div className={classes.grid} data-testid="overview-grid">
        {lead && <div className={classes.lead}>{lead.element}</div>}
        {rest.map((card, index) => (
          <Fragment key={card.element.key ?? index}>{card.element}</Fragment>
        ))}
      </div>
    </>
  );
}
