/*
 * The Paved local portal's backend, on the new backend system.
 *
 * Every feature is added here explicitly so that a reader can see what the
 * portal runs. Paved's own backend plugins and modules are added below the
 * stock plugins as they land.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guest locally; see app-config.production.example.yaml for real providers.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Events: lets the catalog and others publish and subscribe across plugins.
backend.add(import('@backstage/plugin-events-backend'));

// Catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Paved's ADR and Roadmap kinds, imported from Markdown.
backend.add(import('@paved/plugin-catalog-backend-module-paved'));

// Scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@paved/plugin-scaffolder-backend-module-paved'));
// publish:github:pull-request for the templates' GitOps path; needs a GitHub
// integration (integrations.github[].token or a GitHub App) in config.
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));

// TechDocs
backend.add(import('@backstage/plugin-techdocs-backend'));

// Permissions: Paved's readable policy instead of allow-all.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/permissionPolicy'));

// Search: Lunr in memory on SQLite, PostgreSQL's engine when the database is pg.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));
// Paved's ADRs, roadmaps and roadmap items, with their status and owner.
backend.add(import('@paved/plugin-search-backend-module-paved'));

// Kubernetes: clusters come from `kubernetes.clusterLocatorMethods` in app-config.
backend.add(import('@backstage/plugin-kubernetes-backend'));
// Paved's health routes: they call the Kubernetes backend above on behalf of
// the signed-in user, so that user needs `kubernetes.proxy` (see docs/permissions.md).
backend.add(import('@paved/plugin-paved-backend'));

// Notifications (with signals for live updates in the browser): Paved's cost
// alerts reach the owning group here (docs/finops.md, "Cost alerts").
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// MCP: the actions of `backend.actions.pluginSources` (app-config) as MCP tools
// at /api/mcp-actions/v1; Paved's run as the calling user (docs/actions.md).
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
