import { ofKind } from './fixtures.testutil';
import { workloadAvailability, workloadProblems } from './workloads';

describe('workloads', () => {
  it('reads a DaemonSet as ready over desired scheduled (node-exporter 3/4)', () => {
    const ds = ofKind('DaemonSet').find(
      o => o.metadata?.name === 'node-exporter',
    )!;
    expect(workloadAvailability(ds)).toMatchObject({
      desired: 4,
      ready: 3,
      meetsTarget: false,
    });
    expect(workloadProblems(ds)[0]).toMatchObject({
      signal: 'workload-unavailable',
      severity: 'warning',
      message: 'DaemonSet node-exporter: 3/4 ready',
    });
  });

  it('flags a PDB at zero disruptions even when its reason is SufficientPods', () => {
    const [problem] = workloadProblems({
      kind: 'PodDisruptionBudget',
      metadata: { name: 'strict', namespace: 'ns' },
      spec: { maxUnavailable: 0 },
      status: {
        disruptionsAllowed: 0,
        currentHealthy: 3,
        desiredHealthy: 3,
        conditions: [
          {
            type: 'DisruptionAllowed',
            status: 'False',
            reason: 'SufficientPods',
          },
        ],
      },
    });
    expect(problem).toMatchObject({
      reason: 'SufficientPods',
      runbook: { id: 'pdb-blocking-drain' },
    });
  });

  it('does not flag an HPA below its maximum or a Deployment still progressing', () => {
    expect(
      workloadProblems({
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'h' },
        spec: { maxReplicas: 10 },
        status: { currentReplicas: 3 },
      }),
    ).toEqual([]);
    expect(
      workloadProblems({
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: { replicas: 2 },
        status: {
          readyReplicas: 2,
          conditions: [
            {
              type: 'Progressing',
              status: 'True',
              reason: 'ReplicaSetUpdated',
            },
          ],
        },
      }),
    ).toEqual([]);
  });

  it('leaves other kinds alone', () => {
    expect(workloadAvailability({ kind: 'ReplicaSet' })).toBeUndefined();
    expect(workloadProblems({ kind: 'Service' })).toEqual([]);
  });
});
