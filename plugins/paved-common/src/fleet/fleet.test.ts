import { summarizeClusterHealth } from '../health/clusterHealth';
import type { ClusterHealthSummary } from '../health/clusterHealth';
import type { ClusterResult } from '../clusters/results';
import { summarizeSchedulingLatency } from '../health/schedulingLatency';
import {
  clusterEntityRef,
  fleetClusterInfo,
  fleetHealthOf,
  fleetSchedulingLatencyOf,
  fleetRowOf,
} from './rows';
import { sortFleetRows } from './sort';
import type { FleetRow } from './types';

const node = (
  name: string,
  opts: {
    ready?: 'True' | 'False' | 'Unknown';
    pressure?: string;
    cordoned?: boolean;
    kubelet?: string;
  } = {},
) => ({
  kind: 'Node',
  metadata: { name },
  spec: opts.cordoned ? { unschedulable: true } : {},
  status: {
    conditions: [
      { type: 'Ready', status: opts.ready ?? 'True' },
      ...(opts.pressure ? [{ type: opts.pressure, status: 'True' }] : []),
    ],
    allocatable: { cpu: '4', memory: '8Gi' },
    nodeInfo: { kubeletVersion: opts.kubelet ?? 'v1.31.2' },
  },
});

const pod = (nodeName: string, cpu: string, memory: string) => ({
  kind: 'Pod',
  metadata: { name: `p-${nodeName}-${cpu}`, namespace: 'shop' },
  spec: {
    nodeName,
    containers: [{ name: 'app', resources: { requests: { cpu, memory } } }],
  },
  status: { phase: 'Running' },
});

const summary = (nodes: any[], pods: any[] = []): ClusterHealthSummary =>
  summarizeClusterHealth(
    { nodes, pods },
    { controlPlaneVersion: 'v1.31.4', now: new Date('2026-12-01T00:00:00Z') },
  );

const ok = (
  cluster: string,
  health: ClusterHealthSummary,
): ClusterResult<ClusterHealthSummary> => ({ cluster, ok: true, data: health });

const rowOf = (cluster: string, health: ClusterHealthSummary) =>
  fleetRowOf(fleetClusterInfo(cluster, undefined), ok(cluster, health));

describe('fleetHealthOf', () => {
  it('counts nodes by trouble, versions with their skew, and requests against allocatable', () => {
    const health = fleetHealthOf(
      summary(
        [
          node('a'),
          node('b', { ready: 'False', kubelet: 'v1.29.8' }),
          node('c', { pressure: 'MemoryPressure', cordoned: true }),
          node('d', { pressure: 'DiskPressure', ready: 'Unknown' }),
        ],
        [pod('a', '500m', '1Gi'), pod('c', '1', '2Gi')],
      ),
    );
    expect(health.nodes).toEqual({
      total: 4,
      ready: 2,
      notReady: 2,
      pressure: 2,
      cordoned: 1,
    });
    expect(health.controlPlaneVersion).toBe('v1.31.4');
    expect(health.kubeletVersions).toEqual(['v1.31.2', 'v1.29.8']);
    expect(health.maxVersionSkew).toBe(2);
    expect(health.requested).toEqual({ cpu: 1.5, memory: 3 * 1024 ** 3 });
    expect(health.allocatable).toEqual({ cpu: 16, memory: 32 * 1024 ** 3 });
    expect(health.problemCounts.critical).toBe(2);
    expect(health.worstProblems).toHaveLength(3);
    expect(health.worstProblems[0].severity).toBe('critical');
  });
});

describe('fleet scheduling latency', () => {
  const NOW = new Date('2026-12-01T12:00:00Z');
  const waited = (name: string, seconds: number | undefined) => ({
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'ns',
      creationTimestamp: '2026-12-01T11:00:00Z',
    },
    status:
      seconds === undefined
        ? { phase: 'Pending', conditions: [] }
        : {
            phase: 'Running',
            conditions: [
              {
                type: 'PodScheduled',
                status: 'True',
                lastTransitionTime: new Date(
                  Date.parse('2026-12-01T11:00:00Z') + seconds * 1000,
                ).toISOString(),
              },
            ],
          },
  });

  it('carries the cluster figures and the one slowest Pod', () => {
    const latency = summarizeSchedulingLatency(
      [waited('a', 0), waited('b', 3), waited('c', undefined)],
      { now: NOW },
    )!;
    expect(fleetSchedulingLatencyOf(latency)).toEqual({
      pods: 3,
      waiting: 1,
      medianMs: 3000,
      p95Ms: 3_600_000,
      p99Ms: 3_600_000,
      meetsTarget: false,
      slowest: {
        namespace: 'ns',
        name: 'c',
        workload: 'Pod/c',
        waitedMs: 3_600_000,
        waiting: true,
      },
    });
  });

  it('is in the fleet health only when the summary measured Pods', () => {
    const base = summary([node('a')], []);
    expect(fleetHealthOf(base).schedulingLatency).toBeUndefined();
    const latency = summarizeSchedulingLatency([waited('a', 1)], {
      now: NOW,
    })!;
    expect(
      fleetHealthOf({ ...base, schedulingLatency: latency }).schedulingLatency,
    ).toMatchObject({ pods: 1, p95Ms: 1000, meetsTarget: true });
  });
});

