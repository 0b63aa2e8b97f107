import { podLog } from '../kubelet/podLogs';
import { applyMergePatch } from '../patch/mergePatch';
import { deepCopy, isPlainObject, JsonObject, KubeObject } from '../types';
import { decodeBody, mediaType } from './body';
import { ApiResponse } from './context';
import {
  ApiError,
  badRequest,
  notFound,
  statusForCode,
  unsupportedMediaType,
} from './status';
import { replaceObject, WriteRequest } from './writeHandlers';
import { parseWriteOptions } from './writeOptions';

function intParam(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n))
    throw badRequest(`${name}: Invalid value: "${v}": must be an integer`);
  return n;
}

/** GET pods/<name>/log: text/plain, like the kubelet proxied through the API server. */
export function podLogs(w: WriteRequest): ApiResponse {
  const pod = w.ctx.store.get(w.rt, w.info.namespace, w.info.name!);
  if (!pod) throw notFound(w.rt, w.info.name!);
  const nodeType = w.ctx.registry.find('', 'v1', 'nodes')!;
  // Unknown nodes are taken as reachable; a NotReady one cannot serve logs.
  const nodeReady = (nodeName: string) => {
    const node = w.ctx.store.get(nodeType, undefined, nodeName);
    if (!node) return true;
    const conditions = isPlainObject(node.status)
      ? node.status.conditions
      : undefined;
    return (
      Array.isArray(conditions) &&
      conditions.some(
        c => isPlainObject(c) && c.type === 'Ready' && c.status === 'True',
      )
    );
  };
  const result = podLog(
    pod,
    {
      container: w.query.get('container') ?? undefined,
      previous: ['true', '1'].includes(w.query.get('previous') ?? ''),
      tailLines: intParam(w.query, 'tailLines'),
      limitBytes: intParam(w.query, 'limitBytes'),
      timestamps: ['true', '1'].includes(w.query.get('timestamps') ?? ''),
    },
    w.ctx.logs,
    nodeReady,
  );
  if (!result.ok)
    throw new ApiError(statusForCode(result.code, result.message));
  return { type: 'text', status: 200, body: result.text };
}

function toScale(obj: KubeObject): JsonObject {
  const spec = isPlainObject(obj.spec) ? obj.spec : {};
  const status = isPlainObject(obj.status) ? obj.status : {};
  const selector =
    isPlainObject(spec.selector) && isPlainObject(spec.selector.matchLabels)
      ? Object.entries(spec.selector.matchLabels)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')
      : '';
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, selector },
  };
}

/** The scale subresource: an autoscaling/v1 Scale view of spec.replicas. */
export function scale(w: WriteRequest, method: string): ApiResponse {
  const live = w.ctx.store.get(w.rt, w.info.namespace, w.info.name!);
  if (!live) throw notFound(w.rt, w.info.name!);
  if (method === 'GET')
    return { type: 'json', status: 200, body: toScale(live) };

  let desired: unknown;
  if (method === 'PUT') {
    desired = decodeBody(w.req.body, 'application/json');
  } else {
    const type = mediaType(w.req.headers['content-type']);
    if (
      type !== 'application/merge-patch+json' &&
      type !== 'application/strategic-merge-patch+json'
    ) {
      throw unsupportedMediaType(type, [
        'application/merge-patch+json',
        'application/strategic-merge-patch+json',
      ]);
    }
    parseWriteOptions('PatchOptions', w.query);
    desired = applyMergePatch(
      toScale(live),
      decodeBody(w.req.body, 'application/json'),
    );
  }
  const replicas =
    isPlainObject(desired) && isPlainObject(desired.spec)
      ? desired.spec.replicas
      : undefined;
  if (typeof replicas !== 'number')
    throw badRequest('spec.replicas: Required value');
  const next = deepCopy(live);
  next.spec = { ...(isPlainObject(next.spec) ? next.spec : {}), replicas };
  const body = Buffer.from(JSON.stringify(next));
  const res = replaceObject({
    ...w,
    info: { ...w.info, subresource: undefined },
    skipAdmission: true,
    req: {
      ...w.req,
      body,
      headers: { ...w.req.headers, 'content-type': 'application/json' },
    },
  });
  if (res.type !== 'json') return res;
  return { type: 'json', status: 200, body: toScale(res.body as KubeObject) };
}
