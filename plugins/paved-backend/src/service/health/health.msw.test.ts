import { Entity } from '@backstage/catalog-model';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ago,
  BACKSTAGE,
  FakeClusters,
  kubernetesBackendHandlers,
  list,
  SeenRequest,
  servicesFor,
} from '../__testUtils__/kubernetesMsw';

/*
 * Every health signal through HealthService and the real ClusterAccess, with
 * the Kubernetes backend replaced by msw answering real-shaped List JSON.
 * The test-double tests cover the happy fixture cluster; these cover shapes
 * the double does not produce: objects without status, null and empty lists,
 * the generic `List` kind, paging handed over by continue tokens.
 */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const shop: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'shop',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'shop',
      'backstage.io/kubernetes-namespace': 'shop',
    },
  },
  spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
};
const ref = { kind: 'Component', namespace: 'default', name: 'shop' };
const meta = (name: string, extra: object = {}) => ({
  name,
  namespace: 'shop',
  uid: `uid-${name}`,
  resourceVersion: '4711',
  creationTimestamp: ago(180),
  labels: { 'backstage.io/kubernetes-id': 'shop' },
  ...extra,
});

const container = (name: string, status: object) => ({
  name,
  image: `ghcr.io/shop/${name}:1.4.2`,
  imageID: '',
  ready: false,
  started: false,
  restartCount: 0,
  ...status,
});

const pod = (name: string, status: object | undefined) => ({
  metadata: meta(name),
  spec: { containers: [{ name: 'app', image: 'ghcr.io/shop/app:1.4.2' }] },
  ...(status ? { status } : {}),
});

const PODS = [
  pod('crashing', {
    phase: 'Running',
    startTime: ago(120),
    containerStatuses: [
      container('app', {
        restartCount: 30,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: 'back-off 5m0s restarting failed container=app',
          },
        },
        lastState: { terminated: { reason: 'Error', exitCode: 1 } },
      }),
    ],
  }),
  pod('unschedulable', {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message:
          '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
        lastProbeTime: null,
        lastTransitionTime: ago(10),
      },
    ],
    qosClass: 'Burstable',
  }),
  pod('oom', {
    phase: 'Running',
    startTime: ago(600),
    containerStatuses: [
      container('app', {
        ready: true,
        started: true,
        restartCount: 1,
        state: { running: { startedAt: ago(30) } },
        lastState: {
          terminated: {
            reason: 'OOMKilled',
            exitCode: 137,
            finishedAt: ago(31),
          },
        },
      }),
    ],
  }),
  pod('bad-image', {
    phase: 'Pending',
    startTime: ago(5),
    containerStatuses: [
      container('app', {
        state: {
          waiting: {
            reason: 'ImagePullBackOff',
            message: 'Back-off pulling image "ghcr.io/shop/app:nope"',
          },
        },
      }),
    ],
  }),
  pod('no-config', {
    phase: 'Pending',
    startTime: ago(5),
    initContainerStatuses: [
      container('init', {
        state: {
          waiting: {
            reason: 'CreateContainerConfigError',
            message: 'configmap "shop-config" not found',
          },
        },
      }),
    ],
  }),
  pod('evicted', {
    phase: 'Failed',
    reason: 'Evicted',
    message:
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 90Mi.',
    startTime: ago(240),
  }),
  // Just created: the API has not written any status yet.
  pod('brand-new', undefined),
];

const DEPLOYMENT = {
  metadata: meta('web', { generation: 4 }),
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } } },
  status: {
    observedGeneration: 4,
    replicas: 3,
    updatedReplicas: 1,
    readyReplicas: 1,
    availableReplicas: 1,
    unavailableReplicas: 2,
    conditions: [
      {
        type: 'Available',
        status: 'False',
        reason: 'MinimumReplicasUnavailable',
      },
      {
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: 'ReplicaSet "web-6f7d9" has timed out progressing.',
      },
    ],
  },
};

/** A StatefulSet the controller has not reported on yet: no status at all. */
const STATEFULSET = {
  metadata: meta('db'),
  spec: { replicas: 2, serviceName: 'db', selector: { matchLabels: {} } },
};

const HPA = {
  metadata: meta('web'),
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    minReplicas: 2,
    maxReplicas: 3,
  },
  status: {
    currentReplicas: 3,
    desiredReplicas: 5,
    conditions: [
      {
        type: 'ScalingLimited',
        status: 'True',
        reason: 'TooManyReplicas',
        message:
          'the desired replica count is more than the maximum replica count',
      },
    ],
  },
};

