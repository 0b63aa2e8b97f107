import { summarizeClusterHealth } from './clusterHealth';
import { FIXTURE_NOW, ofKind } from './fixtures.testutil';
import { parseKubeVersion } from './nodes';

const summarize = (controlPlaneVersion = 'v1.30.6') =>
  summarizeClusterHealth(
    { nodes: ofKind('Node'), pods: ofKind('Pod'), events: ofKind('Event') },
    { now: FIXTURE_NOW, controlPlaneVersion },
  );

describe('summarizeClusterHealth', () => {
  it('counts nodes by readiness, pressure and cordon', () => {
    const { nodes } = summarize();
    expect(nodes).toMatchObject({
      total: 4,
      ready: 3,
      notReady: 0,
      unknown: 1,
      cordoned: 1,
      pressure: { MemoryPressure: 1 },
    });
    const workerB = nodes.items.find(n => n.name === 'paved-local-worker-b');
    expect(workerB).toMatchObject({
      pressure: ['MemoryPressure'],
      cordoned: true,
    });
  });

  it('reports the NotReady and MemoryPressure nodes with runbooks', () => {
    const { problems } = summarize();
    expect(problems.find(p => p.signal === 'node-not-ready')).toMatchObject({
      object: { kind: 'Node', name: 'paved-local-worker-c' },
      severity: 'critical',
      message: expect.stringContaining('Kubelet stopped posting node status'),
      runbook: { id: 'node-not-ready' },
    });
    expect(problems.find(p => p.signal === 'node-pressure')).toMatchObject({
      id: 'node-pressure:Node::paved-local-worker-b::MemoryPressure',
      runbook: { id: 'evicted-pods' },
    });
  });

  it('measures kubelet skew against the control plane', () => {
    expect(summarize().problems.some(p => p.signal === 'version-skew')).toBe(
      false,
    );
    const ahead = summarize('v1.29.0');
    const skew = ahead.problems.filter(p => p.signal === 'version-skew');
    expect(skew).toHaveLength(4);
    expect(skew[0]).toMatchObject({
      severity: 'critical',
      reason: 'KubeletNewerThanControlPlane',
    });
    const behind = summarize('v1.32.1');
    expect(behind.nodes.items[0].versionSkew).toBe(2);
    expect(
      behind.problems.find(p => p.signal === 'version-skew')?.severity,
    ).toBe('info');
    expect(
      summarize('v1.34.0').problems.find(p => p.signal === 'version-skew')
        ?.severity,
    ).toBe('critical');
  });

  it('sums allocatable against requested per node and in total', () => {
    const { nodes, capacity } = summarize();
    const workerA = nodes.items.find(n => n.name === 'paved-local-worker-a')!;
    expect(workerA.capacity.allocatable).toEqual({
      cpu: 3.92,
      memory: 15081684 * 1024,
    });
    expect(workerA.capacity.requested.cpu).toBeGreaterThan(0);
    expect(capacity.allocatable.cpu).toBeCloseTo(
      nodes.items.reduce((n, i) => n + i.capacity.allocatable.cpu, 0),
    );
    expect(capacity.requested.memory).toBe(
      nodes.items.reduce((n, i) => n + i.capacity.requested.memory, 0),
    );
    // The Pending Pod has no node and holds nothing.
    expect(capacity.pods).toBeLessThan(ofKind('Pod').length);
  });

  it('counts Pods by phase and evictions', () => {
    const { pods, problems } = summarize();
    expect(pods.total).toBe(ofKind('Pod').length);
    // fixtures/27-scheduling.yaml adds a Pending GPU check and two finished
    // etcd-defrag Jobs to the paved-local Pods.
    expect(pods.byPhase).toMatchObject({ Pending: 3, Succeeded: 3 });
    expect(pods.byPhase.Failed).toBeGreaterThanOrEqual(2);
    expect(pods.evicted).toBe(1);
    expect(problems.find(p => p.signal === 'pod-evicted')?.count).toBe(1);
  });

  it('groups recent Warning events by reason with runbooks', () => {
    const { warningEvents } = summarize();
    const reasons = warningEvents.map(g => g.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['FailedScheduling', 'BackOff']),
    );
    expect(
      warningEvents.find(g => g.reason === 'FailedScheduling')?.runbook?.id,
    ).toBe('pod-pending');
    // BackOff is ambiguous: no runbook rather than a wrong one.
    expect(
      warningEvents.find(g => g.reason === 'BackOff')?.runbook,
    ).toBeUndefined();
    const later = summarizeClusterHealth(
      { nodes: [], pods: [], events: ofKind('Event') },
      { now: new Date('2026-11-22T05:00:00Z') },
    );
    expect(later.warningEvents).toEqual([]);
  });

  it('keeps going on malformed quantities', () => {
    const summary = summarizeClusterHealth({
      nodes: [
        {
          kind: 'Node',
          metadata: { name: 'n' },
          status: { allocatable: { cpu: 'lots' } },
        },
      ],
      pods: [
        {
          kind: 'Pod',
          spec: {
            nodeName: 'n',
            containers: [
              { resources: { requests: { cpu: '500m', memory: '1Gi' } } },
            ],
          },
          status: { phase: 'Running' },
        },
      ],
    });
    expect(summary.nodes.items[0].capacity).toMatchObject({
      allocatable: { cpu: 0, memory: 0 },
      requested: { cpu: 0.5, memory: 2 ** 30 },
      cpuRequestedRatio: 0,
    });
    expect(summary.nodes.unknown).toBe(1);
  });
});

describe('parseKubeVersion', () => {
  it.each([
    ['v1.30.6', { major: 1, minor: 30 }],
    ['v1.29.3-eks-1234567', { major: 1, minor: 29 }],
    ['1.31', { major: 1, minor: 31 }],
    ['', undefined],
  ])('%s', (input, expected) =>
    expect(parseKubeVersion(input)).toEqual(expected),
  );
});
