import { HealthProblem } from '@paved/plugin-paved-common';
import { restartsByContainer } from './restarts';
import { healthyComponent, ledgerWorkerHealth } from './fixtures.testutil';

const problem = (
  signal: HealthProblem['signal'],
  name: string,
  count: number | undefined,
  container?: string,
): HealthProblem => ({
  id: `${signal}:${name}:${container ?? ''}`,
  signal,
  severity: 'warning',
  reason: 'Reason',
  message: 'message',
  object: { kind: 'Pod', namespace: 'shop', name, container },
  count,
});

describe('restartsByContainer', () => {
  it('is empty when the answer has no restarts', () => {
    expect(restartsByContainer(healthyComponent)).toEqual([]);
  });

  it('takes each container once, from its problems and the worst rate, most first', () => {
    const rows = restartsByContainer({
      ...ledgerWorkerHealth,
      problems: [
        ...ledgerWorkerHealth.problems,
        // The same container's OOM kill carries the same restart count.
        problem('oom-killed', 'ledger-worker-1', 27, 'ledger-worker'),
        problem('oom-killed', 'web-2', 3, 'web'),
        // A Pod counted from its list row: no container.
        problem('restart-rate', 'web-3', 8),
        // An eviction's count is not a restart; no count says nothing.
        problem('pod-evicted', 'web-4', 1),
        problem('container-waiting', 'web-5', undefined, 'web'),
      ],
    });
    expect(rows).toEqual([
      {
        name: 'ledger-worker-1/ledger-worker',
        pod: 'ledger-worker-1',
        container: 'ledger-worker',
        restarts: 27,
      },
      { name: 'web-3', pod: 'web-3', restarts: 8 },
      { name: 'web-2/web', pod: 'web-2', container: 'web', restarts: 3 },
    ]);
  });

  it('keeps the most restarting containers up to the limit', () => {
    const problems = Array.from({ length: 15 }, (_, i) =>
      problem('oom-killed', `p-${i}`, i + 1, 'c'),
    );
    const rows = restartsByContainer({ ...healthyComponent, problems }, 10);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ name: 'p-14/c', restarts: 15 });
    expect(rows[9]).toMatchObject({ name: 'p-5/c', restarts: 6 });
  });
});
