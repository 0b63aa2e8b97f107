import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import { kubernetesAuthHeaders } from './kubernetesAuthHeaders';

/** What every Paved API client needs to call the Paved backend. */
export interface PavedBackendDeps {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  /**
   * The Kubernetes plugin's auth providers: with it, clusters that use the
   * user's own token (oidc, google, ...) get it through
   * `Backstage-Kubernetes-Authorization-*` headers. Without it only
   * server-side cluster auth (serviceAccount, aws, ...) works.
   */
  kubernetesAuthProvidersApi?: KubernetesAuthProvidersApi;
}

/** `namespace/kind/name` of an entity, as the backend's routes take it. */
export function entityPath(entity: CompoundEntityRef): string {
  return [entity.namespace, entity.kind.toLocaleLowerCase('en-US'), entity.name]
    .map(encodeURIComponent)
    .join('/');
}

async function backendMessageOf(
  response: Response,
): Promise<string | undefined> {
  try {
    const message = (await response.json())?.error?.message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GETs a Paved backend route as the signed-in user (the fetch API adds their
 * token) plus, where clusters need them, the user's own cluster tokens.
 * Every failure becomes the caller's own error type via `fail`, with a
 * message in the user's terms from `messageFor`.
 */
export async function getPavedJson<T>(
  deps: PavedBackendDeps,
  path: string,
  options: {
    /** Only these clusters' auth headers (default: every cluster's). */
    clusters?: readonly string[];
    messageFor: (status: number, backendMessage?: string) => string;
    fail: (message: string, status: number, backendMessage?: string) => Error;
  },
): Promise<T> {
  const { discoveryApi, fetchApi, kubernetesAuthProvidersApi } = deps;
  const url = `${await discoveryApi.getBaseUrl('paved')}${path}`;
  const headers = kubernetesAuthProvidersApi
    ? await kubernetesAuthHeaders(
        { discoveryApi, fetchApi, kubernetesAuthProvidersApi },
        options.clusters ? { clusters: options.clusters } : {},
      )
    : {};
  let response: Response;
  try {
    response = await (Object.keys(headers).length > 0
      ? fetchApi.fetch(url, { headers })
      : fetchApi.fetch(url));
  } catch (error) {
    // Not `instanceof Error`: fetch may throw from another realm.
    const reason =
      typeof (error as { message?: unknown })?.message === 'string'
        ? (error as { message: string }).message
        : String(error);
    throw options.fail(`Could not reach the Paved backend: ${reason}`, 0);
  }
  if (!response.ok) {
    const backendMessage = await backendMessageOf(response);
    throw options.fail(
      options.messageFor(response.status, backendMessage),
      response.status,
      backendMessage,
    );
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw options.fail(
      'The Paved backend answered with something that is not JSON.',
      response.status,
    );
  }
}
