import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import {
  PavedCostClient,
  pavedCostApiRef,
  PavedCrossplaneClient,
  pavedCrossplaneApiRef,
  PavedHealthClient,
  pavedHealthApiRef,
  PavedTenantClient,
  pavedTenantApiRef,
} from './api';
import { PavedFleetClient, pavedFleetApiRef } from './api/PavedFleetClient';
import { PavedGitOpsClient, pavedGitOpsApiRef } from './api/PavedGitOpsClient';
import { PavedDriftClient, pavedDriftApiRef } from './api/PavedDriftClient';
import {
  PavedEvidenceClient,
  pavedEvidenceApiRef,
} from './api/PavedEvidenceClient';
import {
  PavedCostAlertsClient,
  pavedCostAlertsApiRef,
} from './api/PavedCostAlertsClient';
import { decisionsRouteRef, fleetRouteRef } from './routes';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { XrdParametersField } from './components/crossplane/requestForm/XrdParametersField';
import { XrdPickerField } from './components/crossplane/requestForm/XrdPickerField';
import { xrdParametersValidation } from './components/crossplane/requestForm/validation';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { isPavedSearchResult } from './components/search/predicate';

/** Paved's frontend plugin for apps on the legacy frontend system. */
export const pavedPlugin = createPlugin({
  id: 'paved',
  routes: { decisions: decisionsRouteRef, fleet: fleetRouteRef },
  apis: [
    createApiFactory({
      api: pavedCostAlertsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new PavedCostAlertsClient(deps),
    }),
    createApiFactory({
      api: pavedHealthApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedHealthClient(deps),
    }),
    createApiFactory({
      api: pavedCrossplaneApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedCrossplaneClient(deps),
    }),
    createApiFactory({
      api: pavedCostApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedCostClient(deps),
    }),
    createApiFactory({
      api: pavedTenantApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedTenantClient(deps),
    }),
    createApiFactory({
      api: pavedFleetApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedFleetClient(deps),
    }),
    createApiFactory({
      api: pavedDriftApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedDriftClient(deps),
    }),
    createApiFactory({
      api: pavedGitOpsApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedGitOpsClient(deps),
    }),
    createApiFactory({
      api: pavedEvidenceApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        kubernetesAuthProvidersApi: kubernetesAuthProvidersApiRef,
      },
      factory: deps => new PavedEvidenceClient(deps),
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
 * An entity's status at a glance: workload health, tier conformance, cost
 * this month against the budget and Crossplane claims ready, each a chip
 * with its worst finding linking to the detail card. Put it first on a
 * Component's Overview.
 */
export const EntityPavedSummaryCard = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityPavedSummaryCard',
    component: {
      lazy: () =>
        import('./components/summary/EntityPavedSummaryCard').then(
          m => m.EntityPavedSummaryCard,
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

/**
 * An entity's Crossplane claims: status, age, composition, condition counts
 * and the first not-ready reason; use it on Component and Resource pages.
 */
export const EntityCrossplaneClaimsCard = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityCrossplaneClaimsCard',
    component: {
      lazy: () =>
        import('./components/crossplane/EntityCrossplaneClaimsCard').then(
          m => m.EntityCrossplaneClaimsCard,
        ),
    },
  }),
);

/**
 * The Crossplane tab: claim -> composite -> managed resources with their
 * conditions, redacted YAML and events; mount it as an entity page route.
 */
export const EntityCrossplaneContent = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityCrossplaneContent',
    component: {
      lazy: () =>
        import('./components/crossplane/EntityCrossplaneContent').then(
          m => m.EntityCrossplaneContent,
        ),
    },
  }),
);

/**
 * Tier conformance of a Component, tenant or `kubernetes-cluster` Resource
 * that declares `paved.dev/tier` (and `paved.dev/namespaces` unless it is a
 * cluster): score, failing rules explained, failing objects, per cluster.
 */
export const EntityConformanceCard = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityConformanceCard',
    component: {
      lazy: () =>
        import('./components/conformance/EntityConformanceCard').then(
          m => m.EntityConformanceCard,
        ),
    },
  }),
);

/**
 * Cost from OpenCost for a tenant (with budget and month-end projection), a
 * Component's workloads or a cluster; use it on those entity pages.
 */
export const EntityCostCard = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityCostCard',
    component: {
      lazy: () =>
        import('./components/cost/EntityCostCard').then(m => m.EntityCostCard),
    },
  }),
);

/** The Cost tab: every workload with its share and right-sizing advice. */
export const EntityCostContent = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityCostContent',
    component: {
      lazy: () =>
        import('./components/cost/EntityCostContent').then(
          m => m.EntityCostContent,
        ),
    },
  }),
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
export const EntityTenantCard = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityTenantCard',
    component: {
      lazy: () =>
        import('./components/tenant/EntityTenantCard').then(
          m => m.EntityTenantCard,
        ),
    },
  }),
);

/**
 * Drift of a tenant or a cluster's baseline: per cluster, the fields where the
 * live objects differ from what Paved renders, desired → live, with the
 * managers that changed them, and each drifted object as a problem.
 */
export const EntityDriftCard = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityDriftCard',
    component: {
      lazy: () =>
        import('./components/drift/EntityDriftCard').then(
          m => m.EntityDriftCard,
        ),
    },
  }),
);

/** Every cluster the Kubernetes backend knows, worst first; mount it on `/clusters`. */
export const FleetPage = pavedPlugin.provide(
  createRoutableExtension({
    name: 'FleetPage',
    component: () =>
      import('./components/fleet/FleetPage').then(m => m.FleetPage),
    mountPoint: fleetRouteRef,
  }),
);

/**
 * The GitOps status of a component's workloads or a tenant's namespaces:
 * Argo CD Applications and Flux Kustomizations and HelmReleases per cluster,
 * with sync, health, revision, last sync and message.
 */
export const EntityGitOpsStatusCard = pavedPlugin.provide(
  createComponentExtension({
    name: 'EntityGitOpsStatusCard',
    component: {
      lazy: () =>
        import('./components/gitops/EntityGitOpsStatusCard').then(
          m => m.EntityGitOpsStatusCard,
        ),
    },
  }),
);
