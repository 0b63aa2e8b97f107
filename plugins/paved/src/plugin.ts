import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  kubernetesApiRef,
  kubernetesAuthProvidersApiRef,
} from '@backstage/plugin-kubernetes-react';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { PAVED_CLIENTS } from './api/pavedClients';
import { withPavedFeature } from './components/common/features/PavedFeatureGate';
import { PavedFeature } from './components/common/features/pavedFeatures';
import { XrdParametersField } from './components/crossplane/requestForm/XrdParametersField';
import { XrdPickerField } from './components/crossplane/requestForm/XrdPickerField';
import { xrdParametersValidation } from './components/crossplane/requestForm/validation';
import { isPavedSearchResult } from './components/search/predicate';
import { decisionsRouteRef, fleetRouteRef } from './routes';

/** Paved's frontend plugin for apps on the legacy frontend system. */
export const pavedPlugin = createPlugin({
  id: 'paved',
  routes: { decisions: decisionsRouteRef, fleet: fleetRouteRef },
  apis: PAVED_CLIENTS.map(client =>
    createApiFactory({
      api: client.api,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        ...(client.clusterTokens
          ? {
              kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
              // Where the cluster list for the cluster tokens is read.
              kubernetesApi: kubernetesApiRef,
            }
          : {}),
      },
      factory: deps => client.create(deps),
    }),
  ),
});

/**
 * A component this plugin exports, loaded when first rendered; with
 * `feature`, it renders nothing when the app switched the feature off
 * (`paved.features.<feature>: false`).
 */
function pavedComponent<T extends (props: any) => JSX.Element>(
  name: string,
  load: () => Promise<T>,
  feature?: PavedFeature,
) {
  return pavedPlugin.provide(
    createComponentExtension({
      name,
      component: {
        lazy: () =>
          load().then(Component =>
            feature ? (withPavedFeature(feature, Component) as T) : Component,
          ),
      },
    }),
  );
}

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
export const EntityAdrContent = pavedComponent('EntityAdrContent', () =>
  import('./components/AdrContent/AdrContent').then(m => m.AdrContent),
);

/** A Roadmap entity page's content; use it on the Roadmap kind's entity page. */
export const EntityRoadmapContent = pavedComponent('EntityRoadmapContent', () =>
  import('./components/RoadmapContent/RoadmapContent').then(
    m => m.RoadmapContent,
  ),
);

/**
 * An entity's status at a glance: workload health, tier conformance, cost
 * this month against the budget and Crossplane claims ready, each a chip
 * with its worst finding linking to the detail card. Put it first on a
 * Component's Overview.
 */
export const EntityPavedSummaryCard = pavedComponent(
  'EntityPavedSummaryCard',
  () =>
    import('./components/summary/EntityPavedSummaryCard').then(
      m => m.EntityPavedSummaryCard,
    ),
);

/**
 * A `kubernetes-cluster` Resource's live health (nodes, pressure, capacity,
 * Pods, Warning events, API latency); use it on the Resource entity page.
 */
export const EntityClusterHealthCard = pavedComponent(
  'EntityClusterHealthCard',
  () =>
    import('./components/health/EntityClusterHealthCard').then(
      m => m.EntityClusterHealthCard,
    ),
  'health',
);

/**
 * A Component's workload health per cluster (availability, restarts,
 * problems with runbooks); use it on Components with the Kubernetes plugin's
 * annotations.
 */
export const EntityWorkloadHealthCard = pavedComponent(
  'EntityWorkloadHealthCard',
  () =>
    import('./components/health/EntityWorkloadHealthCard').then(
      m => m.EntityWorkloadHealthCard,
    ),
  'health',
);

/**
 * An entity's Crossplane claims: status, age, composition, condition counts
 * and the first not-ready reason; use it on Component and Resource pages.
 */
export const EntityCrossplaneClaimsCard = pavedComponent(
  'EntityCrossplaneClaimsCard',
  () =>
    import('./components/crossplane/EntityCrossplaneClaimsCard').then(
      m => m.EntityCrossplaneClaimsCard,
    ),
  'crossplane',
);

/**
 * The Crossplane tab: claim -> composite -> managed resources with their
 * conditions, redacted YAML and events; mount it as an entity page route.
 */
