import { fixtureUid } from '../fixtures/seedStore';
import { ObjectStore } from '../store/objectStore';
import { formatTime, KubeObject } from '../types';

/** What to generate: one Deployment (with its ReplicaSet) and `count` Pods of it. */
export interface SyntheticPodsOptions {
  namespace: string;
  /** Labels on the Deployment, its pod template and every Pod. */
  labels: Record<string, string>;
  count: number;
  /** Deployment name, and the prefix of every generated name; default `synthetic`. */
  name?: string;
  /** Every Nth Pod is crash-looping (CrashLoopBackOff, restarts); 0 for none. Default 50. */
  crashLoopEvery?: number;
  /** Every Nth Pod is Pending, unschedulable; 0 for none. Default 100. */
  pendingEvery?: number;
  /** Nodes the running Pods are spread over; default three `synthetic-node-N`. */
  nodeNames?: string[];
  /** Creation time of everything generated; default an hour before now. */
  createdAt?: Date;
}

export interface SyntheticPodsResult {
  pods: number;
  crashLooping: number;
  pending: number;
}

const HASH = '5f7c9d8b6';

/**
 * Puts many realistic-looking Pods in a store quickly, for benchmarks and
 * scale tests. Objects are built complete (uid, timestamps, owners) so they
 * skip fixture completion, whose managedFields bookkeeping dominates at
 * 100,000 objects; the store still versions every write.
 */
export function seedSyntheticPods(
  store: ObjectStore,
  options: SyntheticPodsOptions,
): SyntheticPodsResult {
  const { namespace, labels, count } = options;
  if (!namespace) throw new Error('seedSyntheticPods: namespace is required');
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(
      `seedSyntheticPods: count must be a non-negative integer, got ${count}`,
    );
  }
  const name = options.name ?? 'synthetic';
  const crashLoopEvery = options.crashLoopEvery ?? 50;
  const pendingEvery = options.pendingEvery ?? 100;
  const nodes = options.nodeNames ?? [0, 1, 2].map(i => `synthetic-node-${i}`);
  const created = formatTime(
    options.createdAt ?? new Date(Date.now() - 3_600_000),
  );
  const rsName = `${name}-${HASH}`;

  if (!store.find('v1', 'Namespace', undefined, namespace)) {
    store.put({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        uid: fixtureUid('', 'Namespace', undefined, namespace),
        creationTimestamp: created,
        labels: { 'kubernetes.io/metadata.name': namespace },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }

  let crashLooping = 0;
  let pending = 0;
  const pods: KubeObject[] = [];
  for (let i = 0; i < count; i++) {
    const crash = crashLoopEvery > 0 && i % crashLoopEvery === 1;
    const unscheduled = !crash && pendingEvery > 0 && i % pendingEvery === 2;
    if (crash) crashLooping++;
    if (unscheduled) pending++;
    pods.push(
      syntheticPod({
        name: `${rsName}-${i.toString(36).padStart(5, '0')}`,
        namespace,
        labels,
        rsName,
        node: nodes[i % nodes.length],
        created,
        ip: i,
        state: stateOf(crash, unscheduled),
      }),
    );
  }

  const ready = count - crashLooping - pending;
  const template = {
    metadata: { labels: { ...labels, 'pod-template-hash': HASH } },
    spec: { containers: [container(name)] },
  };
  const selector = { matchLabels: labels };
  store.put({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace,
      uid: fixtureUid('apps', 'Deployment', namespace, name),
      creationTimestamp: created,
      generation: 1,
      labels,
    },
    spec: { replicas: count, selector, template },
    status: {
      observedGeneration: 1,
      replicas: count,
      updatedReplicas: count,
      readyReplicas: ready,
      availableReplicas: ready,
      unavailableReplicas: count - ready,
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          lastUpdateTime: created,
          lastTransitionTime: created,
        },
      ],
    },
  });
  store.put({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: rsName,
      namespace,
      uid: fixtureUid('apps', 'ReplicaSet', namespace, rsName),
      creationTimestamp: created,
      generation: 1,
      labels: { ...labels, 'pod-template-hash': HASH },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name,
          uid: fixtureUid('apps', 'Deployment', namespace, name),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { replicas: count, selector, template },
    status: { replicas: count, readyReplicas: ready, availableReplicas: ready },
  });
  const podType = store.resourceFor('v1', 'Pod');
  for (const pod of pods) store.create(podType, pod);
  return { pods: count, crashLooping, pending };
}

