import { ObjectStore } from '../store/objectStore';
import { isPlainObject, KubeObject } from '../types';
import { quantity, unitHash } from './quantity';

/** One container the double charges for, with what it requests and uses. */
export interface CostSubject {
  cluster: string;
  node?: string;
  namespace: string;
  pod: string;
  container: string;
  controllerKind?: string;
  controller?: string;
  /** Label keys sanitised the way OpenCost does (`.`, `/`, `-` become `_`). */
  labels: Record<string, string>;
  namespaceLabels: Record<string, string>;
  cpuRequest: number;
  ramRequest: number;
  cpuUsage: number;
  ramUsage: number;
  gpus: number;
  pvBytes: number;
  /** Load balancers whose cost this container carries (a share of each). */
  loadBalancers: number;
  /** When the container is taken to have run: [from, to) in ms. */
  activeFrom: number;
  activeTo: number;
}

export const sanitize = (k: string) => k.replace(/[^a-zA-Z0-9_]/g, '_');

const sanitizeAll = (labels: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (isPlainObject(labels)) {
    for (const [k, v] of Object.entries(labels)) out[sanitize(k)] = String(v);
  }
  return out;
};

const time = (o: KubeObject | undefined) =>
  o?.metadata.creationTimestamp
    ? Date.parse(o.metadata.creationTimestamp)
    : NaN;

/**
 * The pod's controller as OpenCost names it (`deployment`, `statefulset`,
 * `daemonset`, `job`), and the object whose age stands for the workload's.
 */
function controllerOf(store: ObjectStore, pod: KubeObject) {
  const ns = pod.metadata.namespace;
  const owner =
    pod.metadata.ownerReferences?.find(o => o.controller) ??
    pod.metadata.ownerReferences?.[0];
  if (!owner) return undefined;
  if (owner.kind === 'ReplicaSet') {
    const rs = store.find('apps/v1', 'ReplicaSet', ns, owner.name);
    const dep = rs?.metadata.ownerReferences?.find(
      o => o.kind === 'Deployment',
    );
    if (dep) {
      return {
        kind: 'deployment',
        name: dep.name,
        root: store.find('apps/v1', 'Deployment', ns, dep.name) ?? rs,
      };
    }
    return { kind: 'replicaset', name: owner.name, root: rs };
  }
  const apiVersion = owner.kind === 'Job' ? 'batch/v1' : 'apps/v1';
  let root: KubeObject | undefined;
  try {
    root = store.find(apiVersion, owner.kind, ns, owner.name);
  } catch {
    root = undefined;
  }
  return { kind: owner.kind.toLowerCase(), name: owner.name, root };
}

function selects(selector: unknown, labels: Record<string, unknown>): boolean {
  if (!isPlainObject(selector) || Object.keys(selector).length === 0)
    return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/**
 * Every container of every scheduled pod, as OpenCost would see it. The
 * double keeps no history, so a controller's current pods are taken to have
 * run since the controller was created (bare pods and jobs since their own
 * creation; finished pods for a quarter of an hour).
 */
export function costSubjects(
  store: ObjectStore,
  cluster: string,
): CostSubject[] {
  const namespaces = new Map(
    store.listObjects('v1', 'Namespace').map(n => [n.metadata.name, n]),
  );
  const lbServices = store
    .listObjects('v1', 'Service')
    .filter(s => isPlainObject(s.spec) && s.spec.type === 'LoadBalancer');
  const out: CostSubject[] = [];
  for (const pod of store.listObjects('v1', 'Pod')) {
    const spec = isPlainObject(pod.spec) ? pod.spec : {};
    const status = isPlainObject(pod.status) ? pod.status : {};
    const phase = String(status.phase ?? '');
    if (phase === 'Pending' || !spec.nodeName) continue;
    const ns = pod.metadata.namespace ?? 'default';
    const podLabels = (pod.metadata.labels ?? {}) as Record<string, unknown>;
    const ctrl = controllerOf(store, pod);
    const created = time(pod);
    const rootCreated = ctrl && ctrl.kind !== 'job' ? time(ctrl.root) : NaN;
    const activeFrom = Number.isFinite(rootCreated) ? rootCreated : created;
    const finished = phase === 'Succeeded' || phase === 'Failed';
    const activeTo = finished ? created + 15 * 60_000 : Infinity;
    let metrics: KubeObject | undefined;
    try {
      metrics = store.find(
        'metrics.k8s.io/v1beta1',
        'PodMetrics',
        ns,
        pod.metadata.name!,
      );
    } catch {
      metrics = undefined;
    }
    const usageOf = (container: string) => {
      const list = Array.isArray((metrics as any)?.containers)
        ? (metrics as any).containers
        : [];
      const c = list.find((x: any) => x?.name === container);
      return c?.usage as Record<string, unknown> | undefined;
    };
    const pvBytes = (Array.isArray(spec.volumes) ? spec.volumes : [])
      .map((v: any) => v?.persistentVolumeClaim?.claimName)
      .filter((n: unknown): n is string => typeof n === 'string')
      .map(name => store.find('v1', 'PersistentVolumeClaim', ns, name))
      .reduce(
        (sum: number, pvc: KubeObject | undefined) =>
          sum + quantity((pvc as any)?.spec?.resources?.requests?.storage),
        0,
      );
    const loadBalancers = lbServices.filter(
      s =>
        s.metadata.namespace === ns &&
        selects((s.spec as any).selector, podLabels),
    ).length;
    const containers = Array.isArray(spec.containers) ? spec.containers : [];
    containers.forEach((c: any, i: number) => {
      const requests = c?.resources?.requests ?? {};
      const cpuRequest = quantity(requests.cpu);
      const ramRequest = quantity(requests.memory);
      const usage = usageOf(c?.name);
      const h = unitHash(`${ns}/${pod.metadata.name}/${c?.name}`);
      // Without metrics, a steady share of the request (or a small floor).
      const guessCpu =
        cpuRequest > 0 ? cpuRequest * (0.2 + 0.5 * h) : 0.02 + 0.05 * h;
      const guessRam =
        ramRequest > 0 ? ramRequest * (0.3 + 0.5 * h) : (64 + 64 * h) * 2 ** 20;
      const cpuUsage = usage ? quantity(usage.cpu) : guessCpu;
      const ramUsage = usage ? quantity(usage.memory) : guessRam;
      out.push({
        cluster,
        node: String(spec.nodeName),
        namespace: ns,
        pod: pod.metadata.name!,
        container: String(c?.name ?? `container-${i}`),
        ...(ctrl ? { controllerKind: ctrl.kind, controller: ctrl.name } : {}),
        labels: sanitizeAll(podLabels),
        namespaceLabels: sanitizeAll(namespaces.get(ns)?.metadata.labels),
        cpuRequest,
        ramRequest,
        cpuUsage,
        ramUsage,
        gpus: quantity(c?.resources?.limits?.['nvidia.com/gpu']),
        // The pod's volumes and load balancers go on its first container.
        pvBytes: i === 0 ? pvBytes : 0,
        loadBalancers: i === 0 ? loadBalancers : 0,
        activeFrom,
        activeTo,
      });
    });
  }
  return out;
}

/** Allocatable CPU cores and memory bytes of all nodes: what idle is measured against. */
export function clusterCapacity(store: ObjectStore) {
  let cpu = 0;
  let ram = 0;
  for (const node of store.listObjects('v1', 'Node')) {
    const a = (node.status as any)?.allocatable ?? {};
    cpu += quantity(a.cpu);
    ram += quantity(a.memory);
  }
  return { cpu, ram };
}
