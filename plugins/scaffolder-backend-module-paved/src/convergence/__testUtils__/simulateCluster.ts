import { gatekeeperHook } from './gatekeeperHook';
/*
 * An empty cluster for convergence tests: the Kubernetes API test double
 * with what a freshly created real cluster has (nodes, Kubernetes' own
 * namespaces, CoreDNS), plus the parts of the world the double does not
 * play: Helm installing an add-on's chart, the controllers those charts run
 * (Gatekeeper turning templates into CRDs, Crossplane providers installing
 * theirs), and the controller manager and kubelet turning workloads into
 * running Pods. Every write goes through the double's HTTP API, so whatever
 * admission the double enforces (Pod Security, Kyverno) judges it.
 */
import {
  DEFAULT_ADMIN_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import { createHash } from 'node:crypto';
import { applyManifests, Manifest } from '../../apply/applyManifests';
import { ConfiguredCluster } from '../../clusters/configuredClusters';
import {
  Addon,
  AddonContext,
  addonObjects,
  addonVersion,
  AddonRequirement,
  AddonWorkload,
} from '../../render/platform/addonTypes';

export type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
type Obj = Record<string, any>;

export const NODES = [
  { name: 'node-a', zone: 'eu-west-1a' },
  { name: 'node-b', zone: 'eu-west-1b' },
  { name: 'node-c', zone: 'eu-west-1c' },
];

/**
 * The double's API server version (`/version`); a fresh cluster's kubelets
 * run the control plane's version (a newer kubelet is outside the supported
 * skew, and Paved's cluster health says so).
 */
export const CONTROL_PLANE_VERSION = 'v1.30.6';

const SYSTEM_NAMESPACES = [
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'default',
];

const now = () => `${new Date().toISOString().slice(0, 19)}Z`;
const shortHash = (s: string, n = 10) =>
  createHash('sha256').update(s).digest('hex').slice(0, n);

/** The double as a cluster Paved's apply path can talk to. */
export function clusterOf(double: Double): ConfiguredCluster {
  return {
    name: 'convergence',
    url: double.url,
    authProvider: 'serviceAccount',
    serviceAccountToken: DEFAULT_ADMIN_TOKEN,
    skipTLSVerify: true,
  };
}

/** What `kubectl apply --server-side` of the README (or a GitOps sync) does with a file's objects. */
export async function applyObjects(double: Double, objects: Obj[]) {
  return applyManifests(clusterOf(double), objects as unknown as Manifest[], {
    force: true,
    dryRun: false,
    missingKinds: 'fail',
    crdWaitSeconds: 5,
    pollMs: 20,
  });
}

/** A call to the double's API as the admin; returns status and body. */
export async function api(
  double: Double,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${double.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`,
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': contentType } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed };
}

/** The message of a Status body, or the body itself. */
export function messageOf(res: { status: number; body: any }): string {
  const b = res.body;
  if (b && typeof b === 'object' && b.kind === 'Status')
    return `${res.status} ${b.reason ?? ''}: ${b.message ?? ''}`;
  return `${res.status} ${typeof b === 'string' ? b : JSON.stringify(b)}`.slice(
    0,
    500,
  );
}

const prefixOf = (apiVersion: string) =>
  apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;

/** The REST path of an object, found through the double's registry. */
function pathOf(double: Double, o: Obj, withName = true): string {
  const rt = double.registry.findByKind(o.apiVersion, o.kind);
  if (!rt) throw new Error(`the cluster serves no ${o.kind} (${o.apiVersion})`);
  const ns = rt.namespaced
    ? `/namespaces/${o.metadata.namespace ?? 'default'}`
    : '';
  return `${prefixOf(o.apiVersion)}${ns}/${rt.plural}${
    withName ? `/${encodeURIComponent(o.metadata.name)}` : ''
  }`;
}

/** Server-side apply, as Helm 3.x/Argo CD with server-side apply would. */
export async function serverSideApply(
  double: Double,
  o: Obj,
  fieldManager: string,
): Promise<Obj> {
  let path: string;
  try {
    path = pathOf(double, o);
  } catch (e) {
    throw new Error(
      `${(e as Error).message}: cannot apply ${o.kind} ${o.metadata.name}`,
    );
  }
  const res = await api(
    double,
    'PATCH',
    `${path}?fieldManager=${fieldManager}&force=true`,
    o,
    'application/apply-patch+yaml',
  );
  if (res.status !== 200 && res.status !== 201) {
    const ns = o.metadata.namespace ? `${o.metadata.namespace}/` : '';
    throw new Error(
      `${o.kind} ${ns}${o.metadata.name} refused: ${messageOf(res)}`,
    );
  }
  return res.body;
}

async function patchStatus(double: Double, o: Obj, status: Obj): Promise<void> {
  const res = await api(
    double,
    'PATCH',
    `${pathOf(double, o)}/status`,
    { status },
    'application/merge-patch+json',
  );
  if (res.status !== 200)
    throw new Error(
      `status of ${o.kind} ${o.metadata.name}: ${messageOf(res)}`,
    );
}

/* ---------------------------------------------------------------- the empty cluster */

function nodeObject(n: { name: string; zone: string }, i: number): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': 'm6i.2xlarge',
        'topology.kubernetes.io/region': 'eu-west-1',
        'topology.kubernetes.io/zone': n.zone,
      },
    },
    spec: {
      podCIDR: `10.244.${i}.0/24`,
      providerID: `aws:///${n.zone}/i-0000${i}`,
    },
    status: {
      capacity: {
        cpu: '8',
        memory: '32Gi',
        pods: '110',
        'ephemeral-storage': '100Gi',
      },
      allocatable: {
        cpu: '7910m',
        memory: '30Gi',
        pods: '110',
        'ephemeral-storage': '95Gi',
      },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          reason: 'KubeletHasSufficientPID',
        },
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      addresses: [
        { type: 'InternalIP', address: `10.0.${i}.10` },
        { type: 'Hostname', address: n.name },
      ],
      nodeInfo: {
        kubeletVersion: CONTROL_PLANE_VERSION,
        kubeProxyVersion: CONTROL_PLANE_VERSION,
        containerRuntimeVersion: 'containerd://1.7.22',
        operatingSystem: 'linux',
        architecture: 'amd64',
        osImage: 'Amazon Linux 2023',
        kernelVersion: '6.1.112',
        machineID: '',
        systemUUID: '',
        bootID: '',
      },
    },
  };
}

