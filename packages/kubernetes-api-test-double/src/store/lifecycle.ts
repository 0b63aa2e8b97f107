import { randomUUID } from 'node:crypto';
import { ResourceType } from '../resources/types';
import {
  deepCopy,
  deepEqual,
  isPlainObject,
  JsonObject,
  KubeObject,
} from '../types';

export interface CreateContext {
  now: string;
  uid?: string;
  /** Allocates a Service ClusterIP; left unset when the caller does not care. */
  allocateClusterIP?: () => string;
}

/** Whether the API server keeps metadata.generation for this kind. */
export function tracksGeneration(rt: ResourceType, obj: KubeObject): boolean {
  return Boolean(rt.fromCrd) || (rt.group !== '' && obj.spec !== undefined);
}

export function hasStatusSubresource(rt: ResourceType): boolean {
  return Boolean(rt.subresources?.includes('status'));
}

const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The 5-character suffix generateName gets (apiserver's names.SimpleNameGenerator). */
export function generateNameSuffix(): string {
  let s = '';
  for (let i = 0; i < 5; i++) {
    s +=
      NAME_SUFFIX_ALPHABET[
        Math.floor(Math.random() * NAME_SUFFIX_ALPHABET.length)
      ];
  }
  return s;
}

/** Server-set fields on create: identity, timestamps, generation, defaults, reset status. */
export function prepareForCreate(
  rt: ResourceType,
  input: KubeObject,
  ctx: CreateContext,
): KubeObject {
  const obj = deepCopy(input);
  const meta = obj.metadata;
  if (!meta.name && meta.generateName)
    meta.name = `${meta.generateName}${generateNameSuffix()}`;
  meta.uid = ctx.uid ?? randomUUID();
  meta.creationTimestamp = ctx.now;
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  if (tracksGeneration(rt, obj)) meta.generation = 1;
  else delete meta.generation;
  if (hasStatusSubresource(rt)) delete obj.status;
  applyDefaults(rt, obj, ctx);
  return obj;
}

/**
 * Server-set fields on update: identity and creation time cannot change,
 * generation moves when the spec does, and status only changes through the
 * status subresource (or, with scope "status", only status changes).
 */
export function prepareForUpdate(
  rt: ResourceType,
  old: KubeObject,
  input: KubeObject,
  scope: 'main' | 'status' | 'all',
): KubeObject {
  let obj = deepCopy(input);
  if (scope === 'status') {
    obj = { ...deepCopy(old), status: obj.status };
  } else if (scope === 'main') {
    if (old.status === undefined) delete obj.status;
    else obj.status = deepCopy(old.status);
  }
  const meta = obj.metadata;
  meta.uid = old.metadata.uid;
  meta.creationTimestamp = old.metadata.creationTimestamp;
  meta.name = old.metadata.name;
  meta.namespace = old.metadata.namespace;
  meta.deletionTimestamp = old.metadata.deletionTimestamp;
  if (meta.deletionTimestamp === undefined) delete meta.deletionTimestamp;
  if (old.metadata.deletionGracePeriodSeconds !== undefined) {
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
  }
  if (tracksGeneration(rt, obj)) {
    const prev = old.metadata.generation ?? 1;
    meta.generation = specChanged(old, obj) ? prev + 1 : prev;
  } else {
    delete meta.generation;
  }
  return obj;
}

// Everything but metadata and status counts as spec, as for custom resources.
function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => {
    const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = o;
    return rest;
  };
  return !deepEqual(strip(a), strip(b));
}

function applyDefaults(
  rt: ResourceType,
  obj: KubeObject,
  ctx: CreateContext,
): void {
  const spec = isPlainObject(obj.spec) ? obj.spec : undefined;
  const key = `${rt.group}/${rt.kind}`;
  if (key === '/Namespace') {
    obj.metadata.labels = {
      ...obj.metadata.labels,
      'kubernetes.io/metadata.name': obj.metadata.name ?? '',
    };
    obj.spec = { finalizers: ['kubernetes'], ...spec };
    obj.status = { phase: 'Active' };
  } else if (key === '/Pod' && spec) {
    spec.restartPolicy ??= 'Always';
    spec.dnsPolicy ??= 'ClusterFirst';
    spec.schedulerName ??= 'default-scheduler';
    spec.terminationGracePeriodSeconds ??= 30;
    obj.status = { phase: 'Pending', qosClass: qosClass(spec) };
  } else if (key === '/Service' && spec) {
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    if (
      spec.type !== 'ExternalName' &&
      spec.clusterIP === undefined &&
      ctx.allocateClusterIP
    ) {
      spec.clusterIP = ctx.allocateClusterIP();
      spec.clusterIPs = [spec.clusterIP];
    }
  } else if (
    ['apps/Deployment', 'apps/StatefulSet', 'apps/ReplicaSet'].includes(key) &&
    spec
  ) {
    spec.replicas ??= 1;
  }
}

/** Pod QoS class from container requests and limits (Guaranteed, Burstable, BestEffort). */
export function qosClass(podSpec: JsonObject): string {
  const containers = (
    Array.isArray(podSpec.containers) ? podSpec.containers : []
  ).filter(isPlainObject);
  let anySet = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const resources = isPlainObject(c.resources) ? c.resources : {};
    const requests = isPlainObject(resources.requests)
      ? resources.requests
      : {};
    const limits = isPlainObject(resources.limits) ? resources.limits : {};
    if (Object.keys(requests).length || Object.keys(limits).length)
      anySet = true;
    for (const r of ['cpu', 'memory']) {
      if (
        limits[r] === undefined ||
        (requests[r] !== undefined && requests[r] !== limits[r])
      ) {
        guaranteed = false;
      }
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
