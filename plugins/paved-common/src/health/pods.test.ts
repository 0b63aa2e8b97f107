import { podSignals } from './pods';

const now = new Date('2026-11-21T12:00:00Z');
const pod = (containerStatus: object, extra: object = {}) => ({
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'ns' },
  status: {
    phase: 'Running',
    startTime: '2026-11-21T02:00:00Z',
    containerStatuses: [{ name: 'app', ...containerStatus }],
    ...extra,
  },
});

describe('podSignals', () => {
  it.each([
    ['CrashLoopBackOff', 'crashloopbackoff'],
    ['ImagePullBackOff', 'imagepullbackoff'],
    ['ErrImagePull', 'imagepullbackoff'],
    ['CreateContainerConfigError', 'secret-not-found'],
  ])('maps waiting reason %s to runbook %s', (reason, runbook) => {
    const { problems } = podSignals(
      pod({ restartCount: 0, state: { waiting: { reason } } }),
      now,
    );
    expect(problems).toEqual([
      expect.objectContaining({
        signal: 'container-waiting',
        reason,
        runbook: expect.objectContaining({ id: runbook }),
      }),
    ]);
  });

  it('ignores the normal ContainerCreating wait', () => {
    const { problems } = podSignals(
      pod({
        restartCount: 0,
        state: { waiting: { reason: 'ContainerCreating' } },
      }),
      now,
    );
    expect(problems).toEqual([]);
  });

  it('computes restarts per hour since the Pod started (M9)', () => {
    const { restartRates, problems } = podSignals(
      pod({ restartCount: 5, state: { running: {} } }),
      now,
    );
    expect(restartRates[0].perHour).toBeCloseTo(0.5);
    expect(problems.map(p => p.signal)).toEqual(['restart-rate']);
  });

  it('does not flag a restart rate under the 0.1/h target', () => {
    const { problems } = podSignals(
      {
        ...pod({ restartCount: 1, state: { running: {} } }),
        status: {
          ...pod({}).status,
          startTime: '2026-11-01T00:00:00Z',
          containerStatuses: [{ name: 'app', restartCount: 1 }],
        },
      },
      now,
    );
    expect(problems).toEqual([]);
  });

  it('reports an OOMKilled current termination', () => {
    const { problems } = podSignals(
      pod({
        restartCount: 0,
        state: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
      }),
      now,
    );
    expect(problems[0]).toMatchObject({
      signal: 'oom-killed',
      runbook: { id: 'oomkilled' },
    });
  });

  it('reports a Pending Pod with the scheduler message, not a Pending Pod being scheduled', () => {
    const pending = {
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns' },
      status: {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/3 nodes are available: 3 Insufficient cpu.',
          },
        ],
      },
    };
    expect(podSignals(pending, now).problems[0]).toMatchObject({
      signal: 'pod-pending',
      message: '0/3 nodes are available: 3 Insufficient cpu.',
      runbook: { id: 'pod-pending' },
    });
    const justCreated = { ...pending, status: { phase: 'Pending' } };
    expect(podSignals(justCreated, now).problems).toEqual([]);
  });

  it('tolerates missing status', () => {
    expect(podSignals({ kind: 'Pod' }, now)).toEqual({
      phase: 'Unknown',
      restartRates: [],
      problems: [],
    });
  });
});
