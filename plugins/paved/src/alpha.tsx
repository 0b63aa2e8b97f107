import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isAdrEntity, isRoadmapEntity } from '@paved/plugin-paved-common';
import GavelIcon from '@material-ui/icons/Gavel';
import { decisionsRouteRef, fleetRouteRef } from './routes';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  clusterHealthCard,
  conformanceCard,
  healthApi,
  workloadHealthCard,
} from './alpha/healthExtensions';
import { costApi, costCard, costContent } from './alpha/costExtensions';
import { costAlertsApi } from './alpha/costAlertsExtensions';
import {
  crossplaneApi,
  crossplaneClaimsCard,
  crossplaneContent,
  xrdParametersField,
  xrdPickerField,
} from './alpha/crossplaneExtensions';
import { summaryCard } from './alpha/summaryExtensions';
import { tenantApi, tenantCard } from './alpha/tenantExtensions';
import { fleetApi, fleetPage } from './alpha/fleetExtensions';
import { gitopsApi, gitopsStatusCard } from './alpha/gitopsExtensions';
import { evidenceApi } from './alpha/evidenceExtensions';
import { driftApi, driftCard } from './alpha/driftExtensions';
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
    healthApi,
    adrContent,
    roadmapContent,
    decisionsPage,
    summaryCard,
    clusterHealthCard,
    workloadHealthCard,
    conformanceCard,
    crossplaneApi,
    crossplaneClaimsCard,
    crossplaneContent,
    xrdPickerField,
    xrdParametersField,
    costApi,
    costCard,
    costContent,
    costAlertsApi,
    pavedSearchResultListItem,
    pavedSearchResultType,
    tenantApi,
    tenantCard,
    fleetApi,
    fleetPage,
    gitopsApi,
    gitopsStatusCard,
    driftApi,
    driftCard,
    evidenceApi,
  ],
  routes: {
    decisions: convertLegacyRouteRef(decisionsRouteRef),
    fleet: convertLegacyRouteRef(fleetRouteRef),
  },
});
