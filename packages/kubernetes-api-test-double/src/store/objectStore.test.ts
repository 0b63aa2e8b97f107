import { ResourceRegistry } from '../resources/registry';
import { KubeObject } from '../types';
import { ObjectStore, StoreError, StoreEvent } from './objectStore';

const registry = new ResourceRegistry();
const pods = registry.find('', 'v1', 'pods')!;
const hpaV2 = registry.find('autoscaling', 'v2', 'horizontalpodautoscalers')!;
const hpaV1 = registry.find('autoscaling', 'v1', 'horizontalpodautoscalers')!;

const pod = (
  namespace: string,
  name: string,
  labels: Record<string, string> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { namespace, name, labels },
});

function seeded(): ObjectStore {
  const store = new ObjectStore(registry);
  for (const [ns, name] of [
    ['b', 'p2'],
    ['a', 'p3'],
    ['b', 'p1'],
    ['a', 'p1'],
    ['c', 'p1'],
  ]) {
    store.create(pods, pod(ns, name, { ns }));
  }
  return store;
}

const names = (items: KubeObject[]) =>
  items.map(i => `${i.metadata.namespace}/${i.metadata.name}`);

describe('ObjectStore', () => {
  it('lists in key order (namespace, then name)', () => {
    expect(names(seeded().list(pods).items)).toEqual([
      'a/p1',
      'a/p3',
      'b/p1',
      'b/p2',
      'c/p1',
    ]);
    expect(names(seeded().list(pods, { namespace: 'b' }).items)).toEqual([
      'b/p1',
      'b/p2',
    ]);
  });

  it('assigns a monotonically increasing resourceVersion across kinds', () => {
    const store = seeded();
    const before = store.revision;
    const cm = store.create(registry.find('', 'v1', 'configmaps')!, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { namespace: 'a', name: 'cm' },
    });
    const updated = store.update(pods, pod('a', 'p1', { changed: 'yes' }));
    expect(Number(cm.metadata.resourceVersion)).toBe(before + 1);
    expect(Number(updated.metadata.resourceVersion)).toBe(before + 2);
    expect(store.revision).toBe(before + 2);
  });

  it('pages through a consistent snapshot', () => {
    const store = seeded();
    const first = store.list(pods, { limit: 2 });
    expect(names(first.items)).toEqual(['a/p1', 'a/p3']);
    expect(first.remaining).toBe(3);
    // Writes after the first page do not show up in later pages of the same list.
    store.create(pods, pod('b', 'p0'));
    store.delete(pods, 'c', 'p1');
    const second = store.list(pods, {
      limit: 2,
      start: first.next,
      revision: first.revision,
    });
    expect(names(second.items)).toEqual(['b/p1', 'b/p2']);
    expect(second.remaining).toBe(1);
    const third = store.list(pods, {
      limit: 2,
      start: second.next,
      revision: first.revision,
    });
    expect(names(third.items)).toEqual(['c/p1']);
    expect(third.next).toBeUndefined();
    // A fresh list sees the new state.
    expect(names(store.list(pods).items)).toEqual([
      'a/p1',
      'a/p3',
      'b/p0',
      'b/p1',
      'b/p2',
    ]);
  });

  it('omits remainingItemCount when filtering, as etcd3 storage does', () => {
    const page = seeded().list(pods, {
      limit: 1,
      filter: p => p.metadata.labels?.ns === 'b',
    });
    expect(names(page.items)).toEqual(['b/p1']);
    expect(page.next).toBeDefined();
    expect(page.remaining).toBeUndefined();
  });

  it('expires snapshots older than the compacted revision', () => {
    const store = seeded();
    const first = store.list(pods, { limit: 2 });
    store.update(pods, pod('a', 'p1', { x: 'y' }));
    store.compact();
    expect(() =>
      store.list(pods, { revision: first.revision, start: first.next }),
    ).toThrow(StoreError);
  });

  it('refuses duplicate creates, stale updates and missing deletes', () => {
    const store = seeded();
    expect(() => store.create(pods, pod('a', 'p1'))).toThrow(/already exists/);
    expect(() => store.update(pods, pod('a', 'p1'), '1')).toThrow(/modified/);
    expect(() => store.delete(pods, 'a', 'nope')).toThrow(/not found/);
  });

  it('shares storage between versions of a resource', () => {
    const store = new ObjectStore(registry);
    store.create(hpaV2, {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { namespace: 'a', name: 'h' },
    });
    expect(store.get(hpaV1, 'a', 'h')?.apiVersion).toBe('autoscaling/v1');
  });

  it('emits events and replays changes since a revision', () => {
    const store = seeded();
    const events: StoreEvent[] = [];
    store.subscribe(e => events.push(e));
    const since = store.revision;
    store.update(pods, pod('a', 'p1', { v: '2' }));
    store.delete(pods, 'b', 'p2');
    store.create(pods, pod('d', 'new'));
    expect(events.map(e => e.type)).toEqual(['MODIFIED', 'DELETED', 'ADDED']);
    expect(
      store
        .changesSince(pods, since)
        .map(e => `${e.type} ${e.object.metadata.name}`),
    ).toEqual(['MODIFIED p1', 'DELETED p2', 'ADDED new']);
  });

  it('resolves kinds through the registry for convenience methods', () => {
    const store = new ObjectStore(registry);
    store.put(pod('a', 'x'));
    expect(store.find('v1', 'Pod', 'a', 'x')?.metadata.resourceVersion).toBe(
      '1',
    );
    expect(store.listObjects('v1', 'Pod')).toHaveLength(1);
    expect(() =>
      store.put({
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'w' },
      }),
    ).toThrow(/no resource type/);
  });
  it('keeps key order and pages right as keys come and go (cached sort)', () => {
    const store = seeded();
    expect(names(store.list(pods).items)).toHaveLength(5);
    store.create(pods, pod('a', 'p2'));
    store.create(pods, pod('0', 'first'));
    const first = store.list(pods, { limit: 2 });
    expect(names(first.items)).toEqual(['0/first', 'a/p1']);
    expect(first.remaining).toBe(5);
    const second = store.list(pods, { limit: 2, start: first.next });
    expect(names(second.items)).toEqual(['a/p2', 'a/p3']);
    expect(names(store.list(pods, { namespace: 'b' }).items)).toEqual([
      'b/p1',
      'b/p2',
    ]);
    // A continue key inside a namespace stays inside it.
    const inA = store.list(pods, { namespace: 'a', limit: 2 });
    expect(names(inA.items)).toEqual(['a/p1', 'a/p2']);
    const restOfA = store.list(pods, {
      namespace: 'a',
      limit: 2,
      start: inA.next,
    });
    expect(names(restOfA.items)).toEqual(['a/p3']);
    expect(restOfA.next).toBeUndefined();
    store.delete(pods, 'a', 'p2');
    store.compact();
    expect(names(store.list(pods, { namespace: 'a' }).items)).toEqual([
      'a/p1',
      'a/p3',
    ]);
  });
});