const PDB = {
  metadata: meta('web'),
  spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
  status: {
    currentHealthy: 1,
    desiredHealthy: 2,
    disruptionsAllowed: 0,
    expectedPods: 3,
    conditions: [
      {
        type: 'DisruptionAllowed',
        status: 'False',
        reason: 'InsufficientPods',
      },
    ],
  },
};

function shopCluster(): FakeClusters[string] {
  return {
    '/api/v1/namespaces/shop/pods': list('v1', 'Pod', PODS),
    '/apis/apps/v1/namespaces/shop/deployments': list('apps/v1', 'Deployment', [
      DEPLOYMENT,
    ]),
    '/apis/apps/v1/namespaces/shop/statefulsets': list(
      'apps/v1',
      'StatefulSet',
      [STATEFULSET],
    ),
    // Some servers and proxies write a list without items as null.
    '/apis/apps/v1/namespaces/shop/daemonsets': list(
      'apps/v1',
      'DaemonSet',
      null,
    ),
    '/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers': list(
      'autoscaling/v2',
      'HorizontalPodAutoscaler',
      [HPA],
    ),
    '/apis/policy/v1/namespaces/shop/poddisruptionbudgets': list(
      'policy/v1',
      'PodDisruptionBudget',
      [PDB],
    ),
  };
}

