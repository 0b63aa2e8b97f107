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
 * @param options.clusters - only these clusters (all the user can see by default)
 * @public
 */
export async function kubernetesAuthHeaders(
  deps: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    kubernetesAuthProvidersApi: KubernetesAuthProvidersApi;
  },
  options: { clusters?: readonly string[] } = {},
): Promise<Record<string, string>> {
  let clusters: KubernetesClusterAuthInfo[];
  try {
    const base = await deps.discoveryApi.getBaseUrl('kubernetes');
    const response = await deps.fetchApi.fetch(`${base}/clusters`);
    if (!response.ok) return {};
    const body = await response.json();
    clusters = Array.isArray(body?.items) ? body.items : [];
  } catch {
    // The backend call that follows reports an unreachable Kubernetes backend.
    return {};
  }

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
