import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import GavelIcon from '@material-ui/icons/Gavel';
import { PAVED_SEARCH_TYPE } from '@paved/plugin-paved-common';
import { isPavedSearchResult } from '../components/search/predicate';

/** ADRs, roadmaps and roadmap items in search results, with status and owner. */
export const pavedSearchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    icon: <GavelIcon />,
    predicate: isPavedSearchResult,
    component: () =>
      import('../components/search/PavedSearchResultListItem').then(
        m => m.PavedSearchResultListItem,
      ),
  },
});

/** "Decisions and roadmaps" among the search page's result types. */
export const pavedSearchResultType = SearchFilterResultTypeBlueprint.make({
  params: {
    value: PAVED_SEARCH_TYPE,
    name: 'Decisions and roadmaps',
    icon: <GavelIcon />,
  },
});
