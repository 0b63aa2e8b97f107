import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';

/** A cluster as the Kubernetes backend's `GET /clusters` lists it. */
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
 * them all, and clusters are added far less often than this.
 */
export const CLUSTER_LIST_TTL_MS = 30_000;

/** The cluster list per fetch API (that is, per signed-in app), with its expiry. */
const clusterLists = new WeakMap<
  FetchApi,
  {
    expires: number;
    clusters: Promise<KubernetesClusterAuthInfo[] | undefined>;
  }
>();

/**
 * The clusters the Kubernetes backend lists for this user, shared by
 * concurrent and recent callers. A failed read is not kept: the next caller
 * asks again. Undefined when the list cannot be read.
 */
function clusterAuthInfo(
  deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  now = Date.now(),
): Promise<KubernetesClusterAuthInfo[] | undefined> {
  const cached = clusterLists.get(deps.fetchApi);
  if (cached && cached.expires > now) return cached.clusters;
  const clusters = (async () => {
    try {
      const base = await deps.discoveryApi.getBaseUrl('kubernetes');
      const response = await deps.fetchApi.fetch(`${base}/clusters`);
      if (!response.ok) return undefined;
      const body = await response.json();
      return Array.isArray(body?.items)
        ? (body.items as KubernetesClusterAuthInfo[])
        : [];
    } catch {
      return undefined;
    }
  })();
  const entry = { expires: now + CLUSTER_LIST_TTL_MS, clusters };
  clusterLists.set(deps.fetchApi, entry);
  clusters.then(list => {
    if (!list && clusterLists.get(deps.fetchApi) === entry) {
      clusterLists.delete(deps.fetchApi);
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
 * The cluster list (`GET /api/kubernetes/clusters`) is shared for
 * `CLUSTER_LIST_TTL_MS` by every caller with the same fetch API.
 *
 * @param options.clusters - only these clusters (all the user can see by default)
 * @public
 */
export async function kubernetesAuthHeaders(
  deps: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    kubernetesAuthProvidersApi: KubernetesAuthProvidersApi;
  },
  options: {
    clusters?: readonly string[];
    /** For tests: the clock the cluster list's expiry is read against. */
    now?: number;
  } = {},
): Promise<Record<string, string>> {
  const clusters = await clusterAuthInfo(deps, options.now);
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
