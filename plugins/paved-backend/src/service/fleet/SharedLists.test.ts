import { SharedLists } from './SharedLists';

const tick = (ms = 5) => new Promise(r => setTimeout(r, ms));

/** A paged read of `pages` × `size` numbers, counting how often it ran. */
function pagedRead(pages: number, size: number, fail?: Error) {
  const read = Object.assign(
    async (onItem: (n: number) => void, signal: AbortSignal) => {
      read.calls += 1;
      for (let p = 0; p < pages; p++) {
        await tick();
        signal.throwIfAborted();
        for (let i = 0; i < size; i++) onItem(p * size + i);
      }
      if (fail) throw fail;
    },
    { calls: 0 },
  );
  return read;
}

describe('SharedLists', () => {
  it('reads an announced list once for its readers, a late one catching up', async () => {
    const lists = new SharedLists(5000);
    lists.share('c', '/api/v1/pods', {}, 2);
    const read = pagedRead(4, 50);
    const first: number[] = [];
    const second: number[] = [];
    const a = lists.list('c', '/api/v1/pods', {}, read, n => first.push(n));
    await tick(12); // a page or two in
    const b = lists.list('c', '/api/v1/pods', {}, read, n => second.push(n));
    await Promise.all([a, b]);
    expect(read.calls).toBe(1);
    const all = Array.from({ length: 200 }, (_, i) => i);
    expect(first).toEqual(all);
    expect(second).toEqual(all);
  });

  it('leaves unannounced lists, other clusters and extra readers to read on their own', () => {
    const lists = new SharedLists(5000);
    lists.share('c', '/api/v1/pods', {}, 2);
    const read = pagedRead(1, 1);
    expect(
      lists.list('c', '/api/v1/nodes', {}, read, () => {}),
    ).toBeUndefined();
    expect(lists.list('d', '/api/v1/pods', {}, read, () => {})).toBeUndefined();
    expect(
      lists.list('c', '/api/v1/pods', { labelSelector: 'a=b' }, read, () => {}),
    ).toBeUndefined();
    lists.share('e', '/api/v1/pods', {}, 1); // one reader: nothing to share
    expect(lists.list('e', '/api/v1/pods', {}, read, () => {})).toBeUndefined();
    void lists.list('c', '/api/v1/pods', {}, read, () => {});
    void lists.list('c', '/api/v1/pods', {}, read, () => {});
    expect(lists.list('c', '/api/v1/pods', {}, read, () => {})).toBeUndefined();
  });

  it('gives every reader the read error', async () => {
    const lists = new SharedLists(5000);
    lists.share('c', '/p', {}, 2);
    const read = pagedRead(2, 3, new Error('HTTP 500: etcd is on fire'));
    const a = lists.list('c', '/p', {}, read, () => {});
    const b = lists.list('c', '/p', {}, read, () => {});
    await expect(a).rejects.toThrow('etcd is on fire');
    await expect(b).rejects.toThrow('etcd is on fire');
  });

  it('keeps reading for the others when one reader gives up, and stops when all did', async () => {
    const lists = new SharedLists(5000);
    lists.share('c', '/p', {}, 2);
    const read = pagedRead(5, 10);
    let signal: AbortSignal | undefined;
    const spy = async (onItem: (n: number) => void, s: AbortSignal) => {
      signal = s;
      return read(onItem, s);
    };
    const quitter = new AbortController();
    const got: number[] = [];
    const a = lists.list('c', '/p', {}, spy, () => {}, quitter.signal);
    const b = lists.list('c', '/p', {}, spy, n => got.push(n));
    await tick(8);
    quitter.abort(new Error('health failed elsewhere'));
    await expect(a).rejects.toThrow('health failed elsewhere');
    await b;
    expect(got).toHaveLength(50);
    expect(signal?.aborted).toBe(false);

    const lists2 = new SharedLists(5000);
    lists2.share('c', '/p', {}, 2);
    const both = [new AbortController(), new AbortController()];
    const c = lists2.list('c', '/p', {}, spy, () => {}, both[0].signal);
    const d = lists2.list('c', '/p', {}, spy, () => {}, both[1].signal);
    both.forEach(x => x.abort(new Error('gone')));
    await expect(c).rejects.toThrow('gone');
    await expect(d).rejects.toThrow('gone');
    expect(signal?.aborted).toBe(true);
  });

  it('stops a read that outlives its timeout', async () => {
    const lists = new SharedLists(20);
    lists.share('c', '/p', {}, 2);
    const read = pagedRead(100, 1);
    const a = lists.list('c', '/p', {}, read, () => {});
    await expect(a).rejects.toThrow('did not finish within 20 ms');
  });
});
