import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { PavedHealthClient, pavedHealthApiRef } from './api';
import { decisionsRouteRef } from './routes';

/** Paved's frontend plugin for apps on the legacy frontend system. */
export const pavedPlugin = createPlugin({
  id: 'paved',
  routes: { decisions: decisionsRouteRef },
  apis: [
    createApiFactory({
      api: pavedHealthApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PavedHealthClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** Every ADR in the organisation, filterable; mount it on a route. */
export const DecisionsPage = pavedPlugin.provide(
  createRoutableExtension({
    name: 'DecisionsPage',
    component: () =>
      import('./components/DecisionsPage/DecisionsPage').then(
        m => m.DecisionsPage,
      ),
    mountPoint: decisionsRouteRef,
  }),
);

/** An ADR entity page's content; use it on the ADR kind's entity page. */
export const EntityAdrContent = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityAdrContent',
    component: {
      lazy: () =>
        import('./components/AdrContent/AdrContent').then(m => m.AdrContent),
    },
  }),
);

/** A Roadmap entity page's content; use it on the Roadmap kind's entity page. */
export const EntityRoadmapContent = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityRoadmapContent',
    component: {
      lazy: () =>
        import('./components/RoadmapContent/RoadmapContent').then(
          m => m.RoadmapContent,
        ),
    },
  }),
);

/**
 * A `kubernetes-cluster` Resource's live health (nodes, pressure, capacity,
 * Pods, Warning events, API latency); use it on the Resource entity page.
 */
export const EntityClusterHealthCard = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityClusterHealthCard',
    component: {
      lazy: () =>
        import('./components/health/EntityClusterHealthCard').then(
          m => m.EntityClusterHealthCard,
        ),
    },
  }),
);

/**
 * A Component's workload health per cluster (availability, restarts,
 * problems with runbooks); use it on Components with the Kubernetes plugin's
 * annotations.
 */
export const EntityWorkloadHealthCard = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityWorkloadHealthCard',
    component: {
      lazy: () =>
        import('./components/health/EntityWorkloadHealthCard').then(
          m => m.EntityWorkloadHealthCard,
        ),
    },
  }),
);