describe('fleetRowOf', () => {
  it('calls a cluster with every node Ready and no problem ready', () => {
    expect(rowOf('calm', summary([node('a'), node('b')])).readiness).toBe(
      'ready',
    );
  });

  it('calls pressure degraded and a NotReady node not ready', () => {
    expect(
      rowOf(
        'warm',
        summary([node('a'), node('b', { pressure: 'PIDPressure' })]),
      ).readiness,
    ).toBe('degraded');
    expect(
      rowOf('down', summary([node('a'), node('b', { ready: 'False' })]))
        .readiness,
    ).toBe('not-ready');
  });

  it('calls a cluster without nodes not ready', () => {
    expect(rowOf('empty', summary([])).readiness).toBe('not-ready');
  });

  it('keeps the per-cluster error envelope of the health route', () => {
    const row = fleetRowOf(fleetClusterInfo('far', undefined), {
      cluster: 'far',
      ok: false,
      error: { name: 'ClusterTimeoutError', message: 'too slow' },
    });
    expect(row).toMatchObject({
      cluster: 'far',
      readiness: 'error',
      error: { name: 'ClusterTimeoutError', message: 'too slow' },
      entityRef: 'resource:default/far',
    });
    expect(row.health).toBeUndefined();
  });
});

describe('fleetClusterInfo', () => {
  it('reads owner, tier and provider from the cluster Resource', () => {
    expect(
      fleetClusterInfo('Prod-EU', {
        metadata: {
          name: 'prod-eu',
          title: 'Production EU',
          annotations: { 'paved.dev/tier': '4', 'paved.dev/provider': 'gke' },
        },
        spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
      }),
    ).toEqual({
      entityRef: 'resource:default/prod-eu',
      inCatalog: true,
      title: 'Production EU',
      owner: 'group:default/platform',
      tier: 4,
      provider: 'gke',
    });
  });

  it('leaves out a tier that is not 1 to 5, and everything when not in the catalog', () => {
    expect(
      fleetClusterInfo('x', {
        metadata: { name: 'x', annotations: { 'paved.dev/tier': 'gold' } },
      }).tier,
    ).toBeUndefined();
    expect(fleetClusterInfo('x', undefined)).toEqual({
      entityRef: clusterEntityRef('x'),
      inCatalog: false,
    });
  });
});

describe('sortFleetRows', () => {
  it('puts errors first, then not ready, degraded, ready; more problems before fewer; then by name', () => {
    const rows: FleetRow[] = [
      rowOf('calm-b', summary([node('a')])),
      rowOf(
        'warm',
        summary([node('a'), node('b', { pressure: 'PIDPressure' })]),
      ),
      rowOf('calm-a', summary([node('a')])),
      rowOf('down-1', summary([node('a'), node('b', { ready: 'False' })])),
      rowOf(
        'down-2',
        summary([
          node('a'),
          node('b', { ready: 'False' }),
          node('c', { ready: 'False' }),
        ]),
      ),
      fleetRowOf(fleetClusterInfo('gone', undefined), {
        cluster: 'gone',
        ok: false,
        error: {
          name: 'ClusterRequestError',
          message: 'HTTP 500',
          statusCode: 500,
        },
      }),
    ];
    expect(sortFleetRows(rows).map(r => r.cluster)).toEqual([
      'gone',
      'down-2',
      'down-1',
      'warm',
      'calm-a',
      'calm-b',
    ]);
  });

  it('orders equally healthy clusters by the lower conformance score first', () => {
    const base = rowOf('a', summary([node('a')]));
    const rows: FleetRow[] = [
      {
        ...base,
        cluster: 'a',
        conformance: { ok: true, tier: 2, score: 0.9, failed: 1 },
      },
      {
        ...base,
        cluster: 'b',
        conformance: { ok: true, tier: 2, score: 0.5, failed: 4 },
      },
      { ...base, cluster: 'c' },
    ];
    expect(sortFleetRows(rows).map(r => r.cluster)).toEqual(['b', 'a', 'c']);
  });
});
