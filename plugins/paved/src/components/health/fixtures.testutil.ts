// Responses as Paved's backend sends them, typed with paved-common's health
// types so they cannot drift from the real shapes. The values follow the
// local Kubernetes API test double's fixture cluster.
import { Entity } from '@backstage/catalog-model';
import {
  ClusterHealthSummary,
  ComponentHealthSummary,
  HealthProblem,
} from '@paved/plugin-paved-common';
import {
  PavedClusterHealthResponse,
  PavedComponentHealthResponse,
} from '../../api';

export const clusterEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'paved-local', namespace: 'default' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform-team' },
};

export const componentEntity = (
  annotations: Record<string, string> = {
    'backstage.io/kubernetes-id': 'ledger-worker',
  },
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger-worker', namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments-team' },
});

const latency = {
  calls: 6,
  medianMs: 12,
  p95Ms: 20,
  maxMs: 20,
  meetsTarget: true,
};

const crashLoop: HealthProblem = {
  id: 'container-waiting:Pod:payments:ledger-worker-1:ledger-worker',
  signal: 'container-waiting',
  severity: 'critical',
  reason: 'CrashLoopBackOff',
  message:
    'back-off 5m0s restarting failed container=ledger-worker pod=ledger-worker-1_payments',
  object: {
    kind: 'Pod',
    namespace: 'payments',
    name: 'ledger-worker-1',
    container: 'ledger-worker',
  },
  count: 27,
  runbook: {
    id: 'crashloopbackoff',
    title: 'CrashLoopBackOff',
    url: '/docs/default/system/paved/runbooks/crashloopbackoff/',
  },
};

const pdb: HealthProblem = {
  id: 'pdb-no-disruptions:PodDisruptionBudget:payments:ledger-worker',
  signal: 'pdb-no-disruptions',
  severity: 'warning',
  reason: 'InsufficientPods',
  message: 'PodDisruptionBudget ledger-worker allows no disruption',
  object: {
    kind: 'PodDisruptionBudget',
    namespace: 'payments',
    name: 'ledger-worker',
  },
  runbook: {
    id: 'pdb-blocking-drain',
    title: 'PodDisruptionBudget blocking a drain',
    url: '/docs/default/system/paved/runbooks/pdb-blocking-drain/',
  },
};

export const ledgerWorkerHealth: ComponentHealthSummary = {
  availability: {
    ready: 1,
    desired: 3,
    ratio: 1 / 3,
    target: 0.999,
    meetsTarget: false,
  },
  workloads: [
    {
      kind: 'StatefulSet',
      namespace: 'payments',
      name: 'ledger-worker',
      desired: 3,
      ready: 1,
      ratio: 1 / 3,
      meetsTarget: false,
    },
  ],
  pods: {
    total: 3,
    byPhase: { Running: 2, Pending: 1 },
    restarts: 27,
    worstRestartRate: {
      pod: 'ledger-worker-1',
      namespace: 'payments',
      container: 'ledger-worker',
      restarts: 27,
      perHour: 4.5,
    },
    evicted: 0,
  },
  problems: [crashLoop, pdb],
};

export const healthyComponent: ComponentHealthSummary = {
  availability: {
    ready: 3,
    desired: 3,
    ratio: 1,
    target: 0.999,
    meetsTarget: true,
  },
  workloads: [
    {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'ledger-worker',
      desired: 3,
      ready: 3,
      ratio: 1,
      meetsTarget: true,
    },
  ],
  pods: { total: 3, byPhase: { Running: 3 }, restarts: 0, evicted: 0 },
  problems: [],
};

export const componentResponse: PavedComponentHealthResponse = {
  entityRef: 'component:default/ledger-worker',
  labelSelector: 'backstage.io/kubernetes-id=ledger-worker',
  clusters: [
    {
      cluster: 'paved-local',
      ok: true,
      apiLatency: latency,
      data: ledgerWorkerHealth,
    },
    {
      cluster: 'prod-eu-1',
      ok: false,
      error: {
        name: 'ClusterTimeoutError',
        message: "Cluster 'prod-eu-1' did not answer within 10000 ms",
      },
    },
    {
      cluster: 'prod-us-1',
      ok: false,
      error: {
        name: 'ClusterRequestError',
        message: 'Kubernetes backend answered 403 for /api/v1/pods',
        statusCode: 403,
      },
    },
  ],
};

