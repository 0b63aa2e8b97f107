import { CompletedCache } from './CompletedCache';

describe('CompletedCache', () => {
  it('counts the TTL from when the answer was complete', async () => {
    let now = 0;
    const cache = new CompletedCache<number>(100, 10, () => now);
    let computed = 0;
    let finish!: (n: number) => void;
    const slow = () => {
      computed += 1;
      return new Promise<number>(r => {
        finish = r;
      });
    };
    const first = cache.get('k', slow);
    now = 500; // longer than the TTL to compute
    const shared = cache.get('k', slow);
    finish(1);
    expect(await first).toBe(1);
    expect(await shared).toBe(1);
    now = 590;
    expect(await cache.get('k', async () => 2)).toBe(1);
    now = 601;
    expect(await cache.get('k', async () => 3)).toBe(3);
    expect(computed).toBe(1);
  });

  it('keeps no failure, and bounds its entries', async () => {
    const cache = new CompletedCache<number>(1000, 2);
    await expect(
      cache.get('k', () => Promise.reject(new Error('no'))),
    ).rejects.toThrow('no');
    expect(await cache.get('k', async () => 1)).toBe(1);
    await cache.get('a', async () => 2);
    await cache.get('b', async () => 3);
    // 'k' was the oldest: dropped.
    expect(await cache.get('k', async () => 4)).toBe(4);
  });

  it('caches nothing with a TTL of 0', async () => {
    const cache = new CompletedCache<number>(0);
    await cache.get('k', async () => 1);
    expect(await cache.get('k', async () => 2)).toBe(2);
  });
});