const COREDNS_LABELS = { 'k8s-app': 'kube-dns' };

function corednsObjects(): Obj[] {
  const template = {
    metadata: { labels: COREDNS_LABELS },
    spec: {
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'coredns',
      containers: [
        {
          name: 'coredns',
          image: 'registry.k8s.io/coredns/coredns:v1.11.3',
          args: ['-conf', '/etc/coredns/Corefile'],
          ports: [
            { name: 'dns', containerPort: 53, protocol: 'UDP' },
            { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
          ],
          resources: {
            requests: { cpu: '100m', memory: '70Mi' },
            limits: { memory: '170Mi' },
          },
        },
      ],
    },
  };
  const deploy = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'coredns',
      namespace: 'kube-system',
      labels: COREDNS_LABELS,
    },
    spec: { replicas: 2, selector: { matchLabels: COREDNS_LABELS }, template },
    status: {
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      updatedReplicas: 2,
    },
  };
  const hash = '5d78c9869d';
  const rs = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `coredns-${hash}`,
      namespace: 'kube-system',
      labels: { ...COREDNS_LABELS, 'pod-template-hash': hash },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'coredns',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: 2,
      selector: {
        matchLabels: { ...COREDNS_LABELS, 'pod-template-hash': hash },
      },
      template,
    },
    status: { replicas: 2, readyReplicas: 2, availableReplicas: 2 },
  };
  const pods = ['abcde', 'fghij'].map((suffix, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `coredns-${hash}-${suffix}`,
      namespace: 'kube-system',
      labels: { ...COREDNS_LABELS, 'pod-template-hash': hash },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs.metadata.name,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { ...template.spec, nodeName: NODES[i].name },
    status: runningStatus(template.spec, i),
  }));
  const svc = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: COREDNS_LABELS,
    },
    spec: {
      selector: COREDNS_LABELS,
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      ],
    },
  };
  return [deploy, rs, ...pods, svc];
}

