import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CallContext, ClusterReadRequest } from './ClusterReadRequest';
import { ClusterRequestError } from './errors';
import { MAX_RESPONSE_BYTES, readCapped, readUpTo } from './readCapped';

export { MAX_RESPONSE_BYTES };
export type { CallContext };
import { assertReadablePath } from './paths';
import {
  assertAllowedRead,
  isAllowedRead,
  PavedFeature,
} from './readAllowList';

const FEATURES: PavedFeature[] = [
  'health',
  'conformance',
  'cost',
  'crossplane',
  'tenants',
];

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate is not trusted',
};

/**
 * Whether the Kubernetes backend failed to reach the cluster at all (its
 * proxy answers 500 with the socket error), as opposed to the cluster
 * answering with an error: then the reason in words, without the address.
 */
function unreachableReason(
  status: number,
  body: any,
  message: string,
): string | undefined {
  if (status < 500 || body?.kind === 'Status') return undefined;
  const code = Object.keys(NETWORK_ERRORS).find(c => message.includes(c));
  if (code) return NETWORK_ERRORS[code];
  return /socket hang up/i.test(message) ? 'the connection closed' : undefined;
}

/** The Kubernetes backend's headers for the proxy route. */
const HEADER_CLUSTER = 'Backstage-Kubernetes-Cluster';
const HEADER_AUTH_PREFIX = 'backstage-kubernetes-authorization';

/**
 * The 404 every route gives for a cluster the Kubernetes backend does not
 * list for this user. `via` names where the cluster came from (an
 * annotation, say), for the message.
 */
export function assertKnownCluster(
  cluster: string,
  known: readonly string[],
  via?: string,
): void {
  if (!known.includes(cluster)) {
    throw new NotFoundError(
      `Cluster '${cluster}'${
        via ? ` (${via})` : ''
      } is not configured in the Kubernetes backend`,
    );
  }
}

/**
 * The clusters an entity's data is read from: the one it pins (checked to
 * be configured, `via` naming where the pin came from), else every cluster
 * the user may list.
 */
export function clustersToRead(
  known: string[],
  pinned: string | undefined,
  via?: string,
): string[] {
  if (!pinned) return known;
  assertKnownCluster(pinned, known, via);
  return [pinned];
}

/** Picks the cluster auth headers out of an incoming request's headers. */
export function clusterAuthHeadersOf(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (
      name.toLowerCase().startsWith(HEADER_AUTH_PREFIX) &&
      typeof value === 'string'
    ) {
      out[name] = value;
    }
  }
  return out;
}

/** What {@link ClusterAccess.list} reads, and where each item goes. */
export interface ClusterListOptions {
  cluster: string;
  /** The clusters the user may list: `cluster` must be one of them. */
  knownClusters: readonly string[];
  /** The kind's list path, without a query (see `listPath`). */
  apiPath: string;
  /** Selectors and the like; `limit` and `continue` are the pager's. */
  query?: Record<string, string>;
  pageSize: number;
  onItem: (item: any) => void;
  ctx: CallContext;
}

/**
 * Reaches clusters only through the Backstage Kubernetes backend. Which
 * clusters exist is asked as the signed-in user (`kubernetes.clusters.read`),
 * and only those are read. The reads themselves go through the Kubernetes
 * backend's proxy with Paved's own service identity, so a developer needs no
 * `kubernetes.proxy` (which cannot tell a read from `exec`); in exchange each
 * feature may only GET the paths of its allow-list (`readAllowList.ts`),
 * after Paved's own per-entity permission was checked for the user. Where a
 * cluster's auth is the user's own (OIDC), the user's token still goes along
 * in the `Backstage-Kubernetes-Authorization-*` headers, so the cluster's
 * RBAC applies to that user. Read-only: GET only, never a Secret's content.
 */
export class ClusterAccess {
  constructor(
    private readonly deps: {
      auth: AuthService;
      discovery: DiscoveryService;
      /** The feature whose allow-list applies; unbound: any feature's. */
      feature?: PavedFeature;
      /** Where the Kubernetes backend's own words about unreachable clusters go. */
      logger?: LoggerService;
    },
    // Shared with the feature-bound copies: the listing is not per feature.
    private readonly listed = new WeakMap<
      ClusterReadRequest,
      Promise<string[]>
    >(),
  ) {}

  /** The same access, limited to one feature's reads. */
  forFeature(feature: PavedFeature): ClusterAccess {
    return new ClusterAccess({ ...this.deps, feature }, this.listed);
  }

