import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import StorageIcon from '@material-ui/icons/Storage';
import { fleetRouteRef } from '../routes';
import { pavedPage } from './pavedBlueprints';

/** `/clusters`: every cluster the Kubernetes backend knows, worst first. */
export const fleetPage = pavedPage({
  feature: 'fleet',
  name: 'fleet',
  path: '/clusters',
  title: 'Clusters',
  icon: <StorageIcon />,
  routeRef: convertLegacyRouteRef(fleetRouteRef),
  loader: () =>
    import('../components/fleet/FleetPage').then(m => <m.FleetPage />),
});
