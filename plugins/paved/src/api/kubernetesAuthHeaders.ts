import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  KubernetesApi,
  KubernetesAuthProvidersApi,
  KubernetesBackendClient,
} from '@backstage/plugin-kubernetes-react';

/**
 * A cluster as the Kubernetes backend's `GET /clusters` lists it (what
 * `KubernetesApi.getClusters` returns).
 */
export interface KubernetesClusterAuthInfo {
  name: string;
  authProvider?: string;
  oidcTokenProvider?: string;
}

/**
 * Auth providers whose credentials the Kubernetes backend holds itself: the
 * browser has nothing to add for these clusters.
 */
const SERVER_SIDE_AUTH_PROVIDERS = new Set([
  'serviceAccount',
  'googleServiceAccount',
  'aws',
  'azure',
  'localKubectlProxy',
]);

/**
 * The header the Kubernetes backend's proxy reads a user's cluster token
 * from, named as `@backstage/plugin-kubernetes-react` names it:
 * `Backstage-Kubernetes-Authorization-<authProvider>[-<oidcTokenProvider>]`.
 * The suffix tells the proxy which cluster auth strategy the token is for, so
 * tokens for several providers can travel together and each cluster only
 * uses its own. (The bare `Backstage-Kubernetes-Authorization` header would
 * apply to every cluster and is never sent.)
 *
 * @public
 */
export function kubernetesAuthHeaderName(
  authProvider: string,
  oidcTokenProvider?: string,
): string {
  return [
    'Backstage-Kubernetes-Authorization',
    authProvider,
    ...(authProvider === 'oidc' && oidcTokenProvider
      ? [oidcTokenProvider]
      : []),
  ].join('-');
}

/**
 * How long a cluster list is reused. A page with several Paved cards asks
 * for headers once per card at the same moment; one `GET /clusters` serves
 * them all, and clusters are added far less often than this. (The app's
 * `kubernetesApiRef` client reads the list anew on every call.)
 */
export const CLUSTER_LIST_TTL_MS = 30_000;

/** What is read of the Kubernetes plugin's API: its cluster list. */
type ClusterLister = Pick<KubernetesApi, 'getClusters'>;

/**
 * For callers without the app's `kubernetesApiRef`: the Kubernetes plugin's
 * own client over the same fetch API, one per fetch API (that is, per
 * signed-in app).
 */
const fallbackListers = new WeakMap<FetchApi, ClusterLister>();

function clusterLister(deps: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  kubernetesAuthProvidersApi: KubernetesAuthProvidersApi;
  kubernetesApi?: ClusterLister;
}): ClusterLister {
  if (deps.kubernetesApi) return deps.kubernetesApi;
  let lister = fallbackListers.get(deps.fetchApi);
  if (!lister) {
    lister = new KubernetesBackendClient({
      discoveryApi: deps.discoveryApi,
      fetchApi: deps.fetchApi,
      kubernetesAuthProvidersApi: deps.kubernetesAuthProvidersApi,
    });
    fallbackListers.set(deps.fetchApi, lister);
  }
  return lister;
}

/**
 * The cluster list per Kubernetes API client (that is, per signed-in app),
 * with its expiry.
 */
const clusterLists = new WeakMap<
  ClusterLister,
  {
    expires: number;
    clusters: Promise<KubernetesClusterAuthInfo[] | undefined>;
  }
>();

/**
 * The clusters the Kubernetes backend lists for this user
 * (`KubernetesApi.getClusters`), shared by concurrent and recent callers. A
 * failed read is not kept: the next caller asks again. Undefined when the
 * list cannot be read.
 */
function clusterAuthInfo(
  lister: ClusterLister,
  now = Date.now(),
): Promise<KubernetesClusterAuthInfo[] | undefined> {
  const cached = clusterLists.get(lister);
  if (cached && cached.expires > now) return cached.clusters;
  const clusters = (async () => {
    try {
      const items: unknown = await lister.getClusters();
      return Array.isArray(items) ? (items as KubernetesClusterAuthInfo[]) : [];
    } catch {
      return undefined;
    }
  })();
  const entry = { expires: now + CLUSTER_LIST_TTL_MS, clusters };
  clusterLists.set(lister, entry);
  clusters.then(list => {
    if (!list && clusterLists.get(lister) === entry) {
      clusterLists.delete(lister);
    }
  });
  return clusters;
}

/** The key `KubernetesAuthProvidersApi.getCredentials` knows a provider by. */
function credentialsKey(authProvider: string, oidcTokenProvider?: string) {
  return authProvider === 'oidc' ? `oidc.${oidcTokenProvider}` : authProvider;
}

/**
 * The `Backstage-Kubernetes-Authorization-*` headers a request to a backend
 * that reads clusters on the user's behalf (Paved's, through the Kubernetes
 * proxy) needs: one per auth provider among the clusters that authenticate
 * with the user's own token (oidc, google, aks...), with that token from the
 * Kubernetes plugin's `KubernetesAuthProvidersApi`. Clusters with server-side
 * auth (serviceAccount, aws, ...) add nothing.
 *
 * Never throws: a provider that cannot give a token (user declined to sign
 * in, provider not configured) is left out, and that cluster's own answer
 * then says it was refused, beside the other clusters' data.
 *
 * The cluster list comes from the Kubernetes plugin's API
 * (`kubernetesApiRef`'s `getClusters()`; without one, its
 * `KubernetesBackendClient` over the same fetch API) and is shared for
 * `CLUSTER_LIST_TTL_MS` by every caller with the same client.
 *
 * @param options.clusters - only these clusters (all the user can see by default)
 * @public
 */
export async function kubernetesAuthHeaders(
  deps: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    kubernetesAuthProvidersApi: KubernetesAuthProvidersApi;
    /** The app's `kubernetesApiRef`, where the cluster list is read. */
    kubernetesApi?: Pick<KubernetesApi, 'getClusters'>;
  },
  options: {
    clusters?: readonly string[];
    /** For tests: the clock the cluster list's expiry is read against. */
    now?: number;
  } = {},
): Promise<Record<string, string>> {
  const clusters = await clusterAuthInfo(clusterLister(deps), options.now);
  // The backend call that follows reports an unreachable Kubernetes backend.
  if (!clusters) return {};

  const wanted = options.clusters ? new Set(options.clusters) : undefined;
  const providers = new Map<string, KubernetesClusterAuthInfo>();
  for (const cluster of clusters) {
    const { authProvider, oidcTokenProvider } = cluster;
    if (!authProvider || SERVER_SIDE_AUTH_PROVIDERS.has(authProvider)) continue;
    if (wanted && !wanted.has(cluster.name)) continue;
    if (authProvider === 'oidc' && !oidcTokenProvider) continue;
    providers.set(kubernetesAuthHeaderName(authProvider, oidcTokenProvider), {
      name: cluster.name,
      authProvider,
      oidcTokenProvider,
    });
  }

  const headers: Record<string, string> = {};
  await Promise.all(
    [...providers].map(
      async ([header, { authProvider, oidcTokenProvider }]) => {
        try {
          const { token } =
            await deps.kubernetesAuthProvidersApi.getCredentials(
              credentialsKey(authProvider!, oidcTokenProvider),
            );
          if (token) headers[header] = token;
        } catch {
          // Left out: see above.
        }
      },
    ),
  );
  return headers;
}
