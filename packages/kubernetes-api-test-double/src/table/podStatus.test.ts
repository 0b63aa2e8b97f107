import { KubeObject } from '../types';
import { humanDuration } from './age';
import { summarizePod } from './podStatus';
import { printerFor } from './printers';

const now = new Date('2026-11-21T05:00:00Z');
const pod = (
  status: object,
  spec: object = { containers: [{ name: 'app' }] },
): KubeObject => ({
  metadata: { name: 'p', creationTimestamp: '2026-11-21T04:00:00Z' },
  spec,
  status,
});

describe('summarizePod', () => {
  it.each([
    [
      'Running',
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'app', ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
      '1/1',
    ],
    [
      'CrashLoopBackOff',
      {
        phase: 'Running',
        containerStatuses: [
          {
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
          },
        ],
      },
      '0/1',
    ],
    [
      'ImagePullBackOff',
      {
        phase: 'Pending',
        containerStatuses: [
          {
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ImagePullBackOff' } },
          },
        ],
      },
      '0/1',
    ],
    ['Evicted', { phase: 'Failed', reason: 'Evicted' }, '0/1'],
    ['Pending', { phase: 'Pending' }, '0/1'],
    [
      'Completed',
      {
        phase: 'Succeeded',
        containerStatuses: [
          {
            ready: false,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
        ],
      },
      '0/1',
    ],
    [
      'ExitCode:3',
      {
        phase: 'Failed',
        containerStatuses: [
          { ready: false, state: { terminated: { exitCode: 3 } } },
        ],
      },
      '0/1',
    ],
  ])('shows %s', (expected, status, ready) => {
    const s = summarizePod(pod(status), now);
    expect(s.status).toBe(expected);
    expect(s.ready).toBe(ready);
  });

  it('shows init container progress', () => {
    const s = summarizePod(
      pod(
        {
          phase: 'Pending',
          initContainerStatuses: [
            { name: 'init', state: { waiting: { reason: 'PodInitializing' } } },
          ],
        },
        { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] },
      ),
      now,
    );
    expect(s.status).toBe('Init:0/1');
  });

  it('shows restarts with the time of the last one', () => {
    const s = summarizePod(
      pod({
        phase: 'Running',
        containerStatuses: [
          {
            ready: true,
            restartCount: 2,
            state: { running: {} },
            lastState: {
              terminated: {
                reason: 'OOMKilled',
                exitCode: 137,
                finishedAt: '2026-11-21T04:22:00Z',
              },
            },
          },
        ],
      }),
      now,
    );
    expect(s.restarts).toBe('2 (38m ago)');
  });

  it('shows Terminating for pods being deleted', () => {
    const p = pod({ phase: 'Running' });
    p.metadata.deletionTimestamp = '2026-11-21T04:59:00Z';
    expect(summarizePod(p, now).status).toBe('Terminating');
  });
});

describe('node printer', () => {
  it('shows NotReady, SchedulingDisabled and roles', () => {
    const node: KubeObject = {
      metadata: {
        name: 'n',
        labels: { 'node-role.kubernetes.io/worker': '' },
        creationTimestamp: '2026-11-20T05:00:00Z',
      },
      spec: { unschedulable: true },
      status: {
        conditions: [{ type: 'Ready', status: 'Unknown' }],
        nodeInfo: { kubeletVersion: 'v1.30.6' },
      },
    };
    expect(printerFor('', 'Node').cells(node, now).slice(0, 5)).toEqual([
      'n',
      'NotReady,SchedulingDisabled',
      'worker',
      '24h',
      'v1.30.6',
    ]);
  });
});

describe('humanDuration', () => {
  it.each([
    [5_000, '5s'],
    [130_000, '2m10s'],
    [11 * 60_000, '11m'],
    [3 * 3_600_000 + 5 * 60_000, '3h5m'],
    [30 * 3_600_000, '30h'],
    [4 * 86_400_000 + 2 * 3_600_000, '4d2h'],
    [40 * 86_400_000, '40d'],
    [-5_000, '<invalid>'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
