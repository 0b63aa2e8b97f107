import { ResourceRegistry } from '../resources/registry';
import { apiVersionOf, ResourceType } from '../resources/types';
import { deepCopy, KubeObject } from '../types';

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: StoreEventType;
  /** The resource the write went through (any served version of it). */
  resource: ResourceType;
  object: KubeObject;
  revision: number;
}

export interface ListOptions {
  /** Only objects in this namespace (namespaced kinds). */
  namespace?: string;
  /** Read the snapshot at this revision instead of the latest. */
  revision?: number;
  /** Resume at this storage key (from a continue token). */
  start?: string;
  /** Page size; 0 or undefined lists everything. */
  limit?: number;
  /** Keep only matching objects; presence disables remainingItemCount, as in etcd3 storage. */
  filter?: (obj: KubeObject) => boolean;
  /**
   * The caller only serializes the items and never changes them, so they may
   * share structure with the stored (never mutated) versions: no deep copy
   * per item, which is most of a big list's cost.
   */
  readOnly?: boolean;
}

export interface ListResult {
  items: KubeObject[];
  revision: number;
  /** Storage key the next page starts at, when more keys follow. */
  next?: string;
  /** Objects after this page; only known for unfiltered lists. */
  remaining?: number;
}

/** A write that breaks a store invariant; the HTTP layer turns these into Status errors. */
export class StoreError extends Error {
  constructor(
    readonly reason: 'AlreadyExists' | 'NotFound' | 'Conflict' | 'Expired',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

interface Version {
  revision: number;
  object: KubeObject | null; // null marks a deletion
}

const DEFAULT_HISTORY = 10_000;

/** Index of the first key >= `target` in sorted `keys`. */
function lowerBound(keys: readonly string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * An in-memory, multi-version object store. Like etcd it keeps a revision per
 * write, so a paginated list can keep reading the snapshot its first page saw
 * and a watch can replay what changed since a resourceVersion. Old revisions
 * are compacted away, after which continue tokens and watches from before
 * that point are answered with 410 Expired.
 */
export class ObjectStore {
  private rev = 0;
  private compacted = 0;
  private readonly data = new Map<string, Map<string, Version[]>>();
  private readonly listeners = new Set<(e: StoreEvent) => void>();
  /** Each bucket's keys in order, rebuilt only after a key is added or removed. */
  private readonly sorted = new WeakMap<Map<string, Version[]>, string[]>();

  constructor(
    readonly registry: ResourceRegistry,
    private readonly historyLimit = DEFAULT_HISTORY,
  ) {}

  /** The latest revision: the resourceVersion of the most recent write. */
  get revision(): number {
    return this.rev;
  }

  get compactedRevision(): number {
    return this.compacted;
  }

  static key(namespace: string | undefined, name: string): string {
    return namespace ? `${namespace}/${name}` : name;
  }

  get(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const versions = this.bucket(rt).get(
      ObjectStore.key(this.ns(rt, namespace), name),
    );
    const latest = versions?.[versions.length - 1]?.object;
    return latest ? this.present(rt, latest) : undefined;
  }

  list(rt: ResourceType, opts: ListOptions = {}): ListResult {
    const revision = opts.revision ?? this.rev;
    if (revision < this.compacted) {
      throw new StoreError(
        'Expired',
        `too old resource version: ${revision} (${this.compacted})`,
      );
    }
    const bucket = this.bucket(rt);
    const keys = this.sortedKeys(bucket);
    const prefix = rt.namespaced && opts.namespace ? `${opts.namespace}/` : '';
    // Keys sharing a prefix are contiguous once sorted: start at the later of
    // the prefix and the continue key, and stop when the prefix ends, so a
    // page costs O(log n + page) rather than a sort of every key.
    const from = lowerBound(
      keys,
      opts.start && opts.start > prefix ? opts.start : prefix,
    );
    const items: KubeObject[] = [];
    let i = from;
    let lastIndex = -1;
    for (; i < keys.length && keys[i].startsWith(prefix); i++) {
      if (opts.limit && items.length >= opts.limit) break;
      const obj = this.at(bucket.get(keys[i])!, revision);
      lastIndex = i;
      if (!obj || (opts.filter && !opts.filter(obj))) continue;
      items.push(
        opts.readOnly
          ? { ...obj, apiVersion: apiVersionOf(rt), kind: rt.kind }
          : this.present(rt, obj),
      );
    }
    const result: ListResult = { items: items, revision };
    if (opts.limit && lastIndex >= 0) {
      // A filtered list only needs to know whether anything follows; an
      // unfiltered one reports how much does (remainingItemCount).
      let remaining = 0;
      for (let j = lastIndex + 1; j < keys.length; j++) {
        if (!keys[j].startsWith(prefix)) break;
        if (!this.at(bucket.get(keys[j])!, revision)) continue;
        remaining++;
        if (opts.filter) break;
      }
      if (remaining > 0) {
        result.next = `${keys[lastIndex]}\u0000`;
        if (!opts.filter) result.remaining = remaining;
      }
    }
    return result;
  }

  create(rt: ResourceType, obj: KubeObject): KubeObject {
    const key = ObjectStore.key(
      this.ns(rt, obj.metadata.namespace),
      obj.metadata.name ?? '',
    );
    if (this.get(rt, obj.metadata.namespace, obj.metadata.name ?? '')) {
      throw new StoreError('AlreadyExists', `${key} already exists`);
    }
    return this.write(rt, key, obj, 'ADDED');
  }

  /** Replaces an object; with expectedResourceVersion set, fails on a stale write. */
  update(
    rt: ResourceType,
    obj: KubeObject,
    expectedResourceVersion?: string,
  ): KubeObject {
    const current = this.get(
      rt,
      obj.metadata.namespace,
      obj.metadata.name ?? '',
    );
    const key = ObjectStore.key(
      this.ns(rt, obj.metadata.namespace),
      obj.metadata.name ?? '',
    );
    if (!current) throw new StoreError('NotFound', `${key} not found`);
    if (
      expectedResourceVersion !== undefined &&
      expectedResourceVersion !== current.metadata.resourceVersion
    ) {
      throw new StoreError('Conflict', `${key} has been modified`);
    }
    return this.write(rt, key, obj, 'MODIFIED');
  }

  delete(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject {
    const current = this.get(rt, namespace, name);
    const key = ObjectStore.key(this.ns(rt, namespace), name);
    if (!current) throw new StoreError('NotFound', `${key} not found`);
    this.rev++;
    this.bucket(rt).get(key)!.push({ revision: this.rev, object: null });
    const gone = {
      ...current,
      metadata: { ...current.metadata, resourceVersion: `${this.rev}` },
    };
    this.emit({
      type: 'DELETED',
      resource: rt,
      object: gone,
      revision: this.rev,
    });
    this.maybeCompact();
    return deepCopy(gone);
  }

  /** Changes to a resource after `sinceRevision`, oldest first (for watch replay). */
  changesSince(rt: ResourceType, sinceRevision: number): StoreEvent[] {
    if (sinceRevision < this.compacted) {
      throw new StoreError(
        'Expired',
        `too old resource version: ${sinceRevision} (${this.compacted})`,
      );
    }
    const events: StoreEvent[] = [];
    for (const versions of this.bucket(rt).values()) {
      versions.forEach((v, i) => {
        if (v.revision <= sinceRevision) return;
        const prev = i > 0 ? versions[i - 1].object : null;
        if (v.object) {
          const type = prev ? 'MODIFIED' : 'ADDED';
          events.push({
            type,
            resource: rt,
            object: this.present(rt, v.object),
            revision: v.revision,
          });
        } else if (prev) {
          const object = this.present(rt, prev);
          object.metadata.resourceVersion = `${v.revision}`;
          events.push({
            type: 'DELETED',
            resource: rt,
            object,
            revision: v.revision,
          });
        }
      });
    }
    return events.sort((a, b) => a.revision - b.revision);
  }

  /** Forgets history up to a revision: older continue tokens and watches get 410 Expired. */
  compact(upTo: number = this.rev): void {
    for (const bucket of this.data.values()) {
      for (const [key, versions] of bucket) {
        let keepFrom = 0;
        versions.forEach((v, i) => {
          if (v.revision <= upTo) keepFrom = i;
        });
        const kept = versions.slice(keepFrom);
        if (
          kept.length === 1 &&
          kept[0].object === null &&
          kept[0].revision <= upTo
        ) {
          bucket.delete(key);
          this.sorted.delete(bucket);
        } else {
          bucket.set(key, kept);
        }
      }
    }
    this.compacted = Math.max(this.compacted, upTo);
  }

  subscribe(listener: (e: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Convenience for tests and fixture loading: resolve the type from apiVersion/kind.

  resourceFor(apiVersion: string, kind: string): ResourceType {
    const rt = this.registry.findByKind(apiVersion, kind);
    if (!rt)
      throw new Error(
        `no resource type is registered for ${apiVersion} ${kind}`,
      );
    return rt;
  }

  /** The object with that apiVersion/kind, namespace and name, if stored. */
  find(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ) {
    return this.get(this.resourceFor(apiVersion, kind), namespace, name);
  }

  /** All stored objects of a kind, optionally in one namespace. */
  listObjects(
    apiVersion: string,
    kind: string,
    namespace?: string,
  ): KubeObject[] {
    return this.list(this.resourceFor(apiVersion, kind), { namespace }).items;
  }

  /** Stores an object as-is (creating or replacing it) and returns the stored copy. */
  put(obj: KubeObject): KubeObject {
    const rt = this.resourceFor(obj.apiVersion ?? '', obj.kind ?? '');
    const exists = this.get(
      rt,
      obj.metadata.namespace,
      obj.metadata.name ?? '',
    );
    return exists ? this.update(rt, obj) : this.create(rt, obj);
  }

  private write(
    rt: ResourceType,
    key: string,
    obj: KubeObject,
    type: StoreEventType,
  ) {
    this.rev++;
    const stored = deepCopy(obj);
    stored.apiVersion = apiVersionOf(rt);
    stored.kind = rt.kind;
    stored.metadata.resourceVersion = `${this.rev}`;
    const bucket = this.bucket(rt);
    if (!bucket.has(key)) {
      bucket.set(key, []);
      this.sorted.delete(bucket);
    }
    bucket.get(key)!.push({ revision: this.rev, object: stored });
    this.emit({
      type,
      resource: rt,
      object: deepCopy(stored),
      revision: this.rev,
    });
    this.maybeCompact();
    return deepCopy(stored);
  }

  private emit(event: StoreEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  private maybeCompact(): void {
    if (this.rev - this.compacted > this.historyLimit) {
      this.compact(this.rev - Math.floor(this.historyLimit / 2));
    }
  }

  private at(versions: Version[], revision: number): KubeObject | null {
    for (let i = versions.length - 1; i >= 0; i--) {
      if (versions[i].revision <= revision) return versions[i].object;
    }
    return null;
  }

  private ns(
    rt: ResourceType,
    namespace: string | undefined,
  ): string | undefined {
    return rt.namespaced ? namespace : undefined;
  }

  private sortedKeys(bucket: Map<string, Version[]>): string[] {
    let keys = this.sorted.get(bucket);
    if (!keys) {
      keys = [...bucket.keys()].sort();
      this.sorted.set(bucket, keys);
    }
    return keys;
  }

  // Versions of one resource share storage, like the API server's storage per group/resource.
  private bucket(rt: ResourceType): Map<string, Version[]> {
    const id = `${rt.group}/${rt.plural}`;
    if (!this.data.has(id)) this.data.set(id, new Map());
    return this.data.get(id)!;
  }

  // Served under the requested version; the double does no schema conversion.
  private present(rt: ResourceType, obj: KubeObject): KubeObject {
    const copy = deepCopy(obj);
    copy.apiVersion = apiVersionOf(rt);
    copy.kind = rt.kind;
    return copy;
  }
}
