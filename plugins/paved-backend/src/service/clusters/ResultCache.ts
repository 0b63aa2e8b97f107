import { createHash } from 'node:crypto';
import type { ClusterReadRequest } from './ClusterReadRequest';

/**
 * A short-lived cache of cluster-read answers, per user. Cards on one page ask for
 * the same thing at once and again on every re-render; without it each ask
 * fans out to every cluster. Concurrent asks share one computation, answers
 * live `ttlMs`, failures are never kept, and the entry count is bounded.
 *
 * Keys carry the user and a hash of the cluster credentials they brought, so
 * one user's answer is never served to another; Paved's own permission is
 * still checked on every request before the cache is consulted.
 */
export class ResultCache {
  private readonly entries = new Map<
    string,
    { expires: number; value: Promise<unknown> }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  static key(parts: (string | Record<string, string>)[]): string {
    return createHash('sha256')
      .update(
        JSON.stringify(
          parts.map(p =>
            typeof p === 'string' ? p : Object.entries(p).sort(),
          ),
        ),
      )
      .digest('hex');
  }

  /**
   * `get` under the key every Paved route uses: who asks, what they ask for,
   * and the cluster credentials they brought.
   */
  forUser<T>(
    // Only what the key is made of, so a caller need not build a whole request.
    request: Pick<ClusterReadRequest, 'clusterAuthHeaders'> & {
      credentials: {
        principal: Pick<
          ClusterReadRequest['credentials']['principal'],
          'userEntityRef'
        >;
      };
    },
    route: string,
    compute: () => Promise<T>,
    options: { keep?: (value: T) => boolean } = {},
  ): Promise<T> {
    return this.get(
      ResultCache.key([
        request.credentials.principal.userEntityRef,
        route,
        request.clusterAuthHeaders,
      ]),
      compute,
      options,
    );
  }

  /**
   * The answer under `key`, computed at most once per `ttlMs`. `keep` may
   * refuse to keep an answer once it is in (one with a failing cluster,
   * say): callers already waiting share it, later ones compute afresh.
   */
  async get<T>(
    key: string,
    compute: () => Promise<T>,
    options: { keep?: (value: T) => boolean } = {},
  ): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    this.entries.delete(key);

    const value = compute();
    this.entries.set(key, { expires: now + this.ttlMs, value });
    // Only drop the entry this call made, not a newer one.
    const drop = () => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    };
    value
      .then(v => {
        if (options.keep && !options.keep(v)) drop();
      }, drop)
      .catch(drop); // a `keep` that throws keeps nothing
    // Map iteration is insertion order: the first key is the oldest.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}