/** The double with what an empty real cluster has; close it when done. */
export async function startEmptyCluster(
  options: Record<string, unknown> = {},
): Promise<Double> {
  const double = await startKubernetesApiTestDouble({
    fixturesDir: false,
    objects: [
      ...NODES.map(nodeObject),
      ...SYSTEM_NAMESPACES.map(name => ({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
        status: { phase: 'Active' },
      })),
      ...corednsObjects(),
    ] as any,
    // Gatekeeper's webhook, for the templates the baseline ships.
    admission: [gatekeeperHook],
    ...options,
  });
  const version = await api(double, 'GET', '/version');
  if (version.body?.gitVersion !== CONTROL_PLANE_VERSION) {
    await double.close();
    throw new Error(
      `the double serves Kubernetes ${version.body?.gitVersion}, the simulated kubelets run ${CONTROL_PLANE_VERSION}: update CONTROL_PLANE_VERSION`,
    );
  }
  return double;
}

/* ---------------------------------------------------------------- kubelet and controllers */

function runningStatus(podSpec: Obj, i: number): Obj {
  const t = now();
  const containers: Obj[] = podSpec.containers ?? [];
  return {
    phase: 'Running',
    hostIP: `10.0.${i % NODES.length}.10`,
    podIP: `10.244.${i % NODES.length}.${10 + i}`,
    startTime: t,
    qosClass: 'Burstable',
    conditions: ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map(
      type => ({
        type,
        status: 'True',
        lastTransitionTime: t,
      }),
    ),
    containerStatuses: containers.map(c => ({
      name: c.name,
      image: c.image,
      imageID: `${
        String(c.image).split('@')[0].split(':')[0]
      }@sha256:${shortHash(String(c.image), 64)}`,
      containerID: `containerd://${shortHash(`${c.name}${i}`, 64)}`,
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: t } },
    })),
  };
}

type Workload = Obj & { apiVersion: string; kind: string };