describe('component health against real-shaped API responses', () => {
  it('reports every component signal, each with a runbook', async () => {
    const seen: SeenRequest[] = [];
    server.use(...kubernetesBackendHandlers({ east: shopCluster() }, seen));
    const { health, request } = servicesFor([shop]);
    const res = await health.componentHealth(ref, request);

    expect(res.clusters).toHaveLength(1);
    const [east] = res.clusters;
    if (!east.ok) throw new Error(east.error.message);
    const { problems, pods, availability, workloads } = east.data;
    const found = problems.map(p => `${p.signal}:${p.reason}:${p.object.name}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'container-waiting:CrashLoopBackOff:crashing',
        'restart-rate:RestartRateAboveTarget:crashing',
        'pod-pending:Unschedulable:unschedulable',
        'oom-killed:OOMKilled:oom',
        'container-waiting:ImagePullBackOff:bad-image',
        'container-waiting:CreateContainerConfigError:no-config',
        'pod-evicted:Evicted:evicted',
        'workload-unavailable:BelowDesiredReplicas:web',
        'workload-unavailable:BelowDesiredReplicas:db',
        'rollout-stuck:ProgressDeadlineExceeded:web',
        'hpa-at-max:KubeHpaMaxedOut:web',
        'pdb-no-disruptions:InsufficientPods:web',
      ]),
    );
    // The scheduler's own reason travels with the pending Pod.
    expect(problems.find(p => p.signal === 'pod-pending')?.message).toMatch(
      /3 Insufficient memory/,
    );
    expect(problems.find(p => p.signal === 'hpa-at-max')?.message).toMatch(
      /maximum of 3 replicas: the desired replica count is more/,
    );
    // Every problem links its runbook; a workload below its replicas links the
    // triage runbook that hands over to its Pods' causes.
    expect(problems.filter(p => !p.runbook)).toEqual([]);
    expect(
      problems.find(p => p.signal === 'workload-unavailable')?.runbook?.url,
    ).toMatch(/runbooks\/workload-unavailable\//);
    for (const p of problems.filter(x => x.runbook)) {
      expect(p.runbook!.url).toMatch(
        /^\/docs\/default\/system\/paved\/runbooks\//,
      );
    }

    // A Pod without status is counted, as Unknown, and raises nothing.
    expect(pods).toMatchObject({
      total: 7,
      evicted: 1,
      byPhase: { Running: 2, Pending: 3, Failed: 1, Unknown: 1 },
      restarts: 31,
    });
    expect(problems.some(p => p.object.name === 'brand-new')).toBe(false);
    // The StatefulSet without status counts as 0 of 2 ready.
    expect(workloads).toEqual([
      expect.objectContaining({
        kind: 'Deployment',
        name: 'web',
        ready: 1,
        desired: 3,
      }),
      expect.objectContaining({
        kind: 'StatefulSet',
        name: 'db',
        ready: 0,
        desired: 2,
      }),
    ]);
    expect(availability).toMatchObject({
      ready: 1,
      desired: 5,
      meetsTarget: false,
    });

    // Each kind listed in the namespace, with the selector, paged. Pods
    // three times: the Pods that are not Running in full, then all of them
    // as a Table, which this cluster answers with a plain list, so they are
    // listed again in full (those already counted are skipped).
    expect(seen.map(s => s.path).sort()).toEqual(
      [
        ...Object.keys(shopCluster()),
        '/api/v1/namespaces/shop/pods',
        '/api/v1/namespaces/shop/pods',
      ].sort(),
    );
    const podQueries = seen
      .filter(s => s.path.endsWith('/pods'))
      .map(s => s.query);
    expect(podQueries).toEqual(
      expect.arrayContaining([
        {
          labelSelector: 'backstage.io/kubernetes-id=shop',
          limit: '500',
          fieldSelector: 'status.phase!=Running,status.phase!=Succeeded',
        },
        {
          labelSelector: 'backstage.io/kubernetes-id=shop',
          limit: '2000',
          includeObject: 'None',
        },
        {
          labelSelector: 'backstage.io/kubernetes-id=shop',
          limit: '500',
        },
      ]),
    );
    for (const s of seen.filter(x => !x.path.endsWith('/pods'))) {
      expect(s).toMatchObject({
        cluster: 'east',
        query: {
          labelSelector: 'backstage.io/kubernetes-id=shop',
          limit: '500',
        },
      });
    }
  });

  it('reads every page a continue token hands over, and a generic List kind', async () => {
    const page = (names: string[], next?: string) => ({
      // Aggregated and older servers may say `List` rather than `PodList`.
      kind: 'List',
      apiVersion: 'v1',
      metadata: { resourceVersion: '9', ...(next ? { continue: next } : {}) },
      items: names.map(n => ({
        ...pod(n, { phase: 'Running' }),
        kind: 'Pod',
        apiVersion: 'v1',
      })),
    });
    const cluster = shopCluster();
    cluster['/api/v1/namespaces/shop/pods'] = url =>
      url.searchParams.get('continue') === 'tok-2'
        ? page(['p3'])
        : page(['p1', 'p2'], 'tok-2');
    server.use(...kubernetesBackendHandlers({ east: cluster }));
    const { health, request } = servicesFor([shop]);
    const [east] = (await health.componentHealth(ref, request)).clusters;
    expect(east.ok && east.data.pods).toMatchObject({
      total: 3,
      byPhase: { Running: 3 },
    });
  });

  it('answers an empty cluster: nothing matches, nothing is wrong', async () => {
    server.use(...kubernetesBackendHandlers({ empty: {} }));
    const { health, request } = servicesFor([shop]);
    const [empty] = (await health.componentHealth(ref, request)).clusters;
    expect(empty).toMatchObject({
      cluster: 'empty',
      ok: true,
      data: {
        pods: { total: 0, byPhase: {} },
        workloads: [],
        problems: [],
        availability: { ready: 0, desired: 0, ratio: 1, meetsTarget: true },
      },
    });
  });

  it("puts a cluster's error beside another cluster's data", async () => {
    server.use(...kubernetesBackendHandlers({ east: shopCluster(), west: {} }));
    server.use(
      http.get(`${BACKSTAGE}/kubernetes/proxy/*`, ({ request }) =>
        request.headers.get('Backstage-Kubernetes-Cluster') === 'west'
          ? HttpResponse.json(
              {
                kind: 'Status',
                apiVersion: 'v1',
                status: 'Failure',
                message:
                  'pods is forbidden: User "jane" cannot list resource "pods"',
                reason: 'Forbidden',
                code: 403,
              },
              { status: 403 },
            )
          : undefined,
      ),
    );
    const { health, request } = servicesFor([shop]);
    const res = await health.componentHealth(ref, request);
    expect(res.clusters.map(c => [c.cluster, c.ok])).toEqual([
      ['east', true],
      ['west', false],
    ]);
    expect(res.clusters[1]).toMatchObject({
      error: { statusCode: 403, message: expect.stringContaining('forbidden') },
    });
  });
});

const PRESSURE_OK = [
  {
    type: 'MemoryPressure',
    status: 'False',
    reason: 'KubeletHasSufficientMemory',
  },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID' },
];
const node = (
  name: string,
  conditions: { type: string; [k: string]: unknown }[],
  extra: object = {},
) => ({
  metadata: {
    name,
    uid: `uid-${name}`,
    labels: { 'kubernetes.io/hostname': name },
    creationTimestamp: ago(10_000),
  },
  spec: { podCIDR: '10.244.1.0/24' },
  status: {
    capacity: { cpu: '4', memory: '16Gi', pods: '110' },
    allocatable: { cpu: '3800m', memory: '15Gi', pods: '110' },
    // One condition per type, as the kubelet writes them.
    conditions: [
      ...PRESSURE_OK.filter(c => !conditions.some(o => o.type === c.type)),
      ...conditions,
    ],
    nodeInfo: { kubeletVersion: 'v1.31.4', ...(extra as any).nodeInfo },
  },
  ...extra,
});
const ready = { type: 'Ready', status: 'True', reason: 'KubeletReady' };

const warning = (name: string, reason: string, minutes: number, count = 1) => ({
  metadata: { name, namespace: 'shop', uid: `uid-${name}` },
  involvedObject: { kind: 'Pod', namespace: 'shop', name: 'crashing' },
  reason,
  message: `${reason} happened`,
  type: 'Warning',
  count,
  firstTimestamp: ago(minutes + 5),
  lastTimestamp: ago(minutes),
  // events.k8s.io writes eventTime and leaves the core fields null.
  eventTime: null,
  source: { component: 'kubelet', host: 'n1' },
});

describe('cluster health against real-shaped API responses', () => {
  it('reports nodes, pressure, cordons, skew, capacity, phases and recent Warning events', async () => {
    const seen: SeenRequest[] = [];
    server.use(
      ...kubernetesBackendHandlers(
        {
          east: {
            '/version': { major: '1', minor: '31', gitVersion: 'v1.31.4' },
            '/api/v1/nodes': list('v1', 'Node', [
              node('n1', [ready]),
              node('n2', [
                { type: 'Ready', status: 'False', reason: 'KubeletNotReady' },
              ]),
              node('n3', [
                {
                  type: 'Ready',
                  status: 'Unknown',
                  reason: 'NodeStatusUnknown',
                },
              ]),
              node(
                'n4',
                [
                  ready,
                  {
                    type: 'MemoryPressure',
                    status: 'True',
                    reason: 'KubeletHasInsufficientMemory',
                  },
                ],
                { nodeInfo: { kubeletVersion: 'v1.27.3' } },
              ),
              {
                ...node('n5', [ready]),
                spec: {
                  unschedulable: true,
                  taints: [
                    {
                      key: 'node.kubernetes.io/unschedulable',
                      effect: 'NoSchedule',
                    },
                  ],
                },
              },
            ]),
            '/api/v1/pods': list('v1', 'Pod', [
              {
                ...pod('big', { phase: 'Running' }),
                spec: {
                  nodeName: 'n1',
                  containers: [
                    {
                      name: 'app',
                      resources: { requests: { cpu: '1900m', memory: '3Gi' } },
                    },
                  ],
                },
              },
              pod('waiting', { phase: 'Pending' }),
              pod('gone', { phase: 'Failed', reason: 'Evicted' }),
              pod('no-status', undefined),
            ]),
            '/api/v1/events': list('v1', 'Event', [
              warning('e1', 'BackOff', 2, 14),
              warning('e2', 'BackOff', 20),
              warning('e3', 'FailedScheduling', 5),
              // Older than the hour the card looks at.
              warning('e4', 'FailedMount', 300),
            ]),
          },
        },
        seen,
      ),
    );
    const { health, request } = servicesFor([]);
    const { cluster } = await health.clusterHealth('east', request);
    if (!cluster.ok) throw new Error(cluster.error.message);
    const h = cluster.data;
    expect(h.controlPlaneVersion).toBe('v1.31.4');
    expect(h.nodes).toMatchObject({
      total: 5,
      ready: 3,
      notReady: 1,
      unknown: 1,
      cordoned: 1,
      pressure: { MemoryPressure: 1 },
    });
    const signals = h.problems.map(p => `${p.signal}:${p.object.name}`);
    expect(signals).toEqual(
      expect.arrayContaining([
        'node-not-ready:n2',
        'node-not-ready:n3',
        'node-pressure:n4',
        'node-cordoned:n5',
        'version-skew:n4',
      ]),
    );
    // Evictions are counted for the cluster, not listed per Pod.
    expect(h.problems.find(p => p.signal === 'pod-evicted')).toMatchObject({
      object: { kind: 'Cluster' },
      count: 1,
    });
    expect(signals).not.toContain('version-skew:n1');
    const n1 = h.nodes.items.find(n => n.name === 'n1')!;
    expect(n1.capacity.cpuRequestedRatio).toBeCloseTo(0.5, 3);
    expect(h.capacity.requested.cpu).toBeCloseTo(1.9, 3);
    expect(h.pods).toMatchObject({
      total: 4,
      evicted: 1,
      byPhase: { Running: 1, Pending: 1, Failed: 1, Unknown: 1 },
    });
    expect(h.warningEvents.map(g => [g.reason, g.count, g.objects])).toEqual(
      expect.arrayContaining([
        ['BackOff', 15, 1],
        ['FailedScheduling', 1, 1],
      ]),
    );
    expect(h.warningEvents.map(g => g.reason)).not.toContain('FailedMount');
    // Warning events only, asked for by the API server's own field selector.
    expect(seen.find(s => s.path === '/api/v1/events')?.query).toMatchObject({
      fieldSelector: 'type=Warning',
    });
    expect(cluster.apiLatency?.calls).toBe(4);
  });
});
