import { mockCredentials } from '@backstage/backend-test-utils';
import { fanOut } from './fanOut';

const base = { credentials: mockCredentials.user(), clusterAuthHeaders: {} };

describe('fanOut', () => {
  it('returns each cluster beside the others, failures included, within the timeout', async () => {
    const started = Date.now();
    const results = await fanOut(
      ['fast', 'broken', 'stuck'],
      200,
      base,
      async (cluster, ctx) => {
        ctx.onLatency?.(5);
        if (cluster === 'broken') throw new Error('boom');
        // Ignores its abort signal: the race must still end it.
        if (cluster === 'stuck') await new Promise(() => {});
        return cluster.length;
      },
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(results).toEqual([
      expect.objectContaining({ cluster: 'fast', ok: true, data: 4 }),
      expect.objectContaining({
        cluster: 'broken',
        ok: false,
        error: { name: 'Error', message: 'boom' },
      }),
      expect.objectContaining({
        cluster: 'stuck',
        ok: false,
        error: expect.objectContaining({ name: 'ClusterTimeoutError' }),
      }),
    ]);
    expect(results[0].apiLatency).toMatchObject({ calls: 1, medianMs: 5 });
  });

  it('aborts the signal it handed out at the timeout', async () => {
    let signal: AbortSignal | undefined;
    await fanOut(['slow'], 50, base, async (_c, ctx) => {
      signal = ctx.signal;
      await new Promise(r => setTimeout(r, 150));
    });
    expect(signal?.aborted).toBe(true);
  });
});
