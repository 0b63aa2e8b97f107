import type * as ClientNode from '@kubernetes/client-node';
import {
  ApiDiscovery,
  KindNotServedError,
  KubeManifest,
  objectPath,
} from '@paved/plugin-paved-common';
import { ConfiguredCluster } from '../clusters/configuredClusters';

/** Each request's upper bound, as the scaffolder's own client had. */
const REQUEST_TIMEOUT_MS = 30_000;
const USER_AGENT = 'paved-scaffolder';

type ClientNodeModule = typeof ClientNode;
let clientNode: Promise<ClientNodeModule> | undefined;

/**
 * @kubernetes/client-node 1.x is ESM only. Node 22 and Jest `require` it;
 * elsewhere fall back to a native dynamic import (as validate/models.ts
 * loads kubernetes-models).
 */
function loadClientNode(): Promise<ClientNodeModule> {
  clientNode ??= (async () => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require('@kubernetes/client-node');
    } catch {
      return import('@kubernetes/client-node');
    }
  })();
  return clientNode;
}

/** An answer as the scaffolder's messages describe it: HTTP status and body (parsed JSON when it is JSON). */
export type KubeResponse = { status: number; body: any };

/** The status and body of a client-node ApiException; undefined for other errors (network, timeout). */
export function responseOf(error: unknown): KubeResponse | undefined {
  const e = error as { code?: unknown; body?: unknown; name?: string };
  if (!e || typeof e.code !== 'number' || !('body' in e)) return undefined;
  let body: unknown = e.body;
  if (typeof body === 'string') {
    try {
      body = body ? JSON.parse(body) : undefined;
    } catch {
      // not JSON: keep the text for the error message
    }
  }
  return { status: e.code, body };
}

/** Resolves to the answer, 2xx or not; rejects only when no answer came (network, timeout). */
export async function answerOf(call: Promise<unknown>): Promise<KubeResponse> {
  try {
    return { status: 200, body: await call };
  } catch (error) {
    const res = responseOf(error);
    if (res) return res;
    throw error;
  }
}

/**
 * node-fetch words a failed connection as `request to <url> failed, reason:
 * <why>`; Paved's messages already name the object, so keep only the why,
 * as the scaffolder's own client did.
 */
function withoutFetchWording(error: unknown): unknown {
  const e = error as { name?: string; type?: string; message?: string };
  if (e?.name !== 'FetchError' || e.type !== 'system' || !e.message)
    return error;
  const why = /^request to \S+ failed, reason: ([\s\S]*)$/.exec(e.message);
  return why ? new Error(why[1], { cause: error }) : error;
}

/** What the scaffolder does on one configured cluster, through @kubernetes/client-node (ADR 0005). */
export interface ClusterClient {
  /** The cluster's API discovery, shared with paved-backend (paved-common, ADR 0006). */
  readonly discovery: ApiDiscovery;
  /** GET of one object; rejects with the ApiException of a non-2xx answer. */
  read(o: KubeManifest): Promise<any>;
  /** The objects of a kind (in one namespace, by label selector), as the server lists them. */
  list(
    apiVersion: string,
    kind: string,
    options: { namespace?: string; labelSelector?: string },
  ): Promise<any>;
  /** DELETE of one object; rejects with the ApiException of a non-2xx answer. */
  delete(
    o: KubeManifest,
    options: { propagationPolicy: 'Background' | 'Foreground' | 'Orphan' },
  ): Promise<any>;
  /** Server-side apply of one object, sent exactly as given. */
  serverSideApply(
    o: KubeManifest,
    options: { fieldManager: string; force: boolean; dryRun: boolean },
  ): Promise<any>;
  /** One CustomResourceDefinition (for its conditions). */
  readCrd(name: string): Promise<ClientNode.V1CustomResourceDefinition>;
  /** One cluster-scoped custom object, as the server returns it. */
  readClusterCustomObject(ref: {
    group: string;
    version: string;
    plural: string;
    name: string;
  }): Promise<any>;
}

/**
 * A client for a configured cluster: its URL, CA or skipTLSVerify, and its
 * service account token, with no kubeconfig on the backend's disk.
 */
