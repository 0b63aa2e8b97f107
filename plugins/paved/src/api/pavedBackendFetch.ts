import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  KubernetesApi,
  KubernetesAuthProvidersApi,
} from '@backstage/plugin-kubernetes-react';
import { kubernetesAuthHeaders } from './kubernetesAuthHeaders';
import { withCurrentClusterResults } from './clusterResults';
import { PavedApiError } from './PavedApiError';
import {
  entityCallTexts,
  pavedErrorMessage,
  PavedCallTexts,
  PavedEntityCallTexts,
} from './pavedErrorMessage';

/** What every Paved API client needs to call the Paved backend. @public */
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
  /**
   * The Kubernetes plugin's API (`kubernetesApiRef`): where the cluster list
   * for those headers is read. Without it, the plugin's own client over
   * `fetchApi`.
   */
  kubernetesApi?: KubernetesApi;
}

/**
 * How a card reads. `fresh`: a periodic refresh, which must reach the
 * backend, so it does not reuse a recent success (it still joins a request
 * already in flight, which is as fresh as its own would be).
 *
 * @public
 */
export interface PavedReadOptions {
  fresh?: boolean;
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
 * How long a successful answer is reused for the same URL and headers. The
 * summary card and the detail cards on one page mount together and ask for
 * the same health, conformance, cost and Crossplane data: they get one
 * request between them. Short, so a reload or a retry a moment later reads
 * fresh data.
 */
export const SHARED_RESPONSE_TTL_MS = 5_000;

/** What one GET came to, before each caller turns it into its own result. */
type Outcome =
  | { kind: 'ok'; status: number; text: string }
  | { kind: 'http'; status: number; backendMessage?: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'not-json'; status: number };

interface SharedRequest {
  /** Infinity while in flight; then until when a success is reused. */
  expires: number;
  outcome: Promise<Outcome>;
}

/**
 * Requests per fetch API (that is, per signed-in app: the fetch API adds the
 * user's Backstage token), keyed by URL and the extra headers, so callers
 * with different cluster tokens never share an answer.
 */
const sharedRequests = new WeakMap<FetchApi, Map<string, SharedRequest>>();

function requestKey(url: string, headers: Record<string, string>): string {
  const sorted = Object.keys(headers)
    .sort()
    .map(name => [name.toLocaleLowerCase('en-US'), headers[name]]);
  return JSON.stringify([url, sorted]);
}

async function fetchOutcome(
  fetchApi: FetchApi,
  url: string,
  headers: Record<string, string>,
  init?: RequestInit,
): Promise<Outcome> {
  // No second argument when there is nothing to send with the GET.
  const request = init ?? (Object.keys(headers).length > 0 && { headers });
  let response: Response;
  try {
    response = await (request
      ? fetchApi.fetch(url, request)
      : fetchApi.fetch(url));
  } catch (error) {
    // Not `instanceof Error`: fetch may throw from another realm.
    const reason =
      typeof (error as { message?: unknown })?.message === 'string'
        ? (error as { message: string }).message
        : String(error);
    return { kind: 'unreachable', reason };
  }
  if (!response.ok) {
    return {
      kind: 'http',
      status: response.status,
      backendMessage: await backendMessageOf(response),
    };
  }
  try {
    const text = await response.text();
    JSON.parse(text);
    return { kind: 'ok', status: response.status, text };
  } catch {
    return { kind: 'not-json', status: response.status };
  }
}

/**
 * One GET per URL and headers for every caller while it is in flight, and
 * for `SHARED_RESPONSE_TTL_MS` after it succeeded. A failure is not kept:
 * the next caller asks again.
 */
function sharedOutcome(
  fetchApi: FetchApi,
  url: string,
  headers: Record<string, string>,
  fresh: boolean,
): Promise<Outcome> {
  let requests = sharedRequests.get(fetchApi);
  if (!requests) {
    requests = new Map();
    sharedRequests.set(fetchApi, requests);
  }
  const now = Date.now();
  for (const [key, request] of requests) {
    if (request.expires <= now) requests.delete(key);
  }
  const key = requestKey(url, headers);
  const existing = requests.get(key);
  if (existing && (!fresh || existing.expires === Infinity)) {
    return existing.outcome;
  }

  const entry: SharedRequest = {
    expires: Infinity,
    outcome: fetchOutcome(fetchApi, url, headers),
  };
  requests.set(key, entry);
  entry.outcome.then(outcome => {
    if (requests!.get(key) !== entry) return;
    if (outcome.kind === 'ok') {
      entry.expires = Date.now() + SHARED_RESPONSE_TTL_MS;
    } else {
      requests!.delete(key);
    }
  });
  return entry.outcome;
}

/** How a call words its failures, and (tests only) what it throws. */
export interface PavedFailureOptions {
  messageFor: (status: number, backendMessage?: string) => string;
  /** Default: a `PavedApiError`. */
  fail?: (message: string, status: number, backendMessage?: string) => Error;
}

/** The body of a success, or the caller's error for anything else. */
function settle<T>(outcome: Outcome, options: PavedFailureOptions): T {
  const fail =
    options.fail ??
    ((message: string, status: number, backendMessage?: string) =>
      new PavedApiError(message, status, backendMessage));
  switch (outcome.kind) {
    case 'ok':
      return withCurrentClusterResults(JSON.parse(outcome.text) as T);
    case 'unreachable':
      throw fail(`Could not reach the Paved backend: ${outcome.reason}`, 0);
    case 'http':
      throw fail(
        options.messageFor(outcome.status, outcome.backendMessage),
        outcome.status,
        outcome.backendMessage,
      );
    default:
      throw fail(
        'The Paved backend answered with something that is not JSON.',
        outcome.status,
      );
  }
}

/**
 * GETs a Paved backend route as the signed-in user (the fetch API adds their
 * token) plus, where clusters need them, the user's own cluster tokens.
 * Every failure becomes a `PavedApiError` (or the caller's own error via
 * `fail`), with a message in the user's terms from `messageFor`. Cluster
 * results from an older backend come back in today's shape.
 *
 * Identical requests (same URL, same headers, same fetch API) made together
 * or within `SHARED_RESPONSE_TTL_MS` of a success share one response; each
 * caller gets its own parsed copy of the body. A `fresh` read skips a
 * finished success and replaces it for the callers after it.
 */
export async function getPavedJson<T>(
  deps: PavedBackendDeps,
  path: string,
  options: PavedFailureOptions & {
    /** Only these clusters' auth headers (default: every cluster's). */
    clusters?: readonly string[];
    fresh?: boolean;
  },
): Promise<T> {
  const { discoveryApi, fetchApi, kubernetesAuthProvidersApi, kubernetesApi } =
    deps;
  const url = `${await discoveryApi.getBaseUrl('paved')}${path}`;
  const headers = kubernetesAuthProvidersApi
    ? await kubernetesAuthHeaders(
        { discoveryApi, fetchApi, kubernetesAuthProvidersApi, kubernetesApi },
        options.clusters ? { clusters: options.clusters } : {},
      )
    : {};
  const outcome = await sharedOutcome(
    fetchApi,
    url,
    headers,
    options.fresh ?? false,
  );
  return settle<T>(outcome, options);
}

/**
 * Sends a change (a POST) to a Paved backend route as the signed-in user:
 * never shared with another caller, failures as `getPavedJson`'s.
 */
export async function sendPavedJson<T>(
  deps: Pick<PavedBackendDeps, 'discoveryApi' | 'fetchApi'>,
  path: string,
  init: RequestInit,
  options: PavedFailureOptions,
): Promise<T> {
  const url = `${await deps.discoveryApi.getBaseUrl('paved')}${path}`;
  return settle<T>(await fetchOutcome(deps.fetchApi, url, {}, init), options);
}

/** A read of one thing about an entity, as most Paved APIs offer. @public */
export type PavedEntityRead<R> = (
  entity: CompoundEntityRef,
  options?: PavedReadOptions,
) => Promise<R>;

/** One read of a client: how it words failures, which clusters, how fresh. @public */
export interface PavedClientRead extends PavedReadOptions {
  texts: PavedCallTexts;
  /** Only these clusters' auth headers (default: every cluster's). */
  clusters?: readonly string[];
}

/** `messageFor` from a feature's texts. */
function wordedBy(texts: PavedCallTexts) {
  return (status: number, backendMessage?: string) =>
    pavedErrorMessage(status, texts, backendMessage);
}

/**
 * What every Paved client is built on: the backend's base URL, the user's
 * token and cluster tokens, shared requests, one error type and one
 * status-to-message mapping. A feature's client extends it and says, per
 * read, its path and its texts.
 *
 * @public
 */
export abstract class PavedBackendClient {
  constructor(protected readonly deps: PavedBackendDeps) {}

