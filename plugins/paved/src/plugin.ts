import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { decisionsRouteRef } from './routes';

/** Paved's frontend plugin for apps on the legacy frontend system. */
export const pavedPlugin = createPlugin({
  id: 'paved',
  routes: { decisions: decisionsRouteRef },
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