/** Creates a workload's Pods through the API (admission judges them) and marks them and it Running/Ready. */
async function startPods(
  double: Double,
  w: Workload,
  replicas: number,
): Promise<string[]> {
  const ns = w.metadata.namespace ?? 'default';
  const template = w.spec?.template ?? {};
  const labels = { ...(template.metadata?.labels ?? {}) };
  const owner = (o: Obj) => ({
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: o.metadata.name,
    uid: o.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  });
  const created: string[] = [];
  let podOwner: Obj = w;
  const names: Array<{
    name: string;
    node?: string;
    extraLabels?: Record<string, string>;
  }> = [];
  if (w.kind === 'Deployment') {
    const hash = shortHash(JSON.stringify(template));
    const rs = await serverSideApply(
      double,
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${w.metadata.name}-${hash}`,
          namespace: ns,
          labels: { ...labels, 'pod-template-hash': hash },
          annotations: { 'deployment.kubernetes.io/revision': '1' },
          ownerReferences: [owner(w)],
        },
        spec: {
          replicas,
          selector: {
            matchLabels: {
              ...(w.spec?.selector?.matchLabels ?? labels),
              'pod-template-hash': hash,
            },
          },
          template: {
            ...template,
            metadata: {
              ...template.metadata,
              labels: { ...labels, 'pod-template-hash': hash },
            },
          },
        },
      },
      'kube-controller-manager',
    );
    podOwner = rs;
    for (let i = 0; i < replicas; i++)
      names.push({
        name: `${rs.metadata.name}-${shortHash(`${rs.metadata.name}${i}`, 5)}`,
        extraLabels: { 'pod-template-hash': hash },
      });
  } else if (w.kind === 'StatefulSet') {
    for (let i = 0; i < replicas; i++)
      names.push({
        name: `${w.metadata.name}-${i}`,
        extraLabels: {
          'statefulset.kubernetes.io/pod-name': `${w.metadata.name}-${i}`,
          'apps.kubernetes.io/pod-index': String(i),
        },
      });
  } else {
    for (const n of NODES)
      names.push({
        name: `${w.metadata.name}-${shortHash(
          `${w.metadata.name}${n.name}`,
          5,
        )}`,
        node: n.name,
      });
  }
  for (const [i, p] of names.entries()) {
    const node = p.node ?? NODES[i % NODES.length].name;
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: p.name,
        namespace: ns,
        labels: { ...labels, ...(p.extraLabels ?? {}) },
        ...(template.metadata?.annotations
          ? { annotations: template.metadata.annotations }
          : {}),
        ownerReferences: [owner(podOwner)],
      },
      spec: { ...(template.spec ?? {}), nodeName: node },
    };
    const res = await api(double, 'POST', `/api/v1/namespaces/${ns}/pods`, pod);
    if (res.status !== 201 && res.status !== 200) {
      throw new Error(
        `Pod ${ns}/${p.name} of ${w.kind} ${
          w.metadata.name
        } refused: ${messageOf(res)}`,
      );
    }
    await patchStatus(double, res.body, runningStatus(res.body.spec, i));
    created.push(`${ns}/${p.name}`);
  }
  const n = names.length;
  if (podOwner !== w) {
    await patchStatus(double, podOwner, {
      replicas: n,
      readyReplicas: n,
      availableReplicas: n,
      fullyLabeledReplicas: n,
      observedGeneration: podOwner.metadata.generation,
    });
  }
  const t = now();
  const status =
    w.kind === 'DaemonSet'
      ? {
          currentNumberScheduled: n,
          desiredNumberScheduled: n,
          numberAvailable: n,
          numberReady: n,
          updatedNumberScheduled: n,
          numberMisscheduled: 0,
          observedGeneration: w.metadata.generation,
        }
      : {
          replicas: n,
          readyReplicas: n,
          availableReplicas: n,
          updatedReplicas: n,
          ...(w.kind === 'StatefulSet' ? { currentReplicas: n } : {}),
          observedGeneration: w.metadata.generation,
          ...(w.kind === 'Deployment'
            ? {
                conditions: [
                  {
                    type: 'Available',
                    status: 'True',
                    reason: 'MinimumReplicasAvailable',
                    lastTransitionTime: t,
                    lastUpdateTime: t,
                  },
                  {
                    type: 'Progressing',
                    status: 'True',
                    reason: 'NewReplicaSetAvailable',
                    lastTransitionTime: t,
                    lastUpdateTime: t,
                  },
                ],
              }
            : {}),
        };
  await patchStatus(double, w, status);
  return created;
}

/* ---------------------------------------------------------------- Helm */

/** What a chart's pod template looks like: Pod Security restricted, or host access when the add-on needs the node. */
function addonPodSpec(addon: Addon, w: AddonWorkload): Obj {
  const ports = w.ports.map(p => ({
    name: p.name.slice(0, 15),
    containerPort: p.port,
    protocol: p.protocol ?? 'TCP',
  }));
  const image = `registry.example/${addon.id}/${w.name}:${addonVersion(
    addon,
  ).replace(/^v?/, 'v')}`;
  const resources = {
    requests: { cpu: '100m', memory: '128Mi' },
    limits: { cpu: '1', memory: '512Mi' },
  };
  const probePort = w.ports[0]?.port;
  const probes = probePort
    ? {
        readinessProbe: { tcpSocket: { port: probePort } },
        livenessProbe: { tcpSocket: { port: probePort } },
      }
    : {
        readinessProbe: { exec: { command: ['/ready'] } },
        livenessProbe: { exec: { command: ['/healthy'] } },
      };
  if (w.needsNode) {
    return {
      serviceAccountName: w.name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      containers: [
        {
          name: w.name.slice(0, 63),
          image,
          ports: ports.map(p => ({ ...p, hostPort: p.containerPort })),
          resources,
          ...probes,
          securityContext: { privileged: true },
          volumeMounts: [
            { name: 'host-proc', mountPath: '/host/proc', readOnly: true },
          ],
        },
      ],
      volumes: [
        { name: 'host-proc', hostPath: { path: '/proc', type: 'Directory' } },
      ],
    };
  }
  return {
    serviceAccountName: w.name,
    automountServiceAccountToken: w.callsApiServer ?? false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 65532,
      runAsGroup: 65532,
      fsGroup: 65532,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containers: [
      {
        name: w.name.slice(0, 63),
        image,
        ports,
        resources,
        ...probes,
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          runAsNonRoot: true,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        },
      },
    ],
  };
}

/** One CRD per served kind, preserving unknown fields, at the served version. */
export function crdFor(
  s: {
    group: string;
    version: string;
    kind: string;
    plural: string;
    namespaced: boolean;
  },
  extraVersions: string[] = [],
): Obj {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${s.plural}.${s.group}` },
    spec: {
      group: s.group,
      scope: s.namespaced ? 'Namespaced' : 'Cluster',
      names: {
        kind: s.kind,
        plural: s.plural,
        singular: s.kind.toLowerCase(),
        listKind: `${s.kind}List`,
      },
      versions: [s.version, ...extraVersions].map((name, i) => ({
        name,
        served: true,
        storage: i === 0,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
          },
        },
      })),
    },
  };
}

