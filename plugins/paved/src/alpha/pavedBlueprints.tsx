import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  configApiRef,
  coreApis,
  PageBlueprint,
  RouteRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  kubernetesApiRef,
  kubernetesAuthProvidersApiRef,
} from '@backstage/plugin-kubernetes-react';
import { PavedClientSpec } from '../api/pavedClients';
import {
  isPavedFeatureOn,
  PavedFeature,
} from '../components/common/features/pavedFeatures';

/*
 * The one factory per kind of extension that every Paved feature uses in the
 * new frontend system. A feature the app switched off
 * (`paved.features.<feature>: false`) is not offered: its cards and tabs
 * match no entity and render nothing, its page has no route ref, nav item or
 * content.
 */

type Loader = () => Promise<JSX.Element>;

const nothing: Loader = async () => <></>;

/** A Paved client as an API extension (`api:paved/<name>`). */
export function pavedApi<T>(client: PavedClientSpec<T>) {
  return ApiBlueprint.make({
    name: client.name,
    params: defineParams =>
      defineParams({
        api: client.api,
        deps: {
          discoveryApi: coreApis.discovery,
          fetchApi: coreApis.fetch,
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
  });
}

/** A feature's entity card (`entity-card:paved/<name>`). */
export function pavedEntityCard(options: {
  feature: PavedFeature;
  name: string;
  filter: (entity: Entity) => boolean;
  loader: Loader;
}) {
  const { feature, name, filter, loader } = options;
  return EntityCardBlueprint.makeWithOverrides({
    name,
    factory(originalFactory, { apis }) {
      const on = isPavedFeatureOn(apis.get(configApiRef), feature);
      return originalFactory({
        filter: on ? filter : () => false,
        loader: on ? loader : nothing,
      });
    },
  });
}

/** A feature's entity page tab (`entity-content:paved/<name>`). */
export function pavedEntityContent(options: {
  feature: PavedFeature;
  name: string;
  path: string;
  title: string;
  filter: (entity: Entity) => boolean;
  loader: Loader;
}) {
  const { feature, name, filter, loader, ...tab } = options;
  return EntityContentBlueprint.makeWithOverrides({
    name,
    factory(originalFactory, { apis }) {
      const on = isPavedFeatureOn(apis.get(configApiRef), feature);
      return originalFactory({
        ...tab,
        filter: on ? filter : () => false,
        loader: on ? loader : nothing,
      });
    },
  });
}

/** A feature's page (`page:paved/<name>`); off, it is in no nav and empty. */
export function pavedPage(options: {
  feature: PavedFeature;
  name: string;
  path: string;
  title: string;
  icon: JSX.Element;
  routeRef: RouteRef;
  loader: Loader;
}) {
  const { feature, name, path, ...page } = options;
  return PageBlueprint.makeWithOverrides({
    name,
    factory(originalFactory, { apis }) {
      const on = isPavedFeatureOn(apis.get(configApiRef), feature);
      return originalFactory(
        on ? { path, ...page } : { path, loader: nothing },
      );
    },
  });
}