  private assertRead(apiPath: string): void {
    const { feature } = this.deps;
    if (feature) assertAllowedRead(feature, apiPath);
    else if (!FEATURES.some(f => isAllowedRead(f, apiPath))) {
      assertAllowedRead('health', apiPath);
    }
  }

  /** As the user: for the Kubernetes backend's cluster list. */
  private async userHeaders(ctx: CallContext): Promise<Record<string, string>> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: ctx.credentials,
      targetPluginId: 'kubernetes',
    });
    return { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  }

  /** As Paved, carrying the user's own cluster credentials where there are any. */
  private async headers(ctx: CallContext): Promise<Record<string, string>> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'kubernetes',
    });
    return {
      ...ctx.clusterAuthHeaders,
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
    };
  }

  private async getJson(
    url: string,
    headers: Record<string, string>,
    ctx: CallContext,
  ): Promise<any> {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'GET',
      headers,
      signal: ctx.signal,
    });
    const text = await readCapped(response);
    ctx.onLatency?.(performance.now() - started);
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ClusterRequestError(
        `Malformed JSON from ${
          response.ok ? 'the cluster' : 'the Kubernetes backend'
        } (HTTP ${response.status})`,
        response.ok ? 502 : response.status,
      );
    }
    if (!response.ok) {
      // A Kubernetes `Status` has `message`; a Backstage error has `error.message`.
      const message =
        body?.message ?? body?.error?.message ?? response.statusText;
      const network = unreachableReason(response.status, body, message);
      if (network) {
        // The address is the backend's business: the browser gets the reason.
        this.deps.logger?.warn(
          `Cluster unreachable through the Kubernetes backend: ${message}`,
        );
        throw new ClusterRequestError(
          `Cluster unreachable: ${network} (the backend log has the details)`,
          503,
        );
      }
      throw new ClusterRequestError(
        `HTTP ${response.status}: ${message}`,
        response.status,
      );
    }
    return body;
  }

  /**
   * Names of the clusters the Kubernetes backend lets this user see. Without
   * this list nothing can be answered, so its failure fails the request: 403
   * when the Kubernetes backend refuses the user, 503 otherwise.
   *
   * Asked once per request object: a route that composes several services
   * (the fleet page asks health, conformance and cost for each cluster)
   * passes them the same request, and they share one listing.
   */
  listClusters(request: ClusterReadRequest): Promise<string[]> {
    let listed = this.listed.get(request);
    if (!listed) {
      listed = this.fetchClusterNames(request);
      this.listed.set(request, listed);
    }
    return listed;
  }

  private async fetchClusterNames(ctx: CallContext): Promise<string[]> {
    const base = await this.deps.discovery.getBaseUrl('kubernetes');
    let body: any;
    try {
      body = await this.getJson(
        `${base}/clusters`,
        await this.userHeaders(ctx),
        ctx,
      );
    } catch (error) {
      if (
        error instanceof ClusterRequestError &&
        (error.statusCode === 401 || error.statusCode === 403)
      ) {
        throw new NotAllowedError(
          `The Kubernetes backend refused to list clusters for this user (${error.message})`,
        );
      }
      throw new ServiceUnavailableError(
        `Could not list clusters from the Kubernetes backend`,
        error,
      );
    }
    const items: any[] = Array.isArray(body?.items) ? body.items : [];
    return items.map(i => String(i?.name)).filter(Boolean);
  }

  /**
   * GET one API path on a cluster through the Kubernetes backend's proxy.
   * `accept` asks for another JSON representation (a server-side Table, say).
   */
  async get(
    cluster: string,
    knownClusters: readonly string[],
    apiPath: string,
    ctx: CallContext,
    options: { accept?: string } = {},
  ): Promise<any> {
    assertReadablePath(apiPath);
    this.assertRead(apiPath);
    if (options.accept && !/^application\/json\b/.test(options.accept)) {
      throw new InputError(
        `Accept must be a JSON media type, got '${options.accept}'`,
      );
    }
    assertKnownCluster(cluster, knownClusters);
    const base = await this.deps.discovery.getBaseUrl('kubernetes');
    return this.getJson(
      `${base}/proxy${apiPath}`,
      {
        ...(await this.headers(ctx)),
        [HEADER_CLUSTER]: cluster,
        ...(options.accept ? { Accept: options.accept } : {}),
      },
      ctx,
    );
  }

  /**
   * GET one API path as text, holding at most `maxBytes` of the body
   * (`maxErrorBytes` of an error's): a cluster that ignores the path's own
   * limits is cut off there, not read to the end. The status comes back with
   * the text for the caller to judge. The allow-list admits one text read,
   * the evidence feature's bounded previous-container log.
   */
  async getText(
    cluster: string,
    knownClusters: readonly string[],
    apiPath: string,
    ctx: CallContext,
    limits: { maxBytes: number; maxErrorBytes: number },
  ): Promise<{ status: number; ok: boolean; bytes: Buffer; cut: boolean }> {
    assertReadablePath(apiPath);
    this.assertRead(apiPath);
    assertKnownCluster(cluster, knownClusters);
    const base = await this.deps.discovery.getBaseUrl('kubernetes');
    const headers = {
      ...(await this.headers(ctx)),
      [HEADER_CLUSTER]: cluster,
      Accept: 'text/plain, application/json',
    };
    const started = performance.now();
    const response = await fetch(`${base}/proxy${apiPath}`, {
      method: 'GET',
      headers,
      signal: ctx.signal,
    });
    const { bytes, cut } = await readUpTo(
      response,
      response.ok ? limits.maxBytes : limits.maxErrorBytes,
    );
    ctx.onLatency?.(performance.now() - started);
    return { status: response.status, ok: response.ok, bytes, cut };
  }

  /**
   * Whether a Secret exists, and nothing more: the one way Paved may touch a
   * Secret. It asks for PartialObjectMetadata (never the object, so no
   * `data`), reads only the status code and throws the body away unread.
   * True on 200, false on 404; anything else (403, 500) is an error, since
   * "could not tell" is not "absent".
   */
  async secretExists(
    cluster: string,
    knownClusters: readonly string[],
    namespace: string,
    name: string,
    ctx: CallContext,
  ): Promise<boolean> {
    const dns = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
    if (!dns.test(namespace) || !dns.test(name)) {
      throw new InputError(
        `Not a Secret name: '${namespace}/${name}' (namespace and name must be DNS names)`,
      );
    }
    assertKnownCluster(cluster, knownClusters);
    const base = await this.deps.discovery.getBaseUrl('kubernetes');
    const started = performance.now();
    const response = await fetch(
      `${base}/proxy/api/v1/namespaces/${namespace}/secrets/${name}`,
      {
        method: 'GET',
        headers: {
          ...(await this.headers(ctx)),
          [HEADER_CLUSTER]: cluster,
          Accept:
            'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
        },
        signal: ctx.signal,
      },
    );
    // Never read: even metadata is more than the answer needs. Not awaited:
    // some stream sources never settle a cancel.
    response.body?.cancel().catch(() => {});
    ctx.onLatency?.(performance.now() - started);
    if (response.status === 200) return true;
    if (response.status === 404) return false;
    throw new ClusterRequestError(
      `HTTP ${response.status}: could not check Secret ${namespace}/${name}`,
      response.status,
    );
  }

  /**
   * Lists a kind page by page (`limit`/`continue`) and hands each item to
   * `onItem`, so only one page is held at a time however big the cluster.
   */
  async list(options: ClusterListOptions): Promise<void> {
    const {
      cluster,
      knownClusters,
      apiPath,
      query = {},
      onItem,
      ctx,
    } = options;
    // Checked for this caller's feature before any shared read is followed.
    assertReadablePath(apiPath);
    this.assertRead(apiPath);
    assertKnownCluster(cluster, knownClusters);
    const shared = ctx.sharedLists?.list(
      cluster,
      apiPath,
      query,
      (each, signal) =>
        this.listPages({
          ...options,
          query,
          onItem: each,
          ctx: { ...ctx, signal },
        }),
      onItem,
      ctx.signal,
    );
    return shared ?? this.listPages({ ...options, query });
  }

  private async listPages(options: ClusterListOptions): Promise<void> {
    const { cluster, knownClusters, apiPath, query, pageSize, onItem, ctx } =
      options;
    let continueToken: string | undefined;
    do {
      const params = new URLSearchParams({
        ...query,
        limit: String(pageSize),
        ...(continueToken ? { continue: continueToken } : {}),
      });
      const page = await this.get(
        cluster,
        knownClusters,
        `${apiPath}?${params}`,
        ctx,
      );
      // List items omit kind; put it back so the signals can tell them apart.
      const kind =
        typeof page?.kind === 'string'
          ? page.kind.replace(/List$/, '')
          : undefined;
      for (const item of Array.isArray(page?.items) ? page.items : []) {
        onItem(kind && !item.kind ? { ...item, kind } : item);
      }
      continueToken = page?.metadata?.continue || undefined;
    } while (continueToken);
  }
}