/**
 * What `helm upgrade --install --create-namespace` (or Argo CD syncing the
 * chart) does, followed by the controller manager and kubelet: the chart's
 * CRDs, workloads and Services, the workloads' Pods (admission applies),
 * Ready status, then what the running controller creates itself.
 */
export async function installAddon(
  double: Double,
  addon: Addon,
  ctx: AddonContext,
): Promise<void> {
  const fail = (what: string, e: unknown): never => {
    throw new Error(
      `add-on ${addon.id}: ${what}: ${(e as Error).message ?? e}`,
    );
  };
  const manager = 'helm';
  const ns = await api(double, 'GET', `/api/v1/namespaces/${addon.namespace}`);
  if (ns.status === 404) {
    await serverSideApply(
      double,
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: addon.namespace },
      },
      manager,
    ).catch(e => fail('namespace', e));
  }
  if (addon.source.type === 'manifests') {
    // No chart: the objects are the install, applied as the README's
    // `kubectl apply --server-side` (or the GitOps sync) does; then the
    // controllers that act on them (cert-manager, trust-manager) run.
    await applyObjects(double, addonObjects(addon, ctx)).catch(e =>
      fail(`applying manifests/platform/${addon.id}.yaml`, e),
    );
    await reconcileControllers(double).catch(e => fail('controllers', e));
  }
  for (const s of addon.serves) {
    await serverSideApply(double, crdFor(s), manager).catch(e =>
      fail('CRD', e),
    );
  }
  // The kubelet cannot start a pod whose Secret or ConfigMap volume is missing.
  const missing = await missingRequirements(double, addon.requires ?? []);
  if (missing.length && addon.workloads.length)
    fail(
      'pods cannot start',
      `${missing.map(r => `${r.kind} ${r.namespace}/${r.name}`).join(', ')} ${
        missing.length === 1 ? 'does' : 'do'
      } not exist (the pods mount ${missing.length === 1 ? 'it' : 'them'})`,
    );
  const instance = {
    'app.kubernetes.io/instance': addon.id,
    'app.kubernetes.io/managed-by': 'Helm',
  };
  for (const w of addon.workloads) {
    const podLabels = {
      ...w.podLabels,
      'app.kubernetes.io/instance': addon.id,
    };
    const workload: Workload = {
      apiVersion: 'apps/v1',
      kind: w.kind,
      metadata: {
        name: w.name,
        namespace: addon.namespace,
        labels: { ...w.podLabels, ...instance },
      },
      spec: {
        ...(w.kind === 'DaemonSet' ? {} : { replicas: 1 }),
        ...(w.kind === 'StatefulSet' ? { serviceName: w.name } : {}),
        selector: { matchLabels: podLabels },
        template: {
          metadata: { labels: podLabels },
          spec: addonPodSpec(addon, w),
        },
      },
    };
    await serverSideApply(
      double,
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: {
          name: w.name,
          namespace: addon.namespace,
          labels: instance,
        },
      },
      manager,
    ).catch(e => fail('ServiceAccount', e));
    const stored = await serverSideApply(double, workload, manager).catch(e =>
      fail(w.kind, e),
    );
    if (w.ports.length) {
      await serverSideApply(
        double,
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: {
            name: w.name,
            namespace: addon.namespace,
            labels: { ...w.podLabels, ...instance },
          },
          spec: {
            selector: podLabels,
            ports: w.ports.map(p => ({
              name: p.name,
              port: p.port,
              targetPort: p.port,
              protocol: p.protocol ?? 'TCP',
            })),
          },
        },
        manager,
      ).catch(e => fail('Service', e));
    }
    await startPods(double, stored as Workload, 1).catch(e =>
      fail(`${w.kind} ${w.name}`, e),
    );
  }
  for (const o of addon.creates?.(ctx) ?? []) {
    await serverSideApply(double, o, addon.id).catch(e =>
      fail(
        `creating ${o.kind} ${o.metadata.name} (what the running controller creates)`,
        e,
      ),
    );
  }
}

/* ---------------------------------------------------------------- controllers of custom kinds */

const RESOURCE_PATH: Record<AddonRequirement['kind'], string> = {
  Secret: 'secrets',
  ConfigMap: 'configmaps',
};