function stateOf(
  crash: boolean,
  unscheduled: boolean,
): 'crash' | 'pending' | 'running' {
  if (crash) return 'crash';
  return unscheduled ? 'pending' : 'running';
}

function container(name: string) {
  return {
    name,
    image: `ghcr.io/paved-demo/${name}:1.0.0`,
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    resources: {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { memory: '256Mi' },
    },
    readinessProbe: {
      httpGet: { path: '/readyz', port: 'http', scheme: 'HTTP' },
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    securityContext: {
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
  };
}

function syntheticPod(p: {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  rsName: string;
  node: string;
  created: string;
  ip: number;
  state: 'running' | 'crash' | 'pending';
}): KubeObject {
  const app = p.rsName.slice(0, -HASH.length - 1);
  const podIP = `10.${64 + ((p.ip >> 16) & 63)}.${(p.ip >> 8) & 255}.${
    p.ip & 255
  }`;
  const condition = (type: string, status: string) => ({
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: p.created,
  });
  const spec = {
    containers: [container(app)],
    ...(p.state === 'pending' ? {} : { nodeName: p.node }),
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
    schedulerName: 'default-scheduler',
    serviceAccountName: 'default',
    terminationGracePeriodSeconds: 30,
    securityContext: { runAsNonRoot: true },
  };
  let status: Record<string, unknown>;
  if (p.state === 'pending') {
    status = {
      phase: 'Pending',
      qosClass: 'Burstable',
      conditions: [
        {
          ...condition('PodScheduled', 'False'),
          reason: 'Unschedulable',
          message:
            '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
        },
      ],
    };
  } else {
    const crash = p.state === 'crash';
    status = {
      phase: 'Running',
      qosClass: 'Burstable',
      hostIP: '10.0.0.10',
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: p.created,
      conditions: [
        condition('Initialized', 'True'),
        condition('Ready', crash ? 'False' : 'True'),
        condition('ContainersReady', crash ? 'False' : 'True'),
        condition('PodScheduled', 'True'),
      ],
      containerStatuses: [
        {
          name: app,
          image: `ghcr.io/paved-demo/${app}:1.0.0`,
          imageID: `ghcr.io/paved-demo/${app}@sha256:${'0'.repeat(64)}`,
          containerID: `containerd://${p.ip.toString(16).padStart(64, '0')}`,
          ready: !crash,
          started: !crash,
          restartCount: crash ? 12 : 0,
          state: crash
            ? {
                waiting: {
                  reason: 'CrashLoopBackOff',
                  message: `back-off 5m0s restarting failed container=${app}`,
                },
              }
            : { running: { startedAt: p.created } },
          ...(crash
            ? {
                lastState: {
                  terminated: {
                    exitCode: 1,
                    reason: 'Error',
                    startedAt: p.created,
                    finishedAt: p.created,
                  },
                },
              }
            : {}),
        },
      ],
    };
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      generateName: `${p.rsName}-`,
      namespace: p.namespace,
      uid: fixtureUid('', 'Pod', p.namespace, p.name),
      creationTimestamp: p.created,
      labels: { ...p.labels, 'pod-template-hash': HASH },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: p.rsName,
          uid: fixtureUid('apps', 'ReplicaSet', p.namespace, p.rsName),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec,
    status,
  };
}
