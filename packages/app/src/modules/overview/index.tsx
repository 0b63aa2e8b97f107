import {
  createExtension,
  createExtensionDataRef,
  createFrontendModule,
  ExtensionBoundary,
} from '@backstage/frontend-plugin-api';
import type { OverviewLayoutProps } from './OverviewLayout';

/*
 * The data the catalog's Overview reads from its `layouts` input, by the ids
 * `EntityContentLayoutBlueprint` (@backstage/plugin-catalog-react/alpha)
 * gives them: the app does not depend on catalog-react for one blueprint.
 */
const layoutComponentDataRef = createExtensionDataRef<
  (props: OverviewLayoutProps) => JSX.Element
>().with({ id: 'catalog.entity-content-layout.component' });
const filterFunctionDataRef = createExtensionDataRef<
  (entity: { kind: string }) => boolean
>().with({ id: 'catalog.entity-filter-function' });

/** The kinds Paved puts cards on: components, clusters (Resources), tenants (Systems). */
const GRID_KINDS = new Set(['component', 'resource', 'system']);

/**
 * The Overview of components, resources and systems as a grid, the status
 * summary across the top and the detail cards side by side (see
 * OverviewLayout).
 */
const overviewGridLayout = createExtension({
  kind: 'entity-content-layout',
  name: 'overview-grid',
  attachTo: { id: 'entity-content:catalog/overview', input: 'layouts' },
  output: [filterFunctionDataRef, layoutComponentDataRef],
  factory: ({ node }) => [
    filterFunctionDataRef(entity =>
      GRID_KINDS.has(entity.kind.toLocaleLowerCase('en-US')),
    ),
    layoutComponentDataRef(
      ExtensionBoundary.lazyComponent(node, () =>
        import('./OverviewLayout').then(m => m.OverviewLayout),
      ),
    ),
  ],
});

export const overviewModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [overviewGridLayout],
});
