import {
  createComponentHealthAccumulator,
  createSchedulingLatencyAccumulator,
} from '..';
import {
  podSchedulingWait,
  podWorkload,
  schedulingLatencyStats,
  summarizeSchedulingLatency,
  withSchedulingLatency,
} from './schedulingLatency';

const NOW = new Date('2026-12-01T12:00:00Z');
const at = (secondsBeforeNow: number) =>
  new Date(NOW.getTime() - secondsBeforeNow * 1000)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');

/** A Pod created `age` s ago and scheduled `waited` s later (undefined: not yet). */
function pod(
  name: string,
  age: number,
  waited: number | undefined,
  extra: { owner?: [string, string]; hash?: string; phase?: string } = {},
) {
  const labels: Record<string, string> = extra.hash
    ? { 'pod-template-hash': extra.hash }
    : {};
  return {
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'shop',
      creationTimestamp: at(age),
      labels,
      ownerReferences: extra.owner
        ? [{ kind: extra.owner[0], name: extra.owner[1], controller: true }]
        : [],
    },
    spec: waited === undefined ? {} : { nodeName: 'node-1' },
    status: {
      phase: extra.phase ?? (waited === undefined ? 'Pending' : 'Running'),
      conditions:
        waited === undefined
          ? [
              {
                type: 'PodScheduled',
                status: 'False',
                reason: 'Unschedulable',
                lastTransitionTime: at(age),
              },
            ]
          : [
              {
                type: 'PodScheduled',
                status: 'True',
                lastTransitionTime: at(age - waited),
              },
            ],
    },
  };
}

describe('podSchedulingWait', () => {
  it('is creation to PodScheduled for a scheduled Pod', () => {
    expect(podSchedulingWait(pod('a', 600, 42), NOW)).toMatchObject({
      waitedMs: 42_000,
      waiting: false,
    });
  });

  it('is the age so far for a Pending Pod nobody scheduled', () => {
    expect(podSchedulingWait(pod('b', 90, undefined), NOW)).toMatchObject({
      waitedMs: 90_000,
      waiting: true,
    });
  });

  it('skips Pods that say too little or ended unscheduled', () => {
    const noTime = pod('c', 60, 1);
    noTime.metadata.creationTimestamp = undefined as any;
    expect(podSchedulingWait(noTime, NOW)).toBeUndefined();
    const noTransition = pod('d', 60, 1);
    delete (noTransition.status.conditions[0] as any).lastTransitionTime;
    expect(podSchedulingWait(noTransition, NOW)).toBeUndefined();
    expect(
      podSchedulingWait(pod('e', 60, undefined, { phase: 'Failed' }), NOW),
    ).toBeUndefined();
    expect(podSchedulingWait({ kind: 'Node', metadata: {} }, NOW)).toBe(
      undefined,
    );
  });

  it('never goes negative on clock skew', () => {
    expect(podSchedulingWait(pod('f', 60, -3), NOW)?.waitedMs).toBe(0);
  });
});

describe('podWorkload', () => {
  it('folds a Deployment ReplicaSet into its Deployment', () => {
    expect(
      podWorkload(
        pod('web-7d9f-x', 1, 0, {
          owner: ['ReplicaSet', 'web-7d9f'],
          hash: '7d9f',
        }),
      ),
    ).toBe('Deployment/web');
    expect(
      podWorkload(pod('rs-x', 1, 0, { owner: ['ReplicaSet', 'rs'] })),
    ).toBe('ReplicaSet/rs');
    expect(
      podWorkload(pod('db-0', 1, 0, { owner: ['StatefulSet', 'db'] })),
    ).toBe('StatefulSet/db');
    expect(podWorkload(pod('bare', 1, 0))).toBe('Pod/bare');
    expect(
      podWorkload(pod('d-1-x', 1, 0, { owner: ['Job', 'defrag-29260980'] })),
    ).toBe('CronJob/defrag');
    expect(
      podWorkload(pod('j-x', 1, 0, { owner: ['Job', 'migrate-v2'] })),
    ).toBe('Job/migrate-v2');
  });
});