  /** GETs `path` under `/api/paved`; failures are `PavedApiError`s. */
  protected read<T>(path: string, read: PavedClientRead): Promise<T> {
    const { texts, clusters, fresh } = read;
    return getPavedJson<T>(this.deps, path, {
      clusters,
      fresh,
      messageFor: wordedBy(texts),
    });
  }

  /**
   * GETs `/<route>/entity/<namespace>/<kind>/<name>` (plus `suffix`), its
   * failures worded by `texts` for the entity's `Kind:namespace/name`,
   * which the default 404 sentence names.
   */
  protected readEntity<T>(
    route: string,
    entity: CompoundEntityRef,
    texts: PavedEntityCallTexts,
    options?: PavedReadOptions & { suffix?: string },
  ): Promise<T> {
    return this.read(
      `/${route}/entity/${entityPath(entity)}${options?.suffix ?? ''}`,
      { fresh: options?.fresh, texts: entityCallTexts(entity, texts) },
    );
  }

  /** Sends a change to `path` under `/api/paved`, never shared. */
  protected send<T>(
    path: string,
    init: RequestInit,
    texts: PavedCallTexts,
  ): Promise<T> {
    return sendPavedJson<T>(this.deps, path, init, {
      messageFor: wordedBy(texts),
    });
  }
}
