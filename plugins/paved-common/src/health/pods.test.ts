import { phaseOfRowStatus, podRowSignals, podSignals } from './pods';

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

describe('podRowSignals (a Running Pod known from its Table row)', () => {
  const row = (status: string, restarts?: number, ageHours?: number) => ({
    name: 'p',
    namespace: 'ns',
    facts: {
      status,
      ...(restarts !== undefined ? { restarts } : {}),
      ...(ageHours !== undefined ? { ageHours } : {}),
    },
  });

  it('reports a waiting reason the row shows, with its runbook, for the Pod', () => {
    const { phase, problems, restarts } = podRowSignals(
      row('ImagePullBackOff', 0, 2),
    );
    expect(phase).toBe('Running');
    expect(restarts).toBe(0);
    expect(problems).toEqual([
      expect.objectContaining({
        signal: 'container-waiting',
        reason: 'ImagePullBackOff',
        object: { kind: 'Pod', namespace: 'ns', name: 'p' },
        message: expect.stringContaining('not inspected'),
        runbook: expect.objectContaining({ id: 'imagepullbackoff' }),
      }),
    ]);
  });

  it('rates restarts over the Pod age, all containers together', () => {
    const { restartRates, problems } = podRowSignals(
      row('CrashLoopBackOff', 12, 4),
    );
    expect(restartRates).toEqual([
      { pod: 'p', namespace: 'ns', container: '', restarts: 12, perHour: 3 },
    ]);
    expect(problems.map(p => `${p.signal}:${p.reason}`)).toEqual([
      'container-waiting:CrashLoopBackOff',
      'restart-rate:RestartRateAboveTarget',
    ]);
    // The runbook follows the status the row shows.
    expect(problems[1].runbook?.id).toBe('crashloopbackoff');
  });

  it('does not rate a Pod younger than the rate window as if it were older', () => {
    // 1 restart in 3 minutes is rated over 15 minutes, not 3.
    const { restartRates } = podRowSignals(row('Running', 1, 0.05));
    expect(restartRates[0].perHour).toBeCloseTo(4);
  });

  it('counts restarts without a rate when the row has no age', () => {
    const signals = podRowSignals(row('Running', 3));
    expect(signals.restarts).toBe(3);
    expect(signals.restartRates).toEqual([]);
    expect(signals.problems).toEqual([]);
  });

  it('reports an OOM kill only when STATUS shows it', () => {
    expect(
      podRowSignals(row('OOMKilled', 1, 10)).problems.map(p => p.signal),
    ).toEqual(['oom-killed']);
    // A restarted Pod that runs again may have been OOM-killed; the row cannot tell.
    expect(podRowSignals(row('Running', 1, 10)).problems).toEqual([]);
  });

  it('shares the restarts among the containers, as the per-container target wants', () => {
    const row2 = {
      name: 'p',
      namespace: 'ns',
      facts: {
        status: 'Running',
        ready: { ready: 2, total: 2 },
        restarts: 4,
        ageHours: 10,
      },
    };
    const { restartRates, problems } = podRowSignals(row2);
    // 4 restarts over 10 h and 2 containers: 0.2/h each, above the 0.1 target.
    expect(restartRates[0].perHour).toBeCloseTo(0.2);
    expect(problems[0].message).toMatch(/each of its 2 containers/);
    // The same 4 restarts in one container over 50 h: 0.08/h, below it.
    const slow = podRowSignals({
      ...row2,
      facts: { ...row2.facts, ready: { ready: 1, total: 1 }, ageHours: 50 },
    });
    expect(slow.problems).toEqual([]);
  });

  it('counts an evicted row as a Failed, evicted Pod', () => {
    const signals = podRowSignals(row('Evicted', 0, 3));
    expect(signals.phase).toBe('Failed');
    expect(signals.evicted).toBe(true);
    expect(signals.problems.map(p => p.signal)).toEqual(['pod-evicted']);
  });
});

describe('phaseOfRowStatus', () => {
  it.each([
    ['Running', 'Running'],
    ['CrashLoopBackOff', 'Running'],
    ['Terminating', 'Running'],
    ['Completed', 'Succeeded'],
    ['Evicted', 'Failed'],
    ['Pending', 'Pending'],
    ['ContainerCreating', 'Pending'],
    ['PodInitializing', 'Pending'],
    ['Init:0/2', 'Pending'],
    ['Init:CrashLoopBackOff', 'Pending'],
    ['Unknown', 'Unknown'],
  ])('reads %s as %s', (status, phase) => {
    expect(phaseOfRowStatus(status)).toBe(phase);
  });
});