describe('schedulingLatencyStats', () => {
  it('takes nearest-rank percentiles and checks M3 (p95 <= 1 s, p99 <= 5 s)', () => {
    const fast = Array.from({ length: 100 }, (_, i) => (i < 96 ? 0 : 1000));
    expect(schedulingLatencyStats(fast, 0)).toEqual({
      pods: 100,
      waiting: 0,
      medianMs: 0,
      p95Ms: 0,
      p99Ms: 1000,
      maxMs: 1000,
      meetsTarget: true,
    });
    const tail = [...fast.slice(0, 98), 6000, 7000];
    expect(schedulingLatencyStats(tail, 0)).toMatchObject({
      p99Ms: 6000,
      meetsTarget: false,
    });
    const slow = Array.from({ length: 20 }, (_, i) => (i < 18 ? 0 : 2000));
    expect(schedulingLatencyStats(slow, 0)).toMatchObject({
      p95Ms: 2000,
      meetsTarget: false,
    });
    expect(schedulingLatencyStats([], 0)).toBeUndefined();
  });
});

describe('summarizeSchedulingLatency', () => {
  const pods = [
    ...Array.from({ length: 8 }, (_, i) =>
      pod(`web-h1-${i}`, 3600, i === 7 ? 30 : 0, {
        owner: ['ReplicaSet', 'web-h1'],
        hash: 'h1',
      }),
    ),
    pod('batch-0', 600, 120, { owner: ['Job', 'batch'] }),
    pod('batch-1', 300, undefined, { owner: ['Job', 'batch'] }),
    pod('gpu-0', 45, undefined, { owner: ['StatefulSet', 'gpu'] }),
  ];

  it('summarizes per cluster and per workload, slowest named, waiting counted', () => {
    const summary = summarizeSchedulingLatency(pods, { now: NOW, slowest: 3 })!;
    expect(summary).toMatchObject({
      pods: 11,
      waiting: 2,
      medianMs: 0,
      maxMs: 300_000,
      meetsTarget: false,
      omittedWorkloads: 0,
    });
    expect(summary.slowest).toEqual([
      {
        namespace: 'shop',
        name: 'batch-1',
        workload: 'Job/batch',
        waitedMs: 300_000,
        waiting: true,
      },
      expect.objectContaining({ name: 'batch-0', waitedMs: 120_000 }),
      expect.objectContaining({
        name: 'gpu-0',
        waitedMs: 45_000,
        waiting: true,
      }),
    ]);
    expect(
      summary.workloads.map(w => [w.workload, w.pods, w.waiting, w.p95Ms]),
    ).toEqual([
      ['Job/batch', 2, 1, 300_000],
      ['StatefulSet/gpu', 1, 1, 45_000],
      ['Deployment/web', 8, 0, 30_000],
    ]);
    expect(summary.workloads[2].medianMs).toBe(0);
  });

  it('lists at most the workload limit, counting the rest', () => {
    const summary = summarizeSchedulingLatency(pods, {
      now: NOW,
      workloads: 1,
    })!;
    expect(summary.workloads.map(w => w.workload)).toEqual(['Job/batch']);
    expect(summary.omittedWorkloads).toBe(2);
  });

  it('keeps the slowest right however many Pods stream by', () => {
    const acc = createSchedulingLatencyAccumulator({ now: NOW, slowest: 2 });
    for (let i = 0; i < 500; i++) acc.add(pod(`p-${i}`, 10_000, i % 97));
    const summary = acc.result()!;
    expect(summary.pods).toBe(500);
    expect(summary.slowest.map(s => s.waitedMs)).toEqual([96_000, 96_000]);
  });

  it('is undefined when no Pod could be measured', () => {
    expect(summarizeSchedulingLatency([], { now: NOW })).toBeUndefined();
  });
});

describe('withSchedulingLatency', () => {
  it('adds schedulingLatency to a component summary, leaving the rest as it was', () => {
    const plain = createComponentHealthAccumulator();
    const measured = withSchedulingLatency(createComponentHealthAccumulator(), {
      now: NOW,
    });
    for (const p of [pod('a', 100, 2), pod('b', 50, undefined)]) {
      plain.add(p);
      measured.add(p);
    }
    const { schedulingLatency, ...rest } = measured.result();
    expect(rest).toEqual(plain.result());
    expect(schedulingLatency).toMatchObject({ pods: 2, waiting: 1 });
  });
});