/** The entries of `requires` that do not exist on the cluster. */
export async function missingRequirements(
  double: Double,
  requires: AddonRequirement[],
): Promise<AddonRequirement[]> {
  const out: AddonRequirement[] = [];
  for (const r of requires) {
    const res = await api(
      double,
      'GET',
      `/api/v1/namespaces/${r.namespace}/${RESOURCE_PATH[r.kind]}/${r.name}`,
    );
    if (res.status !== 200) out.push(r);
  }
  return out;
}

const b64 = (text: string) => Buffer.from(text).toString('base64');
const fromB64 = (data: string) => Buffer.from(data, 'base64').toString();
const pem = (type: string, seed: string) =>
  `-----BEGIN ${type}-----\n${b64(
    createHash('sha256').update(seed).digest('hex'),
  )}\n-----END ${type}-----\n`;

/** cert-manager's cluster resource namespace: where ClusterIssuers read their CA Secrets. */
const CERT_MANAGER_NAMESPACE = 'cert-manager';

async function getObject(double: Double, path: string): Promise<Obj | null> {
  const res = await api(double, 'GET', path);
  return res.status === 200 ? res.body : null;
}

/**
 * cert-manager: each Certificate whose issuer is ready (self-signed, or CA
 * with its CA Secret present) gets its Secret of type kubernetes.io/tls
 * (tls.crt, tls.key, ca.crt), created through the API, and Ready status.
 * Repeats until nothing more can be issued, since a CA's own Certificate
 * may be what makes the next issuer ready. ACME issuers are not played.
 * Returns the Secrets made.
 */
async function reconcileCertificates(double: Double): Promise<string[]> {
  if (!double.registry.findByKind('cert-manager.io/v1', 'Certificate'))
    return [];
  const made: string[] = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (const cert of await listAll(
      double,
      '/apis/cert-manager.io/v1/certificates',
    )) {
      const ns = cert.metadata.namespace;
      const secretName = cert.spec?.secretName;
      if (!secretName) continue;
      if (
        await getObject(
          double,
          `/api/v1/namespaces/${ns}/secrets/${secretName}`,
        )
      )
        continue;
      const ref = cert.spec.issuerRef ?? {};
      const cluster = ref.kind === 'ClusterIssuer';
      const issuer = await getObject(
        double,
        cluster
          ? `/apis/cert-manager.io/v1/clusterissuers/${ref.name}`
          : `/apis/cert-manager.io/v1/namespaces/${ns}/issuers/${ref.name}`,
      );
      if (!issuer) continue;
      const crt = pem('CERTIFICATE', `${ns}/${secretName}`);
      let caCrt: string;
      if (issuer.spec?.selfSigned) {
        caCrt = crt;
      } else if (issuer.spec?.ca?.secretName) {
        const caSecret = await getObject(
          double,
          `/api/v1/namespaces/${
            cluster ? CERT_MANAGER_NAMESPACE : ns
          }/secrets/${issuer.spec.ca.secretName}`,
        );
        if (!caSecret?.data?.['tls.crt']) continue;
        caCrt = fromB64(caSecret.data['tls.crt']);
      } else continue;
      await serverSideApply(
        double,
        {
          apiVersion: 'v1',
          kind: 'Secret',
          type: 'kubernetes.io/tls',
          metadata: {
            name: secretName,
            namespace: ns,
            annotations: {
              'cert-manager.io/certificate-name': cert.metadata.name,
              'cert-manager.io/issuer-name': ref.name,
              'cert-manager.io/issuer-kind': ref.kind ?? 'Issuer',
            },
          },
          data: {
            'tls.crt': b64(crt),
            'tls.key': b64(pem('EC PRIVATE KEY', `${ns}/${secretName}`)),
            'ca.crt': b64(caCrt),
          },
        },
        'cert-manager-certificates-issuing',
      );
      await patchStatus(
        double,
        { ...cert, apiVersion: 'cert-manager.io/v1', kind: 'Certificate' },
        {
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'Ready',
              message: 'Certificate is up to date and has not expired',
              lastTransitionTime: now(),
            },
          ],
        },
      );
      made.push(`Secret ${ns}/${secretName}`);
      progress = true;
    }
  }
  return made;
}

/**
 * trust-manager: each Bundle whose sources (in its trust namespace,
 * cert-manager) all exist gets its target ConfigMap, named after the
 * Bundle, in every namespace its selector matches (kubernetes.io/metadata.name
 * included, as the API server labels namespaces). Returns the ConfigMaps made.
 */
