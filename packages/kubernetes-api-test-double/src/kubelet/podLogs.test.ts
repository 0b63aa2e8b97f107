import { KubeObject } from '../types';
import { logKey, podLog } from './podLogs';

const pod = (lastState?: object): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'worker-1',
    namespace: 'ns',
    creationTimestamp: '2026-11-21T00:00:00Z',
  },
  spec: { nodeName: 'node-a', containers: [{ name: 'app' }] },
  status: {
    containerStatuses: [
      {
        name: 'app',
        image: 'example/app:1.0',
        restartCount: lastState ? 3 : 0,
        state: lastState
          ? { waiting: { reason: 'CrashLoopBackOff' } }
          : { running: { startedAt: '2026-11-21T00:00:00Z' } },
        ...(lastState ? { lastState } : {}),
      },
    ],
  },
});

const crashed = pod({
  terminated: {
    exitCode: 1,
    reason: 'Error',
    startedAt: '2026-11-21T00:00:00Z',
  },
});
const logs = new Map([
  [logKey('ns', 'worker-1', 'app', true), 'one\ntwo\nthree ünïcode\nfour\n'],
]);
const ready = () => true;
const previous = (extra: object = {}) =>
  podLog(crashed, { previous: true, timestamps: false, ...extra }, logs, ready);

describe('previous container logs, as the kubelet serves them', () => {
  it('serves the previous instance, tailLines counting from the end', () => {
    expect(previous()).toEqual({
      ok: true,
      text: 'one\ntwo\nthree ünïcode\nfour\n',
    });
    expect(previous({ tailLines: 2 })).toEqual({
      ok: true,
      text: 'three ünïcode\nfour\n',
    });
    expect(previous({ tailLines: 0 })).toEqual({ ok: true, text: '' });
  });

  it('cuts at limitBytes in bytes, mid-line, after tailLines', () => {
    const result = previous({ tailLines: 2, limitBytes: 9 });
    // "three ün" is 9 bytes: ü takes two.
    expect(result).toEqual({ ok: true, text: 'three ün' });
    const whole = previous({ limitBytes: 1000 });
    expect(whole.ok && Buffer.byteLength(whole.text)).toBe(29);
  });

  it('answers 400 "previous terminated container ... not found" when there is none', () => {
    expect(
      podLog(pod(), { previous: true, timestamps: false }, logs, ready),
    ).toEqual({
      ok: false,
      code: 400,
      message:
        'previous terminated container "app" in pod "worker-1" not found',
    });
  });

  it('makes up a previous log ending in the exit when no fixture has one', () => {
    const result = podLog(
      crashed,
      { previous: true, timestamps: false },
      new Map(),
      ready,
    );
    expect(result.ok && result.text).toMatch(
      /level=error msg="fatal error, exiting" exit_code=1\n$/,
    );
  });
});
