import { isPlainObject, KubeObject } from '../types';
import { SelectorError } from './errors';
import { FieldRequirement } from './fieldSelector';

type Extractor = (obj: KubeObject) => unknown;

const get =
  (...path: string[]): Extractor =>
  obj => {
    let cur: unknown = obj;
    for (const p of path) {
      if (!isPlainObject(cur)) return undefined;
      cur = cur[p];
    }
    return cur;
  };

const podIP: Extractor = obj => {
  const ips = get('status', 'podIPs')(obj);
  if (Array.isArray(ips) && isPlainObject(ips[0])) return ips[0].ip;
  return get('status', 'podIP')(obj);
};

const eventSource: Extractor = obj =>
  get('source', 'component')(obj) || get('reportingController')(obj);

/**
 * Field labels each kind supports beyond metadata.name/metadata.namespace,
 * as the real server's GetAttrs/field label conversion functions define them.
 */
const KIND_FIELDS: Record<string, Record<string, Extractor>> = {
  '/Pod': {
    'spec.nodeName': get('spec', 'nodeName'),
    'spec.restartPolicy': get('spec', 'restartPolicy'),
    'spec.schedulerName': get('spec', 'schedulerName'),
    'spec.serviceAccountName': get('spec', 'serviceAccountName'),
    'spec.hostNetwork': obj => Boolean(get('spec', 'hostNetwork')(obj)),
    'status.phase': get('status', 'phase'),
    'status.podIP': podIP,
    'status.nominatedNodeName': get('status', 'nominatedNodeName'),
  },
  '/Event': {
    'involvedObject.kind': get('involvedObject', 'kind'),
    'involvedObject.namespace': get('involvedObject', 'namespace'),
    'involvedObject.name': get('involvedObject', 'name'),
    'involvedObject.uid': get('involvedObject', 'uid'),
    'involvedObject.apiVersion': get('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': get('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': get('involvedObject', 'fieldPath'),
    reason: get('reason'),
    reportingComponent: get('reportingComponent'),
    source: eventSource,
    type: get('type'),
  },
  '/Node': {
    'spec.unschedulable': obj => Boolean(get('spec', 'unschedulable')(obj)),
  },
  '/Secret': { type: get('type') },
  '/Namespace': { 'status.phase': get('status', 'phase') },
  '/Service': {
    'spec.clusterIP': get('spec', 'clusterIP'),
    'spec.type': get('spec', 'type'),
  },
  'apps/ReplicaSet': {
    'status.replicas': obj => get('status', 'replicas')(obj) ?? 0,
  },
  'batch/Job': {
    'status.successful': obj => get('status', 'succeeded')(obj) ?? 0,
  },
};

function fieldsFor(group: string, kind: string): Record<string, Extractor> {
  return {
    'metadata.name': get('metadata', 'name'),
    'metadata.namespace': get('metadata', 'namespace'),
    ...KIND_FIELDS[`${group}/${kind}`],
  };
}

/** Rejects selectors naming a field the kind does not support (400, like the real server). */
export function checkFieldLabels(
  group: string,
  kind: string,
  reqs: FieldRequirement[],
): void {
  const supported = fieldsFor(group, kind);
  for (const r of reqs) {
    if (!(r.field in supported)) {
      throw new SelectorError(`field label not supported: ${r.field}`);
    }
  }
}

/** The selectable field values of an object, as strings ("" when unset). */
export function fieldValues(
  group: string,
  kind: string,
  obj: KubeObject,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, extract] of Object.entries(fieldsFor(group, kind))) {
    const v = extract(obj);
    out[field] = v === undefined || v === null ? '' : String(v);
  }
  return out;
}
