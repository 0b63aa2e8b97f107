import { ApiContext, ApiResponse, json } from '../http/context';
import { ResourceRequest } from '../http/requestInfo';
import {
  ApiError,
  methodNotAllowed,
  notFound,
  statusForCode,
} from '../http/status';
import { isPlainObject, KubeObject } from '../types';
import { AllocationStep, queryAllocationsJson } from './allocations';
import { ObjectStore } from '../store/objectStore';
import { clusterCapacity, costSubjects, CostSubject } from './subjects';
import { OpenCostParamError } from './window';

/** Services with this label value get the double's OpenCost behind them. */
export const OPENCOST_APP_LABEL = 'app.kubernetes.io/name';
export const OPENCOST_APP_NAME = 'opencost';
/**
 * On the OpenCost Deployment: when its data starts, an RFC 3339 time or
 * `P<n>D` (n days before now). Default: the Deployment's creation time.
 */
export const DATA_START_ANNOTATION = 'paved.dev/opencost-data-start';

const SERVICE_RT = { group: '', plural: 'services' };

const noEndpoints = (target: string) =>
  new ApiError(
    statusForCode(503, `no endpoints available for service "${target}"`),
  );

/** Whether this request is `services/<name>/proxy/...`. */
export function isServiceProxy(info: ResourceRequest): boolean {
  return (
    info.group === '' &&
    info.resource === 'services' &&
    info.name !== undefined &&
    (info.subresource === 'proxy' || !!info.subresource?.startsWith('proxy/'))
  );
}

function matches(
  selector: unknown,
  labels: Record<string, string> | undefined,
) {
  return (
    isPlainObject(selector) &&
    Object.keys(selector).length > 0 &&
    Object.entries(selector).every(([k, v]) => labels?.[k] === v)
  );
}

interface CostInputs {
  revision: number;
  cluster: string;
  subjects: CostSubject[];
  capacity: { cpu: number; ram: number };
  stepCache: Map<string, AllocationStep>;
}
const inputsByStore = new WeakMap<ObjectStore, CostInputs>();

/**
 * The store's cost subjects and capacity, and the steps already answered,
 * kept until the store changes: reading every Pod (deep copies) and charging
 * every day again on each query made the double, not the route, the slow
 * part of the cost bench. Any write to the store starts afresh.
 */
function costInputs(store: ObjectStore, cluster: string): CostInputs {
  const kept = inputsByStore.get(store);
  if (kept && kept.revision === store.revision && kept.cluster === cluster) {
    return kept;
  }
  const inputs: CostInputs = {
    revision: store.revision,
    cluster,
    subjects: costSubjects(store, cluster),
    capacity: clusterCapacity(store),
    stepCache: new Map(),
  };
  inputsByStore.set(store, inputs);
  return inputs;
}

function dataStartOf(deployment: KubeObject, now: Date): number {
  const raw = deployment.metadata.annotations?.[DATA_START_ANNOTATION];
  const days = raw ? /^P(\d+)D$/.exec(raw) : null;
  if (days) return now.getTime() - Number(days[1]) * 86_400_000;
  const at = raw ? Date.parse(raw) : NaN;
  if (Number.isFinite(at)) return at;
  return Date.parse(deployment.metadata.creationTimestamp ?? '') || 0;
}

/**
 * `GET /api/v1/namespaces/{ns}/services/[scheme:]{name}[:{port}]/proxy/{path}`,
 * the API server's service proxy. Like a real one it answers 404 when the
 * Service does not exist and 503 when nothing ready is behind it; the only
 * thing the double can put behind a Service is OpenCost's allocation API.
 */
export function serviceProxy(
  ctx: ApiContext,
  info: ResourceRequest,
  url: URL,
  method: string,
): ApiResponse {
  const parts = info.name!.split(':');
  const [name, port] =
    parts.length === 3 ? [parts[1], parts[2]] : [parts[0], parts[1]];
  const target = port ? `${name}:${port}` : name;
  const ns = info.namespace ?? 'default';
  const service = ctx.store.find('v1', 'Service', ns, name);
  if (!service) throw notFound(SERVICE_RT, name);
  const spec = isPlainObject(service.spec) ? service.spec : {};
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  if (
    port &&
    !ports.some((p: any) => String(p?.port) === port || p?.name === port)
  ) {
    throw noEndpoints(target);
  }
  const isOpenCost =
    service.metadata.labels?.[OPENCOST_APP_LABEL] === OPENCOST_APP_NAME;
  const deployment = ctx.store
    .listObjects('apps/v1', 'Deployment', ns)
    .find(d =>
      matches(spec.selector, (d.spec as any)?.template?.metadata?.labels),
    );
  const ready = Number((deployment?.status as any)?.readyReplicas ?? 0) > 0;
  if (!isOpenCost || !deployment || !ready) throw noEndpoints(target);
  if (method !== 'GET') throw methodNotAllowed();

  const path = `/${(info.subresource ?? 'proxy')
    .split('/')
    .slice(1)
    .join('/')}`;
  if (path === '/healthz') return { type: 'text', status: 200, body: 'ok' };
  if (path !== '/allocation' && path !== '/allocation/compute') {
    return { type: 'text', status: 404, body: '404 page not found' };
  }
  const env: any[] =
    (deployment.spec as any)?.template?.spec?.containers?.[0]?.env ?? [];
  const cluster =
    env.find(e => e?.name === 'CLUSTER_ID')?.value ?? 'default-cluster';
  try {
    const inputs = costInputs(ctx.store, cluster);
    const chunks = queryAllocationsJson(url.searchParams, {
      subjects: inputs.subjects,
      capacity: inputs.capacity,
      stepCache: inputs.stepCache,
      cluster,
      dataStart: dataStartOf(deployment, ctx.now()),
      now: ctx.now(),
      filterSupported: path === '/allocation',
    });
    // Written as pieces (the reused text of past steps), still one JSON body.
    return {
      type: 'stream',
      status: 200,
      open: sink => {
        for (const chunk of chunks) sink.write(chunk);
        sink.end();
        return () => {};
      },
    };
  } catch (e) {
    if (e instanceof OpenCostParamError) {
      return json(400, {
        code: 400,
        status: '',
        data: null,
        message: e.message,
      });
    }
    throw e;
  }
}
