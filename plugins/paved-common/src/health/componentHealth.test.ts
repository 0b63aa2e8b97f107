import {
  createComponentHealthAccumulator,
  summarizeComponentHealth,
} from './componentHealth';
import { componentObjects, FIXTURE_NOW } from './fixtures.testutil';

const summarize = (id: string) =>
  summarizeComponentHealth(componentObjects(id), { now: FIXTURE_NOW });

describe('summarizeComponentHealth', () => {
  it('reports ledger-worker: crash loop, pending with the scheduler reason, PDB, availability', () => {
    const health = summarize('ledger-worker');
    expect(health.availability).toMatchObject({ ready: 1, desired: 3 });
    expect(health.availability.meetsTarget).toBe(false);

    const crash = health.problems.find(p => p.reason === 'CrashLoopBackOff');
    expect(crash).toMatchObject({
      id: 'container-waiting:Pod:payments:ledger-worker-1:ledger-worker',
      signal: 'container-waiting',
      severity: 'critical',
      count: 27,
      runbook: {
        id: 'crashloopbackoff',
        url: '/docs/default/system/paved/runbooks/crashloopbackoff/',
      },
    });

    const pending = health.problems.find(p => p.signal === 'pod-pending');
    expect(pending?.object.name).toBe('ledger-worker-2');
    expect(pending?.reason).toBe('Unschedulable');
    expect(pending?.message).toMatch(
      /^0\/4 nodes are available: .*Insufficient memory/,
    );
    expect(pending?.runbook?.id).toBe('pod-pending');

    const pdb = health.problems.find(p => p.signal === 'pdb-no-disruptions');
    expect(pdb).toMatchObject({
      object: { kind: 'PodDisruptionBudget', name: 'ledger-worker' },
      runbook: { id: 'pdb-blocking-drain' },
    });

    const restarts = health.problems.find(
      p => p.signal === 'restart-rate' && p.object.name === 'ledger-worker-1',
    );
    expect(restarts?.runbook?.id).toBe('crashloopbackoff');
    expect(health.pods.worstRestartRate?.pod).toBe('ledger-worker-1');
    expect(health.pods.byPhase).toMatchObject({ Running: 2, Pending: 1 });
  });

  it('reports payments-api: OOMKilled restarts, HPA below max, healthy PDB', () => {
    const health = summarize('payments-api');
    expect(health.availability).toMatchObject({
      ready: 3,
      desired: 3,
      meetsTarget: true,
    });
    const oom = health.problems.filter(p => p.signal === 'oom-killed');
    expect(oom).toHaveLength(1);
    expect(oom[0]).toMatchObject({
      object: { name: 'payments-api-7c9d8f6b5d-tq9mc' },
      count: 2,
      runbook: { id: 'oomkilled' },
    });
    expect(health.problems.some(p => p.signal === 'hpa-at-max')).toBe(false);
    expect(health.problems.some(p => p.signal === 'pdb-no-disruptions')).toBe(
      false,
    );
  });

  it('reports checkout-web: stuck rollout, image pull back-off, eviction, HPA at max', () => {
    const health = summarize('checkout-web');
    const signals = health.problems.map(p => `${p.signal}:${p.reason}`);
    expect(signals).toEqual(
      expect.arrayContaining([
        'rollout-stuck:ProgressDeadlineExceeded',
        'container-waiting:ImagePullBackOff',
        'pod-evicted:Evicted',
        'hpa-at-max:KubeHpaMaxedOut',
      ]),
    );
    const byId = Object.fromEntries(
      health.problems.map(p => [p.signal, p.runbook?.id]),
    );
    expect(byId['rollout-stuck']).toBe('crashloopbackoff');
    expect(byId['container-waiting']).toBe('imagepullbackoff');
    expect(byId['pod-evicted']).toBe('evicted-pods');
    expect(byId['hpa-at-max']).toBe('hpa-not-scaling');
    expect(health.pods.evicted).toBe(1);
  });

  it('gives stable ids, most severe first, and no raw objects', () => {
    const a = summarize('ledger-worker');
    const b = summarizeComponentHealth(
      componentObjects('ledger-worker').reverse(),
      {
        now: FIXTURE_NOW,
      },
    );
    expect(b.problems.map(p => p.id)).toEqual(a.problems.map(p => p.id));
    expect(new Set(a.problems.map(p => p.id)).size).toBe(a.problems.length);
    const severities = a.problems.map(p => p.severity);
    expect(severities.indexOf('critical')).toBe(0);
    expect(JSON.stringify(a)).not.toMatch(/"metadata"|"spec"|managedFields/);
  });

  it('treats an empty component as healthy and scaled-to-zero as available', () => {
    expect(summarizeComponentHealth([]).availability).toMatchObject({
      ratio: 1,
      meetsTarget: true,
    });
    const scaledDown = summarizeComponentHealth([
      {
        kind: 'Deployment',
        metadata: { name: 'x' },
        spec: { replicas: 0 },
        status: {},
      },
    ]);
    expect(scaledDown.problems).toEqual([]);
  });
  it('lists at most maxProblemsPerReason of a kind, counts the rest, and picks the same ones in any order', () => {
    const crashing = (i: number) => ({
      kind: 'Pod',
      metadata: {
        name: `web-${String(i).padStart(3, '0')}`,
        namespace: 'shop',
      },
      status: {
        phase: 'Running',
        startTime: '2026-11-21T00:00:00Z',
        containerStatuses: [
          {
            name: 'app',
            restartCount: 0,
            state: { waiting: { reason: 'ImagePullBackOff' } },
          },
        ],
      },
    });
    const pods = Array.from({ length: 57 }, (_, i) => crashing(i));
    const options = { now: FIXTURE_NOW, maxProblemsPerReason: 5 };
    const health = summarizeComponentHealth(pods, options);
    expect(health.pods.total).toBe(57);
    expect(health.problems.map(p => p.object.name)).toEqual([
      'web-000',
      'web-001',
      'web-002',
      'web-003',
      'web-004',
    ]);
    expect(health.omittedProblems).toEqual([
      { signal: 'container-waiting', reason: 'ImagePullBackOff', count: 52 },
    ]);
    const reversed = summarizeComponentHealth([...pods].reverse(), options);
    expect(reversed.problems).toEqual(health.problems);
    expect(reversed.omittedProblems).toEqual(health.omittedProblems);
    // Below the limit nothing is omitted.
    expect(
      summarizeComponentHealth(pods.slice(0, 5), options).omittedProblems,
    ).toBeUndefined();
  });
});