export async function connectCluster(
  cluster: ConfiguredCluster,
  limits: { timeoutMs?: number } = {},
): Promise<ClusterClient> {
  const timeoutMs = limits.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const k8s = await loadClientNode();
  const server = cluster.url.replace(/\/+$/, '');
  const kc = new k8s.KubeConfig();
  kc.loadFromClusterAndUser(
    {
      name: cluster.name,
      server,
      caData: cluster.caData,
      // client-node refuses http:// unless TLS verification is off; plain
      // http (the local test double) has no TLS to verify.
      skipTLSVerify: cluster.skipTLSVerify || server.startsWith('http:'),
    },
    { name: USER_AGENT, token: cluster.serviceAccountToken },
  );
  const fetchLibrary = new k8s.IsomorphicFetchHttpLibrary();
  const configuration = k8s.createConfiguration({
    baseServer: new k8s.ServerConfiguration(server, {}),
    authMethods: { default: kc },
    // client-node sets no timeout of its own.
    httpApi: k8s.wrapHttpLibrary({
      async send(ctx) {
        ctx.setHeaderParam('User-Agent', USER_AGENT);
        ctx.setSignal(AbortSignal.timeout(timeoutMs));
        try {
          return await fetchLibrary.send(ctx).toPromise();
        } catch (error) {
          if (ctx.getSignal()?.aborted) {
            throw new Error(
              `${ctx.getHttpMethod()} ${
                new URL(ctx.getUrl()).pathname
              } timed out`,
            );
          }
          throw withoutFetchWording(error);
        }
      },
    }),
  });

  /**
   * client-node's KubernetesObjectApi (auth, TLS, requests, ApiException)
   * with three of its steps replaced so that objects reach the cluster and
   * come back as they are:
   * - discovery is Paved's (paved-common), the same as paved-backend's;
   * - paths keep the object's name as it is (client-node lowercases them);
   * - bodies are JSON as written and as answered: client-node's typed
   *   models drop fields they do not know and schema keywords they rename
   *   (`enum`, `default`, `x-kubernetes-*` in a CRD; upstream
   *   kubernetes-client/javascript#2962), which would change what is applied.
   */
  class PavedObjectApi extends k8s.KubernetesObjectApi {
    readonly discovery = new ApiDiscovery(
      path => this.get(path),
      error => responseOf(error)?.status === 404,
    );

    private get(path: string): Promise<unknown> {
      const ctx = this.configuration.baseServer.makeRequestContext(
        path,
        k8s.HttpMethod.GET,
      );
      ctx.setHeaderParam('Accept', 'application/json, */*;q=0.8');
      return this.requestPromise(ctx);
    }

    protected async resource(
      apiVersion: string,
      kind: string,
    ): Promise<ClientNode.V1APIResource | undefined> {
      try {
        const served = await this.discovery.byApiVersion(apiVersion, kind);
        return {
          name: served.plural,
          namespaced: served.namespaced,
          kind,
          singularName: '',
          verbs: [],
        };
      } catch (error) {
        if (error instanceof KindNotServedError) return undefined;
        throw error;
      }
    }

    protected async specUriPath(
      spec: ClientNode.KubernetesObject,
      action: 'create' | 'delete' | 'patch' | 'read' | 'list' | 'replace',
    ): Promise<string> {
      if (action === 'create' || action === 'list' || !spec.metadata?.name) {
        return super.specUriPath(spec, action);
      }
      const served = await this.discovery.byApiVersion(
        spec.apiVersion ?? 'v1',
        spec.kind ?? '',
      );
      return objectPath(
        served,
        spec.metadata.name,
        spec.metadata.namespace ?? this.defaultNamespace,
      );
    }

    protected async processResponse<T extends ClientNode.KubernetesObject>(
      response: ClientNode.ResponseContext,
    ): Promise<T> {
      if (response.httpStatusCode >= 200 && response.httpStatusCode <= 299) {
        const text = await response.body.text();
        return (text ? JSON.parse(text) : undefined) as T;
      }
      throw new k8s.ApiException(
        response.httpStatusCode,
        'Unsuccessful HTTP Request',
        await response.getBodyAsAny(),
        response.headers,
      );
    }

    async serverSideApply(
      o: KubeManifest,
      options: { fieldManager: string; force: boolean; dryRun: boolean },
    ): Promise<any> {
      // patch(..., PatchStrategy.ServerSideApply) but with the body as written (see above).
      const path = await this.specUriPath(
        o as unknown as ClientNode.KubernetesObject,
        'patch',
      );
      const ctx = this.configuration.baseServer.makeRequestContext(
        path,
        k8s.HttpMethod.PATCH,
      );
      ctx.setHeaderParam('Accept', 'application/json, */*;q=0.8');
      ctx.setHeaderParam('Content-Type', k8s.PatchStrategy.ServerSideApply);
      ctx.setQueryParam('fieldManager', options.fieldManager);
      ctx.setQueryParam('force', String(options.force));
      if (options.dryRun) ctx.setQueryParam('dryRun', 'All');
      ctx.setBody(JSON.stringify(o));
      return this.requestPromise(ctx);
    }
  }

  const objects = new PavedObjectApi(configuration);
  const crds = new k8s.ApiextensionsV1Api(configuration);
  const customObjects = new k8s.CustomObjectsApi(configuration);
  return {
    discovery: objects.discovery,
    read: o =>
      objects.read({
        apiVersion: o.apiVersion,
        kind: o.kind,
        metadata: { name: o.metadata.name, namespace: o.metadata.namespace },
      }),
    list: (apiVersion, kind, options) =>
      objects.list(
        apiVersion,
        kind,
        options.namespace,
        undefined,
        undefined,
        undefined,
        undefined,
        options.labelSelector,
      ),
    delete: (o, options) =>
      objects.delete(
        {
          apiVersion: o.apiVersion,
          kind: o.kind,
          metadata: { name: o.metadata.name, namespace: o.metadata.namespace },
        },
        undefined,
        undefined,
        undefined,
        undefined,
        options.propagationPolicy,
      ),
    serverSideApply: (o, options) => objects.serverSideApply(o, options),
    readCrd: name => crds.readCustomResourceDefinition({ name }),
    readClusterCustomObject: ref => customObjects.getClusterCustomObject(ref),
  };
}
