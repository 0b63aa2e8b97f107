import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { http, HttpResponse } from 'msw';
import { ClusterAccess } from '../clusters/ClusterAccess';
import { ConformanceService } from '../conformance/ConformanceService';
import { HealthService } from '../health/HealthService';

/**
 * The Kubernetes backend as msw handlers: `GET /clusters`, and `/proxy/*`
 * answering each cluster's API paths with List JSON shaped as kube-apiserver
 * writes it (list `kind`, `metadata.resourceVersion`, items without
 * kind/apiVersion). Paths a test does not give answer an empty list of the
 * right kind, as a real cluster with nothing of that kind does.
 */
export const BACKSTAGE = 'http://backstage.test/api';

/** A path's answer: a body, or a function of the request URL. */
export type PathAnswer =
  | Record<string, unknown>
  | ((url: URL) => Record<string, unknown> | Response);

export type FakeClusters = Record<string, Record<string, PathAnswer>>;

/** `{kind: <Kind>List, apiVersion, metadata, items}`, items stripped of kind. */
export function list(
  apiVersion: string,
  kind: string,
  items: Record<string, any>[] | null,
): Record<string, unknown> {
  return {
    kind: `${kind}List`,
    apiVersion,
    metadata: { resourceVersion: '4711' },
    items:
      items === null
        ? null
        : items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest),
  };
}

const EMPTY: Record<string, [string, string]> = {
  pods: ['v1', 'Pod'],
  nodes: ['v1', 'Node'],
  events: ['v1', 'Event'],
  namespaces: ['v1', 'Namespace'],
  resourcequotas: ['v1', 'ResourceQuota'],
  limitranges: ['v1', 'LimitRange'],
  deployments: ['apps/v1', 'Deployment'],
  statefulsets: ['apps/v1', 'StatefulSet'],
  daemonsets: ['apps/v1', 'DaemonSet'],
  horizontalpodautoscalers: ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  poddisruptionbudgets: ['policy/v1', 'PodDisruptionBudget'],
  networkpolicies: ['networking.k8s.io/v1', 'NetworkPolicy'],
};

const notFound = (path: string) =>
  HttpResponse.json(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `the server could not find the requested resource (get ${path})`,
      reason: 'NotFound',
      code: 404,
    },
    { status: 404 },
  );

/** A dotted field of an object, as a field selector names it. */
const fieldOf = (obj: any, path: string): string => {
  const value = path
    .split('.')
    .reduce((o, key) => (o === undefined || o === null ? o : o[key]), obj);
  return value === undefined || value === null ? '' : String(value);
};

/**
 * Applies a `fieldSelector` (`a=b`, `a==b`, `a!=b`, comma-joined) to a List
 * body, as the apiserver does before answering.
 */
function selectFields(
  body: Record<string, unknown>,
  fieldSelector: string | null,
): Record<string, unknown> {
  if (!fieldSelector || !Array.isArray(body.items)) return body;
  const terms = fieldSelector.split(',').map(term => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
    if (!m) throw new Error(`fake proxy: bad field selector term '${term}'`);
    return { path: m[1], negate: m[2] === '!=', value: m[3] };
  });
  return {
    ...body,
    items: body.items.filter(item =>
      terms.every(t => (fieldOf(item, t.path) === t.value) !== t.negate),
    ),
  };
}

/** Every request the fake proxy saw: cluster, path and query. */
export interface SeenRequest {
  cluster: string | null;
  path: string;
  query: Record<string, string>;
}

export function kubernetesBackendHandlers(
  clusters: FakeClusters,
  seen: SeenRequest[] = [],
) {
  return [
    http.get(`${BACKSTAGE}/kubernetes/clusters`, () =>
      HttpResponse.json({
        items: Object.keys(clusters).map(name => ({
          name,
          authProvider: 'serviceAccount',
        })),
      }),
    ),
    http.get(`${BACKSTAGE}/kubernetes/proxy/*`, ({ request }) => {
      const url = new URL(request.url);
      const cluster = request.headers.get('Backstage-Kubernetes-Cluster');
      const path = url.pathname.replace('/api/kubernetes/proxy', '');
      seen.push({
        cluster,
        path,
        query: Object.fromEntries(url.searchParams),
      });
      const paths = cluster ? clusters[cluster] : undefined;
      if (!paths) return notFound(path);
      const answer = paths[path];
      if (typeof answer === 'function') {
        const out = answer(url);
        return out instanceof Response
          ? out
          : HttpResponse.json(
              selectFields(out, url.searchParams.get('fieldSelector')),
            );
      }
      if (answer) {
        return HttpResponse.json(
          selectFields(answer, url.searchParams.get('fieldSelector')),
        );
      }
      const plural = path.split('/').pop() ?? '';
      const empty = EMPTY[plural];
      return empty
        ? HttpResponse.json(list(empty[0], empty[1], []))
        : notFound(path);
    }),
  ];
}

/** The real services over the real ClusterAccess, against msw's backend. */
export function servicesFor(entities: Entity[]) {
  const access = new ClusterAccess({
    auth: mockServices.auth(),
    discovery: {
      getBaseUrl: async (id: string) => `${BACKSTAGE}/${id}`,
    } as any,
  });
  const deps = {
    access,
    catalog: catalogServiceMock({ entities }),
    logger: mockServices.logger.mock(),
    options: {
      clusterTimeoutMs: 10_000,
      pageSize: 500,
      cacheTtlMs: 0,
      inspectLimit: 2,
    },
  };
  return {
    health: new HealthService(deps),
    conformance: new ConformanceService(deps),
    request: {
      credentials: mockCredentials.user(),
      clusterAuthHeaders: {},
    },
  };
}

/** ISO time `minutes` before now, as the API writes it (no milliseconds). */
export const ago = (minutes: number) =>
  `${new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 19)}Z`;