describe('addUninspectedPodRow', () => {
  it('counts the Pod, its restarts and problems, and says it was not inspected', () => {
    const acc = createComponentHealthAccumulator({ now: FIXTURE_NOW });
    for (const name of ['a', 'b']) {
      acc.addUninspectedPodRow({
        name,
        namespace: 'shop',
        facts: { status: 'CrashLoopBackOff', restarts: 6, ageHours: 2 },
      });
    }
    acc.addHealthyPodRow({
      healthy: true,
      name: 'c',
      namespace: 'shop',
      phase: 'Running',
    });
    const { pods, problems } = acc.result();
    expect(pods).toEqual({
      total: 3,
      byPhase: { Running: 3 },
      restarts: 12,
      worstRestartRate: {
        pod: 'a',
        namespace: 'shop',
        container: '',
        restarts: 6,
        perHour: 3,
      },
      evicted: 0,
      uninspected: 2,
    });
    expect(problems.filter(p => p.signal === 'container-waiting')).toHaveLength(
      2,
    );
  });

  it('leaves uninspected out when every Pod was read in full or healthy', () => {
    const acc = createComponentHealthAccumulator({ now: FIXTURE_NOW });
    for (const obj of componentObjects('ledger-worker')) acc.add(obj);
    expect(acc.result().pods).not.toHaveProperty('uninspected');
  });

  it("counts a finished Job's Pod as Succeeded, not as unhealthy", () => {
    const acc = createComponentHealthAccumulator({ now: FIXTURE_NOW });
    acc.addFinishedPodRow({
      name: 'reconcile-1',
      namespace: 'shop',
      facts: { status: 'Completed', restarts: 0, ageHours: 5 },
    });
    const { pods, problems } = acc.result();
    expect(pods).toEqual({
      total: 1,
      byPhase: { Succeeded: 1 },
      restarts: 0,
      evicted: 0,
    });
    expect(problems).toEqual([]);
  });
});