async function reconcileBundles(double: Double): Promise<string[]> {
  if (!double.registry.findByKind('trust.cert-manager.io/v1alpha1', 'Bundle'))
    return [];
  const made: string[] = [];
  const namespaces = await listAll(double, '/api/v1/namespaces');
  for (const bundle of await listAll(
    double,
    '/apis/trust.cert-manager.io/v1alpha1/bundles',
  )) {
    const key = bundle.spec?.target?.configMap?.key;
    if (!key) continue;
    const parts: string[] = [];
    let complete = true;
    for (const src of bundle.spec.sources ?? []) {
      if (src.inLine) {
        parts.push(src.inLine);
        continue;
      }
      const ref = src.secret ?? src.configMap;
      const from = await getObject(
        double,
        `/api/v1/namespaces/${CERT_MANAGER_NAMESPACE}/${
          src.secret ? 'secrets' : 'configmaps'
        }/${ref?.name}`,
      );
      const value = from?.data?.[ref?.key];
      if (value === undefined) {
        complete = false;
        break;
      }
      parts.push(src.secret ? fromB64(value) : value);
    }
    if (!complete) continue;
    const selector: Record<string, string> =
      bundle.spec.target.namespaceSelector?.matchLabels ?? {};
    for (const n of namespaces) {
      const labels = {
        ...(n.metadata.labels ?? {}),
        'kubernetes.io/metadata.name': n.metadata.name,
      };
      if (!Object.entries(selector).every(([k, v]) => labels[k] === v))
        continue;
      const path = `/api/v1/namespaces/${n.metadata.name}/configmaps/${bundle.metadata.name}`;
      if (await getObject(double, path)) continue;
      await serverSideApply(
        double,
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: {
            name: bundle.metadata.name,
            namespace: n.metadata.name,
            labels: { 'trust.cert-manager.io/bundle': bundle.metadata.name },
          },
          data: { [key]: parts.join('') },
        },
        'trust-manager',
      );
      made.push(`ConfigMap ${n.metadata.name}/${bundle.metadata.name}`);
    }
  }
  return made;
}

/** Each Upbound provider family installs a ProviderConfig kind for its group. */
const PROVIDER_CONFIG_GROUP: Array<[RegExp, string]> = [
  [/\/provider-aws-/, 'aws.upbound.io'],
  [/\/provider-gcp-/, 'gcp.upbound.io'],
  [/\/provider-azure-/, 'azure.upbound.io'],
  [/\/provider-kubernetes:/, 'kubernetes.crossplane.io'],
];

async function listAll(double: Double, path: string): Promise<Obj[]> {
  const res = await api(double, 'GET', path);
  return res.status === 200 ? res.body.items ?? [] : [];
}

/**
 * What running controllers do with the baseline's custom resources:
 * cert-manager issues Certificates into Secrets and trust-manager writes
 * Bundles' ConfigMaps; Gatekeeper serves each ConstraintTemplate's
 * constraint kind, Crossplane an XRD's composite and claim kinds, a provider
 * package its ProviderConfig. Returns the CRDs it created.
 */
