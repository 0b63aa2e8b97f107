/** A read's items, as far as it got, for `readers` followers. */
class SharedRead {
  joined = 0;
  private left = 0;
  /** Items not yet taken by every reader; `items[0]` is item number `base`. */
  private items: any[] = [];
  private base = 0;
  private positions: number[] = [];
  private done = false;
  private error: unknown;
  private wake: (() => void) | undefined;
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    private readonly readers: number,
    timeoutMs: number,
    read: (onItem: (item: any) => void, signal: AbortSignal) => Promise<void>,
  ) {
    this.timer = setTimeout(
      () =>
        this.controller.abort(
          new Error(`The shared list did not finish within ${timeoutMs} ms`),
        ),
      timeoutMs,
    );
    read(item => {
      this.items.push(item);
      this.notify();
    }, this.controller.signal).then(
      () => this.finish(undefined),
      error => this.finish(error ?? new Error('The shared list failed')),
    );
  }

  private finish(error: unknown) {
    clearTimeout(this.timer);
    this.done = true;
    this.error = error;
    this.notify();
  }

  private notify() {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Drops the items every reader has taken (only once all have joined). */
  private trim() {
    if (this.positions.length < this.readers) return;
    const taken = Math.min(...this.positions) - this.base;
    if (taken > 0) {
      this.items.splice(0, taken);
      this.base += taken;
    }
  }

  async follow(
    onItem: (item: any) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const me = this.joined++;
    this.positions[me] = 0;
    let gaveUp = false;
    const giveUp = () => {
      if (gaveUp) return;
      gaveUp = true;
      this.left += 1;
      // Nobody reads on: stop the read too.
      if (this.left >= this.readers) this.controller.abort(signal?.reason);
      this.notify();
    };
    signal?.addEventListener('abort', giveUp, { once: true });
    try {
      for (;;) {
        signal?.throwIfAborted();
        while (this.positions[me] < this.base + this.items.length) {
          onItem(this.items[this.positions[me] - this.base]);
          this.positions[me] += 1;
        }
        this.trim();
        if (this.done) {
          if (this.error) throw this.error;
          return;
        }
        await new Promise<void>(resolve => {
          const previous = this.wake;
          this.wake = () => {
            previous?.();
            resolve();
          };
        });
      }
    } finally {
      signal?.removeEventListener('abort', giveUp);
      // A reader that is done (or failed) no longer holds items back.
      this.positions[me] = Number.POSITIVE_INFINITY;
      this.trim();
    }
  }
}

/**
 * One list read shared by several readers of the same request. The fleet
 * row of a tiered cluster asks health and conformance, and both list every
 * Pod of the cluster: the biggest read there is. Announced with `share`,
 * the first reader to ask starts the one read and the others follow it.
 *
 * Items are kept only until every announced reader has taken them, so a
 * reader that comes late (conformance lists other kinds before Pods) reads
 * from the buffer and the buffer drains as they go. The read has its own
 * signal: one reader giving up (its cluster's other call failed) does not
 * cut the others off; it stops when all readers gave up, or at `timeoutMs`.
 */
export class SharedLists {
  private readonly announced = new Map<string, number>();
  private readonly reads = new Map<string, SharedRead>();

  constructor(private readonly timeoutMs: number) {}

  static key(cluster: string, apiPath: string, query: Record<string, string>) {
    return JSON.stringify([cluster, apiPath, Object.entries(query).sort()]);
  }

  /** The next `readers` lists of `apiPath` with `query` on `cluster` read it once. */
  share(
    cluster: string,
    apiPath: string,
    query: Record<string, string>,
    readers: number,
  ): void {
    if (readers > 1) {
      this.announced.set(SharedLists.key(cluster, apiPath, query), readers);
    }
  }

  /**
   * Hands every item of the list to `onItem`, from the shared read when the
   * list was announced (`read` starts it, called once, with the shared
   * signal); undefined when it was not, and the caller reads on its own.
   */
  list(
    cluster: string,
    apiPath: string,
    query: Record<string, string>,
    read: (onItem: (item: any) => void, signal: AbortSignal) => Promise<void>,
    onItem: (item: any) => void,
    signal?: AbortSignal,
  ): Promise<void> | undefined {
    const key = SharedLists.key(cluster, apiPath, query);
    const readers = this.announced.get(key);
    if (!readers) return undefined;
    let shared = this.reads.get(key);
    if (!shared) {
      shared = new SharedRead(readers, this.timeoutMs, read);
      this.reads.set(key, shared);
    }
    if (shared.joined >= readers) return undefined; // an unannounced extra reader
    return shared.follow(onItem, signal);
  }
}
