import { ResultCache } from './ResultCache';

describe('ResultCache', () => {
  it('shares concurrent and recent computations, then expires them', async () => {
    let clock = 0;
    const cache = new ResultCache(1000, 10, () => clock);
    const compute = jest.fn(async () => clock);
    const [a, b] = await Promise.all([
      cache.get('k', compute),
      cache.get('k', compute),
    ]);
    expect([a, b]).toEqual([0, 0]);
    clock = 999;
    expect(await cache.get('k', compute)).toBe(0);
    expect(compute).toHaveBeenCalledTimes(1);
    clock = 1000;
    expect(await cache.get('k', compute)).toBe(1000);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('does not keep failures', async () => {
    const cache = new ResultCache(1000);
    await expect(
      cache.get('k', async () => {
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });

  it('is off at ttl 0 and bounded in size', async () => {
    const off = new ResultCache(0);
    const compute = jest.fn(async () => 1);
    await off.get('k', compute);
    await off.get('k', compute);
    expect(compute).toHaveBeenCalledTimes(2);

    const small = new ResultCache(1000, 2);
    const calls = jest.fn(async () => 1);
    for (const key of ['a', 'b', 'c', 'a']) await small.get(key, calls);
    expect(calls).toHaveBeenCalledTimes(4);
  });

  it('keys differ by user and by cluster credentials, not header order', () => {
    const k = (user: string, headers: Record<string, string>) =>
      ResultCache.key([user, 'cluster:x', headers]);
    expect(k('user:default/a', {})).not.toBe(k('user:default/b', {}));
    expect(k('user:default/a', { h: '1' })).not.toBe(
      k('user:default/a', { h: '2' }),
    );
    expect(k('u', { a: '1', b: '2' })).toBe(k('u', { b: '2', a: '1' }));
  });

  it('forUser shares an answer only for the same user, route and credentials', async () => {
    const cache = new ResultCache(1000);
    const asking = (user: string, headers: Record<string, string> = {}) => ({
      credentials: { principal: { userEntityRef: user } },
      clusterAuthHeaders: headers,
    });
    const compute = jest.fn(async () => 'answer');
    await cache.forUser(asking('user:default/a'), 'entity:x', compute);
    await cache.forUser(asking('user:default/a'), 'entity:x', compute);
    expect(compute).toHaveBeenCalledTimes(1);
    await cache.forUser(asking('user:default/b'), 'entity:x', compute);
    await cache.forUser(asking('user:default/a'), 'entity:y', compute);
    await cache.forUser(
      asking('user:default/a', { h: '1' }),
      'entity:x',
      compute,
    );
    expect(compute).toHaveBeenCalledTimes(4);
  });

  it('shares an answer keep refuses with those already waiting, not later callers', async () => {
    const cache = new ResultCache(1000);
    let n = 0;
    const compute = jest.fn(async () => ({ n: ++n, ok: n > 1 }));
    const keep = (v: { ok: boolean }) => v.ok;
    const [a, b] = await Promise.all([
      cache.get('k', compute, { keep }),
      cache.get('k', compute, { keep }),
    ]);
    expect([a.n, b.n]).toEqual([1, 1]);
    // Not kept: computed again, and this one is kept.
    expect((await cache.get('k', compute, { keep })).n).toBe(2);
    expect((await cache.get('k', compute, { keep })).n).toBe(2);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing when keep throws', async () => {
    const cache = new ResultCache(1000);
    const compute = jest.fn(async () => 1);
    const keep = () => {
      throw new Error('keep broke');
    };
    expect(await cache.get('k', compute, { keep })).toBe(1);
    expect(await cache.get('k', compute, { keep })).toBe(1);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
