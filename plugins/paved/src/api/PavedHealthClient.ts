import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import {
  PavedClusterHealthResponse,
  PavedComponentHealthResponse,
} from './types';

/** Reads health summaries from Paved's backend plugin. @public */
export interface PavedHealthApi {
  /** A component's health in every cluster it runs in. */
  getEntityHealth(
    entity: CompoundEntityRef,
  ): Promise<PavedComponentHealthResponse>;
  /** One cluster's health, by its name in `kubernetes.clusterLocatorMethods`. */
  getClusterHealth(name: string): Promise<PavedClusterHealthResponse>;
}

/** @public */
export const pavedHealthApiRef = createApiRef<PavedHealthApi>().with({
  id: 'plugin.paved.health',
  pluginId: 'paved',
});

/** What a failed call was about, for a message people can act on. */
export type PavedHealthTarget =
  | { type: 'entity'; ref: CompoundEntityRef }
  | { type: 'cluster'; name: string };

function describe(target: PavedHealthTarget): string {
  return target.type === 'cluster'
    ? `cluster '${target.name}'`
    : `${target.ref.kind}:${target.ref.namespace}/${target.ref.name}`;
}

/** The message for a status, in the user's terms. */
export function healthErrorMessage(
  status: number,
  target: PavedHealthTarget,
): string {
  switch (status) {
    case 401:
      return 'You are not signed in, or your session expired: sign in again.';
    case 403:
      return 'You are not allowed to read health (permission paved.health.read, and kubernetes.clusters.read to list clusters).';
    case 404:
      return target.type === 'cluster'
        ? `Cluster '${target.name}' is not configured in the Kubernetes backend (kubernetes.clusterLocatorMethods), or you cannot see it.`
        : `${describe(
            target,
          )} was not found in the catalog, or you cannot see it.`;
    case 502:
    case 503:
    case 504:
      return 'The Paved backend is unavailable: is @paved/plugin-paved-backend installed and running?';
    default:
      return `The Paved backend failed to read the health of ${describe(
        target,
      )} (HTTP ${status}).`;
  }
}

/**
 * A failed health call. `statusCode` is the HTTP status (0 when the backend
 * could not be reached at all); `cause` carries the backend's own message.
 *
 * @public
 */
export class PavedHealthError extends Error {
  readonly name = 'PavedHealthError';
  constructor(
    message: string,
    readonly statusCode: number,
    readonly backendMessage?: string,
  ) {
    super(message);
  }
}

/** The message of a Backstage error body (`{ error: { message } }`), if any. */
async function backendMessageOf(
  response: Response,
): Promise<string | undefined> {
  try {
    const body = await response.json();
    const message = body?.error?.message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `/api/paved/health/...` with the Backstage fetch API, so the signed-in
 * user's token goes along and the backend reads clusters on their behalf.
 * No other headers are sent.
 *
 * @public
 */
export class PavedHealthClient implements PavedHealthApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getEntityHealth(
    entity: CompoundEntityRef,
  ): Promise<PavedComponentHealthResponse> {
    const path = [
      entity.namespace,
      entity.kind.toLocaleLowerCase('en-US'),
      entity.name,
    ]
      .map(encodeURIComponent)
      .join('/');
    return this.get(`/health/entity/${path}`, { type: 'entity', ref: entity });
  }

  getClusterHealth(name: string): Promise<PavedClusterHealthResponse> {
    return this.get(`/health/cluster/${encodeURIComponent(name)}`, {
      type: 'cluster',
      name,
    });
  }

  private async get<T>(path: string, target: PavedHealthTarget): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('paved');
    let response: Response;
    try {
      response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    } catch (error) {
      // Not `instanceof Error`: fetch may throw from another realm.
      const reason =
        typeof (error as { message?: unknown })?.message === 'string'
          ? (error as { message: string }).message
          : String(error);
      throw new PavedHealthError(
        `Could not reach the Paved backend: ${reason}`,
        0,
      );
    }
    if (!response.ok) {
      const backendMessage = await backendMessageOf(response);
      throw new PavedHealthError(
        healthErrorMessage(response.status, target),
        response.status,
        backendMessage,
      );
    }
    try {
      return (await response.json()) as T;
    } catch {
      throw new PavedHealthError(
        'The Paved backend answered with something that is not JSON.',
        response.status,
      );
    }
  }
}
