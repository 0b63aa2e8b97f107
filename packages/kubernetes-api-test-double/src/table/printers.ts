import { isPlainObject, JsonObject, KubeObject } from '../types';
import { since } from './age';
import { summarizePod } from './podStatus';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface Printer {
  columns: TableColumnDefinition[];
  cells(o: KubeObject, now: Date): unknown[];
}

const col = (
  name: string,
  description: string,
  priority = 0,
  type = 'string',
  format = '',
) => ({
  name,
  type,
  format,
  description,
  priority,
});

const NAME = col(
  'Name',
  'Name must be unique within a namespace.',
  0,
  'string',
  'name',
);
const AGE = col(
  'Age',
  'CreationTimestamp is a timestamp representing the server time when this object was created.',
);

const o = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});
const arr = (v: unknown): JsonObject[] =>
  Array.isArray(v) ? v.filter(isPlainObject) : [];
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const none = (v: unknown) =>
  v === undefined || v === null || v === '' ? '<none>' : String(v);
const age = (obj: KubeObject, now: Date) =>
  since(obj.metadata.creationTimestamp, now);

function selectorString(selector: unknown): string {
  const s = o(selector);
  const parts = Object.entries(
    o(s.matchLabels ?? (s.matchExpressions ? {} : s)),
  ).map(([k, v]) => `${k}=${v}`);
  for (const e of arr(s.matchExpressions)) {
    const values = Array.isArray(e.values) ? e.values.join(',') : '';
    if (e.operator === 'Exists') parts.push(String(e.key));
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${String(e.operator).toLowerCase()} (${values})`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

function podTemplateColumns(template: unknown): [string, string] {
  const containers = arr(o(o(template).spec).containers);
  return [
    containers.map(c => c.name).join(','),
    containers.map(c => c.image).join(','),
  ];
}

const pods: Printer = {
  columns: [
    NAME,
    col(
      'Ready',
      'The aggregate readiness state of this pod for accepting traffic.',
    ),
    col('Status', 'The aggregate status of the containers in this pod.'),
    col(
      'Restarts',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    AGE,
    col(
      'IP',
      'IP address allocated to the pod. Routable at least within the cluster.',
      1,
    ),
    col('Node', 'NodeName indicates in which node this pod is scheduled.', 1),
    col(
      'Nominated Node',
      'nominatedNodeName is set when this pod preempts other pods on the node.',
      1,
    ),
    col(
      'Readiness Gates',
      'If specified, all readiness gates will be evaluated for pod readiness.',
      1,
    ),
  ],
  cells(pod, now) {
    const s = summarizePod(pod, now);
    const gates = arr(o(pod.spec).readinessGates);
    const conditions = arr(o(pod.status).conditions);
    const gatesText = gates.length
      ? `${
          gates.filter(g =>
            conditions.some(
              c => c.type === g.conditionType && c.status === 'True',
            ),
          ).length
        }/${gates.length}`
      : '<none>';
    return [
      pod.metadata.name,
      s.ready,
      s.status,
      s.restarts,
      age(pod, now),
      none(o(pod.status).podIP),
      none(o(pod.spec).nodeName),
      none(o(pod.status).nominatedNodeName),
      gatesText,
    ];
  },
};

const nodes: Printer = {
  columns: [
    NAME,
    col('Status', 'The status of the node'),
    col('Roles', 'The roles of the node'),
    AGE,
    col('Version', 'Kubelet Version reported by the node.'),
    col('Internal-IP', 'List of addresses reachable to the node.', 1),
    col('External-IP', 'List of addresses reachable to the node.', 1),
    col(
      'OS-Image',
      'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
      1,
    ),
    col(
      'Kernel-Version',
      "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
      1,
    ),
    col(
      'Container-Runtime',
      'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
      1,
    ),
  ],
  cells(node, now) {
    const status = o(node.status);
    const ready = arr(status.conditions).find(c => c.type === 'Ready');
    let readiness = 'Unknown';
    if (ready) readiness = ready.status === 'True' ? 'Ready' : 'NotReady';
    const states = [readiness];
    if (o(node.spec).unschedulable) states.push('SchedulingDisabled');
    const roles = new Set<string>();
    for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
      if (k.startsWith('node-role.kubernetes.io/'))
        roles.add(k.slice('node-role.kubernetes.io/'.length));
      if (k === 'kubernetes.io/role' && v) roles.add(v);
    }
    const address = (type: string) =>
      none(arr(status.addresses).find(a => a.type === type)?.address);
    const info = o(status.nodeInfo);
    return [
      node.metadata.name,
      states.join(','),
      roles.size ? [...roles].sort().join(',') : '<none>',
      age(node, now),
      String(info.kubeletVersion ?? ''),
      address('InternalIP'),
      address('ExternalIP'),
      none(info.osImage),
      none(info.kernelVersion),
      none(info.containerRuntimeVersion),
    ];
  },
};

const WORKLOAD_EXTRA = [
  col('Containers', 'Names of each container in the template.', 1),
  col('Images', 'Images referenced by each container in the template.', 1),
  col(
    'Selector',
    'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
    1,
  ),
];

const deployments: Printer = {
  columns: [
    NAME,
    col('Ready', 'Number of the pod with ready state'),
    col(
      'Up-to-date',
      'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
      0,
      'integer',
    ),
    col(
      'Available',
      'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
      0,
      'integer',
    ),
    AGE,
    ...WORKLOAD_EXTRA,
  ],
  cells(d, now) {
    const spec = o(d.spec);
    const status = o(d.status);
    return [
      d.metadata.name,
      `${num(status.readyReplicas)}/${num(spec.replicas)}`,
      num(status.updatedReplicas),
      num(status.availableReplicas),
      age(d, now),
      ...podTemplateColumns(spec.template),
      selectorString(spec.selector),
    ];
  },
};

const replicasets: Printer = {
  columns: [
    NAME,
    col('Desired', 'Number of desired pods.', 0, 'integer'),
    col('Current', 'Number of actual replicas.', 0, 'integer'),
    col(
      'Ready',
      'The number of ready replicas for this replica set.',
      0,
      'integer',
    ),
    AGE,
    ...WORKLOAD_EXTRA,
  ],
  cells(rs, now) {
    const spec = o(rs.spec);
    const status = o(rs.status);
    return [
      rs.metadata.name,
      num(spec.replicas),
      num(status.replicas),
      num(status.readyReplicas),
      age(rs, now),
      ...podTemplateColumns(spec.template),
      selectorString(spec.selector),
    ];
  },
};

const statefulsets: Printer = {
  columns: [
    NAME,
    col('Ready', 'Number of the pod with ready state'),
    AGE,
    ...WORKLOAD_EXTRA.slice(0, 2),
  ],
  cells(s, now) {
    const spec = o(s.spec);
    return [
      s.metadata.name,
      `${num(o(s.status).readyReplicas)}/${num(spec.replicas)}`,
      age(s, now),
      ...podTemplateColumns(spec.template),
    ];
  },
};

const daemonsets: Printer = {
  columns: [
    NAME,
    col(
      'Desired',
      'The total number of nodes that should be running the daemon pod.',
      0,
      'integer',
    ),
    col(
      'Current',
      'The number of nodes that are running at least 1 daemon pod.',
      0,
      'integer',
    ),
    col(
      'Ready',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.',
      0,
      'integer',
    ),
    col(
      'Up-to-date',
      'The total number of nodes that are running updated daemon pod',
      0,
      'integer',
    ),
    col(
      'Available',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.',
      0,
      'integer',
    ),
    col(
      'Node Selector',
      'NodeSelector is a selector which must be true for the pod to fit on a node.',
    ),
    AGE,
    ...WORKLOAD_EXTRA,
  ],
  cells(ds, now) {
    const spec = o(ds.spec);
    const status = o(ds.status);
    const nodeSelector = Object.entries(
      o(o(o(spec.template).spec).nodeSelector),
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    return [
      ds.metadata.name,
      num(status.desiredNumberScheduled),
      num(status.currentNumberScheduled),
      num(status.numberReady),
      num(status.updatedNumberScheduled),
      num(status.numberAvailable),
      nodeSelector || '<none>',
      age(ds, now),
      ...podTemplateColumns(spec.template),
      selectorString(spec.selector),
    ];
  },
};

const jobs: Printer = {
  columns: [
    NAME,
    col('Status', 'Status of the job.'),
    col(
      'Completions',
      'The desired number of successfully finished pods the job should be run with.',
    ),
    col('Duration', 'Time required to complete the job.'),
    AGE,
    ...WORKLOAD_EXTRA,
  ],
  cells(job, now) {
    const spec = o(job.spec);
    const status = o(job.status);
    const conditions = arr(status.conditions);
    const has = (type: string) =>
      conditions.some(c => c.type === type && c.status === 'True');
    let state = 'Running';
    if (has('Complete')) state = 'Complete';
    else if (has('Failed')) state = 'Failed';
    else if (has('Suspended')) state = 'Suspended';
    const completions =
      spec.completions === undefined ? 1 : num(spec.completions);
    let duration = '';
    if (typeof status.startTime === 'string') {
      const end =
        typeof status.completionTime === 'string'
          ? new Date(status.completionTime)
          : now;
      duration = since(status.startTime, end);
    }
    return [
      job.metadata.name,
      state,
      `${num(status.succeeded)}/${completions}`,
      duration,
      age(job, now),
      ...podTemplateColumns(spec.template),
      selectorString(spec.selector),
    ];
  },
};

const namespaces: Printer = {
  columns: [NAME, col('Status', 'The status of the namespace'), AGE],
  cells: (ns, now) => [
    ns.metadata.name,
    String(o(ns.status).phase ?? ''),
    age(ns, now),
  ],
};

const services: Printer = {
  columns: [
    NAME,
    col('Type', 'The type of the service.'),
    col('Cluster-IP', 'The cluster IP of the service.'),
    col('External-IP', 'The external IP of the service.'),
    col('Port(s)', 'The ports of the service.'),
    AGE,
    col('Selector', 'The selector of the service.', 1),
  ],
  cells(svc, now) {
    const spec = o(svc.spec);
    const ingress = arr(o(o(svc.status).loadBalancer).ingress).map(
      i => i.ip ?? i.hostname,
    );
    const external = [...((spec.externalIPs as string[]) ?? []), ...ingress];
    const ports = arr(spec.ports)
      .map(
        p =>
          `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${
            p.protocol ?? 'TCP'
          }`,
      )
      .join(',');
    const type = String(spec.type ?? 'ClusterIP');
    let externalText = type === 'LoadBalancer' ? '<pending>' : '<none>';
    if (external.length) externalText = external.join(',');
    return [
      svc.metadata.name,
      type,
      none(spec.clusterIP),
      externalText,
      ports || '<none>',
      age(svc, now),
      Object.entries(o(spec.selector))
        .map(([k, v]) => `${k}=${v}`)
        .join(',') || '<none>',
    ];
  },
};

const events: Printer = {
  columns: [
    col('Last Seen', 'Time since the most recent occurrence of this event.'),
    col('Type', 'Type of this event (Normal, Warning).'),
    col(
      'Reason',
      "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
    ),
    col('Object', 'The object that this event is about.'),
    col('Subobject', 'The subobject that this event is about.', 1),
    col('Source', 'The component reporting this event.', 1),
    col(
      'Message',
      'A human-readable description of the status of this operation.',
    ),
    col('First Seen', 'Time since the first occurrence of this event.', 1),
    col('Count', 'The number of times this event has occurred.', 1, 'integer'),
    { ...NAME, priority: 1 },
  ],
  cells(ev, now) {
    const involved = o(ev.involvedObject);
    const source = o(ev.source);
    const last =
      ev.lastTimestamp ?? ev.eventTime ?? ev.metadata.creationTimestamp;
    return [
      since(last, now),
      String(ev.type ?? ''),
      String(ev.reason ?? ''),
      `${String(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`,
      String(involved.fieldPath ?? ''),
      [source.component, source.host].filter(Boolean).join(', '),
      String(ev.message ?? ''),
      since(ev.firstTimestamp ?? last, now),
      num(ev.count) || 1,
      ev.metadata.name,
    ];
  },
};

/** NAME and AGE, what the API server prints for kinds it has no printer for. */
export const genericPrinter: Printer = {
  columns: [NAME, AGE],
  cells: (obj, now) => [obj.metadata.name, age(obj, now)],
};

const PRINTERS: Record<string, Printer> = {
  '/Pod': pods,
  '/Node': nodes,
  '/Namespace': namespaces,
  '/Service': services,
  '/Event': events,
  'apps/Deployment': deployments,
  'apps/ReplicaSet': replicasets,
  'apps/StatefulSet': statefulsets,
  'apps/DaemonSet': daemonsets,
  'batch/Job': jobs,
};

export function printerFor(group: string, kind: string): Printer {
  return PRINTERS[`${group}/${kind}`] ?? genericPrinter;
}
