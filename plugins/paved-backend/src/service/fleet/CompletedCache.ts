/**
 * Answers kept for `ttlMs` from when they were complete, not from when they
 * were asked for: a fleet of many clusters can take longer to read than the
 * TTL, and a cache that starts the clock at the question would hand back
 * nothing. Concurrent askers share one computation; a failed one is not
 * kept; at most `maxEntries`, the oldest dropped first.
 */
export class CompletedCache<T> {
  private readonly entries = new Map<
    string,
    { expires: number; value: Promise<T> }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 200,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    this.entries.delete(key);
    const entry = { expires: Number.POSITIVE_INFINITY, value: compute() };
    this.entries.set(key, entry);
    entry.value.then(
      () => {
        entry.expires = this.now() + this.ttlMs;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry.value;
  }
}