export const EntityCrossplaneContent = pavedComponent(
  'EntityCrossplaneContent',
  () =>
    import('./components/crossplane/EntityCrossplaneContent').then(
      m => m.EntityCrossplaneContent,
    ),
  'crossplane',
);

/**
 * Tier conformance of a Component, tenant or `kubernetes-cluster` Resource
 * that declares `paved.dev/tier` (and `paved.dev/namespaces` unless it is a
 * cluster): score, failing rules explained, failing objects, per cluster.
 */
export const EntityConformanceCard = pavedComponent(
  'EntityConformanceCard',
  () =>
    import('./components/conformance/EntityConformanceCard').then(
      m => m.EntityConformanceCard,
    ),
  'conformance',
);

/**
 * Cost from OpenCost for a tenant (with budget and month-end projection), a
 * Component's workloads or a cluster; use it on those entity pages.
 */
export const EntityCostCard = pavedComponent(
  'EntityCostCard',
  () => import('./components/cost/EntityCostCard').then(m => m.EntityCostCard),
  'cost',
);

/** The Cost tab: every workload with its share and right-sizing advice. */
export const EntityCostContent = pavedComponent(
  'EntityCostContent',
  () =>
    import('./components/cost/EntityCostContent').then(
      m => m.EntityCostContent,
    ),
  'cost',
);

/**
 * `ui:field: PavedXrdPicker` for legacy apps: put it inside
 * `<ScaffolderFieldExtensions>` of the scaffolder page.
 */
export const PavedXrdPickerFieldExtension = pavedPlugin.provide(
  createScaffolderFieldExtension({
    name: 'PavedXrdPicker',
    component: XrdPickerField,
  }),
);

/** `ui:field: PavedXrdParameters` for legacy apps, beside the picker. */
export const PavedXrdParametersFieldExtension = pavedPlugin.provide(
  createScaffolderFieldExtension({
    name: 'PavedXrdParameters',
    component: XrdParametersField,
    validation: xrdParametersValidation,
  }),
);

/**
 * ADRs, roadmaps and roadmap items in search results for legacy apps: put it
 * inside `<SearchResult>` of the search page.
 */
export const PavedSearchResultListItem = pavedPlugin.provide(
  createSearchResultListItemExtension({
    name: 'PavedSearchResultListItem',
    component: () =>
      import('./components/search/PavedSearchResultListItem').then(
        m => m.PavedSearchResultListItem,
      ),
    predicate: isPavedSearchResult,
  }),
);

/**
 * A tenant's page (a Resource of type `kubernetes-tenant`): its isolation
 * tier and, per cluster, quota use against hard limits, who can do what in
 * its namespaces (from the cluster's RBAC) and its guardrail violations.
 */
export const EntityTenantCard = pavedComponent(
  'EntityTenantCard',
  () =>
    import('./components/tenant/EntityTenantCard').then(
      m => m.EntityTenantCard,
    ),
  'tenants',
);

/**
 * Drift of a tenant or a cluster's baseline: per cluster, the fields where the
 * live objects differ from what Paved renders, desired → live, with the
 * managers that changed them, and each drifted object as a problem.
 */
export const EntityDriftCard = pavedComponent(
  'EntityDriftCard',
  () =>
    import('./components/drift/EntityDriftCard').then(m => m.EntityDriftCard),
  'drift',
);

/** Every cluster the Kubernetes backend knows, worst first; mount it on `/clusters`. */
export const FleetPage = pavedPlugin.provide(
  createRoutableExtension({
    name: 'FleetPage',
    component: () =>
      import('./components/fleet/FleetPage').then(m =>
        withPavedFeature('fleet', m.FleetPage),
      ),
    mountPoint: fleetRouteRef,
  }),
);

/**
 * The GitOps status of a component's workloads or a tenant's namespaces:
 * Argo CD Applications and Flux Kustomizations and HelmReleases per cluster,
 * with sync, health, revision, last sync and message.
 */
export const EntityGitOpsStatusCard = pavedComponent(
  'EntityGitOpsStatusCard',
  () =>
    import('./components/gitops/EntityGitOpsStatusCard').then(
      m => m.EntityGitOpsStatusCard,
    ),
  'gitops',
);
