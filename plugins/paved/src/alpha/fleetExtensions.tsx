import {
  ApiBlueprint,
  coreApis,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import StorageIcon from '@material-ui/icons/Storage';
import { PavedFleetClient, pavedFleetApiRef } from '../api/PavedFleetClient';
import { fleetRouteRef } from '../routes';

/** The fleet client: the user's token, and their cluster tokens where needed. */
export const fleetApi = ApiBlueprint.make({
  name: 'fleet',
  params: defineParams =>
    defineParams({
      api: pavedFleetApiRef,
      deps: {
        discoveryApi: coreApis.discovery,
        fetchApi: coreApis.fetch,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedFleetClient(deps),
    }),
});

/** `/clusters`: every cluster the Kubernetes backend knows, worst first. */
export const fleetPage = PageBlueprint.make({
  name: 'fleet',
  params: {
    path: '/clusters',
    title: 'Clusters',
    icon: <StorageIcon />,
    routeRef: convertLegacyRouteRef(fleetRouteRef),
    loader: () =>
      import('../components/fleet/FleetPage').then(m => <m.FleetPage />),
  },
});