export async function reconcileControllers(double: Double): Promise<string[]> {
  // cert-manager issues first: trust-manager's sources are its Secrets.
  await reconcileCertificates(double);
  await reconcileBundles(double);
  const crds: Obj[] = [];
  if (
    double.registry.findByKind(
      'templates.gatekeeper.sh/v1',
      'ConstraintTemplate',
    )
  ) {
    for (const t of await listAll(
      double,
      '/apis/templates.gatekeeper.sh/v1/constrainttemplates',
    )) {
      const kind = t.spec?.crd?.spec?.names?.kind;
      if (kind)
        crds.push(
          crdFor(
            {
              group: 'constraints.gatekeeper.sh',
              version: 'v1beta1',
              kind,
              plural: kind.toLowerCase(),
              namespaced: false,
            },
            ['v1', 'v1alpha1'],
          ),
        );
    }
  }
  if (
    double.registry.findByKind(
      'apiextensions.crossplane.io/v1',
      'CompositeResourceDefinition',
    )
  ) {
    for (const x of await listAll(
      double,
      '/apis/apiextensions.crossplane.io/v1/compositeresourcedefinitions',
    )) {
      const group = x.spec?.group;
      const versions: string[] = (x.spec?.versions ?? [])
        .filter((v: Obj) => v.served !== false)
        .map((v: Obj) => v.name);
      if (!group || !versions.length) continue;
      const n = x.spec.names;
      crds.push(
        crdFor(
          {
            group,
            version: versions[0],
            kind: n.kind,
            plural: n.plural,
            namespaced: false,
          },
          versions.slice(1),
        ),
      );
      const c = x.spec.claimNames;
      if (c)
        crds.push(
          crdFor(
            {
              group,
              version: versions[0],
              kind: c.kind,
              plural: c.plural,
              namespaced: true,
            },
            versions.slice(1),
          ),
        );
    }
  }
  if (double.registry.findByKind('pkg.crossplane.io/v1', 'Provider')) {
    for (const p of await listAll(
      double,
      '/apis/pkg.crossplane.io/v1/providers',
    )) {
      const group = PROVIDER_CONFIG_GROUP.find(([re]) =>
        re.test(p.spec?.package ?? ''),
      )?.[1];
      if (group)
        crds.push(
          crdFor(
            {
              group,
              version: 'v1beta1',
              kind: 'ProviderConfig',
              plural: 'providerconfigs',
              namespaced: false,
            },
            group.endsWith('upbound.io') ? [] : ['v1alpha1'],
          ),
        );
    }
  }
  const made: string[] = [];
  for (const crd of crds) {
    if (
      double.registry.findByKind(
        `${crd.spec.group}/${crd.spec.versions[0].name}`,
        crd.spec.names.kind,
      )
    )
      continue;
    await serverSideApply(double, crd, 'controller');
    made.push(crd.metadata.name);
  }
  return made;
}

/* ---------------------------------------------------------------- the baseline's workloads */

const WORKLOAD_KINDS = [
  { path: '/apis/apps/v1/deployments', kind: 'Deployment' },
  { path: '/apis/apps/v1/statefulsets', kind: 'StatefulSet' },
  { path: '/apis/apps/v1/daemonsets', kind: 'DaemonSet' },
];

/**
 * The controller manager and kubelet for the baseline's own workloads: every
 * Deployment, StatefulSet and DaemonSet without Pods yet gets its Pods,
 * created through the API so admission judges them. Replicas: the HPA's
 * minReplicas when one targets the workload, else spec.replicas, else 1.
 * Throws one error listing every refused Pod.
 */
export async function runWorkloads(double: Double): Promise<string[]> {
  const pods = await listAll(double, '/api/v1/pods');
  const rss = await listAll(double, '/apis/apps/v1/replicasets');
  const hpas = await listAll(
    double,
    '/apis/autoscaling/v2/horizontalpodautoscalers',
  );
  const ownerUids = new Set<string>();
  for (const p of pods)
    for (const r of p.metadata.ownerReferences ?? []) ownerUids.add(r.uid);
  for (const rs of rss)
    if (ownerUids.has(rs.metadata.uid))
      for (const r of rs.metadata.ownerReferences ?? []) ownerUids.add(r.uid);
  const started: string[] = [];
  const errors: string[] = [];
  for (const { path, kind } of WORKLOAD_KINDS) {
    for (const w of await listAll(double, path)) {
      if (ownerUids.has(w.metadata.uid)) continue;
      const full = { ...w, apiVersion: 'apps/v1', kind } as Workload;
      const hpa = hpas.find(
        h =>
          h.metadata.namespace === w.metadata.namespace &&
          h.spec?.scaleTargetRef?.kind === kind &&
          h.spec?.scaleTargetRef?.name === w.metadata.name,
      );
      const replicas = hpa ? hpa.spec.minReplicas ?? 1 : w.spec?.replicas ?? 1;
      try {
        started.push(...(await startPods(double, full, replicas)));
      } catch (e) {
        errors.push(
          `${kind} ${w.metadata.namespace}/${w.metadata.name}: ${
            (e as Error).message
          }`,
        );
      }
    }
  }
  if (errors.length) throw new Error(`Pods refused:\n${errors.join('\n')}`);
  return started;
}

/** Every object the double stores, of every kind. */
export function allObjects(double: Double): Obj[] {
  const out: Obj[] = [];
  for (const rt of double.registry.storageResources()) {
    const apiVersion = rt.group ? `${rt.group}/${rt.version}` : rt.version;
    for (const o of double.store.listObjects(apiVersion, rt.kind))
      out.push({ apiVersion, kind: rt.kind, ...o });
  }
  return out;
}