const node = (
  name: string,
  readiness: 'Ready' | 'NotReady' | 'Unknown',
  extra: { pressure?: string[]; cordoned?: boolean } = {},
): ClusterHealthSummary['nodes']['items'][number] => ({
  name,
  readiness,
  pressure: extra.pressure ?? [],
  cordoned: extra.cordoned ?? false,
  kubeletVersion: 'v1.30.6',
  versionSkew: 0,
  capacity: {
    allocatable: { cpu: 3.92, memory: 15081684 * 1024 },
    requested: { cpu: 1.25, memory: 2 * 1024 ** 3 },
    cpuRequestedRatio: 1.25 / 3.92,
    memoryRequestedRatio: (2 * 1024 ** 3) / (15081684 * 1024),
    pods: 5,
  },
});

export const clusterHealth: ClusterHealthSummary = {
  controlPlaneVersion: 'v1.30.6',
  nodes: {
    total: 4,
    ready: 3,
    notReady: 0,
    unknown: 1,
    cordoned: 1,
    pressure: { MemoryPressure: 1 },
    items: [
      node('paved-local-control-plane', 'Ready'),
      node('paved-local-worker-a', 'Ready'),
      node('paved-local-worker-b', 'Ready', {
        pressure: ['MemoryPressure'],
        cordoned: true,
      }),
      node('paved-local-worker-c', 'Unknown'),
    ],
  },
  capacity: {
    allocatable: { cpu: 15.68, memory: 4 * 15081684 * 1024 },
    requested: { cpu: 5, memory: 8 * 1024 ** 3 },
    cpuRequestedRatio: 5 / 15.68,
    memoryRequestedRatio: (8 * 1024 ** 3) / (4 * 15081684 * 1024),
    pods: 20,
  },
  pods: {
    total: 22,
    byPhase: { Running: 16, Pending: 2, Succeeded: 1, Failed: 3 },
    evicted: 1,
  },
  warningEvents: [
    {
      reason: 'FailedScheduling',
      count: 12,
      objects: 1,
      lastSeen: '2026-11-21T05:40:00Z',
      message: '0/4 nodes are available: 1 Insufficient memory.',
      runbook: {
        id: 'pod-pending',
        title: 'Pod stuck in Pending',
        url: '/docs/default/system/paved/runbooks/pod-pending/',
      },
    },
    { reason: 'BackOff', count: 27, objects: 1 },
  ],
  problems: [
    {
      id: 'node-not-ready:Node::paved-local-worker-c',
      signal: 'node-not-ready',
      severity: 'critical',
      reason: 'NodeStatusUnknown',
      message:
        'Node paved-local-worker-c is NotReady (status Unknown): Kubelet stopped posting node status.',
      object: { kind: 'Node', name: 'paved-local-worker-c' },
      runbook: {
        id: 'node-not-ready',
        title: 'Node NotReady',
        url: '/docs/default/system/paved/runbooks/node-not-ready/',
      },
    },
    {
      id: 'node-pressure:Node::paved-local-worker-b::MemoryPressure',
      signal: 'node-pressure',
      severity: 'warning',
      reason: 'MemoryPressure',
      message:
        'Node paved-local-worker-b reports MemoryPressure: kubelet has insufficient memory available',
      object: { kind: 'Node', name: 'paved-local-worker-b' },
      runbook: {
        id: 'evicted-pods',
        title: 'Evicted Pods',
        url: '/docs/default/system/paved/runbooks/evicted-pods/',
      },
    },
  ],
};

export const clusterResponse: PavedClusterHealthResponse = {
  cluster: {
    cluster: 'paved-local',
    ok: true,
    apiLatency: latency,
    data: clusterHealth,
  },
};
