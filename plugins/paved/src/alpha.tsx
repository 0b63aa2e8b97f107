import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isAdrEntity, isRoadmapEntity } from '@paved/plugin-paved-common';
import GavelIcon from '@material-ui/icons/Gavel';
import { decisionsRouteRef, fleetRouteRef } from './routes';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { PAVED_CLIENTS } from './api/pavedClients';
import { pavedApi } from './alpha/pavedBlueprints';
import {
  clusterHealthCard,
  conformanceCard,
  workloadHealthCard,
} from './alpha/healthExtensions';
import { costCard, costContent } from './alpha/costExtensions';
import {
  crossplaneClaimsCard,
  crossplaneContent,
  xrdParametersField,
  xrdPickerField,
} from './alpha/crossplaneExtensions';
import { summaryCard } from './alpha/summaryExtensions';
import { tenantCard } from './alpha/tenantExtensions';
import { fleetPage } from './alpha/fleetExtensions';
import { gitopsStatusCard } from './alpha/gitopsExtensions';
import { driftCard } from './alpha/driftExtensions';
import {
  pavedSearchResultListItem,
  pavedSearchResultType,
} from './alpha/searchExtensions';

const adrContent = EntityContentBlueprint.make({
  name: 'adr',
  params: {
    path: '/decision',
    title: 'Decision',
    filter: isAdrEntity,
    loader: () =>
      import('./components/AdrContent/AdrContent').then(m => <m.AdrContent />),
  },
});

const roadmapContent = EntityContentBlueprint.make({
  name: 'roadmap',
  params: {
    path: '/roadmap',
    title: 'Roadmap',
    filter: isRoadmapEntity,
    loader: () =>
      import('./components/RoadmapContent/RoadmapContent').then(m => (
        <m.RoadmapContent />
      )),
  },
});

const decisionsPage = PageBlueprint.make({
  params: {
    path: '/decisions',
    title: 'Decisions',
    icon: <GavelIcon />,
    routeRef: convertLegacyRouteRef(decisionsRouteRef),
    loader: () =>
      import('./components/DecisionsPage/DecisionsPage').then(m => (
        <m.DecisionsPage />
      )),
  },
});

/** Paved's frontend plugin for apps on the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'paved',
  title: 'Paved',
  extensions: [
    // One API extension per client (`api:paved/<name>`).
    ...PAVED_CLIENTS.map(pavedApi),
    adrContent,
    roadmapContent,
    decisionsPage,
    summaryCard,
    clusterHealthCard,
    workloadHealthCard,
    conformanceCard,
    crossplaneClaimsCard,
    crossplaneContent,
    xrdPickerField,
    xrdParametersField,
    costCard,
    costContent,
    pavedSearchResultListItem,
    pavedSearchResultType,
    tenantCard,
    fleetPage,
    gitopsStatusCard,
    driftCard,
  ],
  routes: {
    decisions: convertLegacyRouteRef(decisionsRouteRef),
    fleet: convertLegacyRouteRef(fleetRouteRef),
  },
});
