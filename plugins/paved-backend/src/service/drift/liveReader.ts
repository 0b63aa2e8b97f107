import { CustomErrorBase, NotAllowedError } from '@backstage/errors';
import { ClusterReader } from '../clusters/ClusterReader';
import { clusterStatusOf } from '../clusters/errors';

/** An object's kind and where it lives, as a manifest names it. */
export type ObjectAddress = {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string };
};

/**
 * A read that gave no object, and why: the object's "not compared" reason.
 * Kept as a class: it carries the refusal's `statusCode`, which a tenant's
 * namespace read passes on as its cluster's error.
 */
export class UnreadableError extends CustomErrorBase {
  readonly name = 'UnreadableError' as const;
  constructor(message: string, readonly statusCode?: number) {
    super(message);
  }
}

type Served = { plural: string; namespaced: boolean };

/**
 * GETs live objects on one cluster through ClusterAccess, as the user's
 * request allows: plural and scope per kind from discovery (asked once per
 * group version), 404 as absence. Counts its requests for the benchmark.
 */
export class LiveReader {
  private readonly discovery = new Map<string, Promise<Map<string, Served>>>();
  requests = 0;

  constructor(private readonly reader: ClusterReader) {}

  private call(path: string): Promise<any> {
    this.requests++;
    return this.reader.get(path);
  }

  private kinds(apiVersion: string): Promise<Map<string, Served>> {
    let found = this.discovery.get(apiVersion);
    if (!found) {
      const path = apiVersion.includes('/')
        ? `/apis/${apiVersion}`
        : `/api/${apiVersion}`;
      found = this.call(path).then(
        body => {
          const kinds = new Map<string, Served>();
          for (const r of body?.resources ?? [])
            if (typeof r?.name === 'string' && !r.name.includes('/'))
              kinds.set(r.kind, {
                plural: r.name,
                namespaced: !!r.namespaced,
              });
          return kinds;
        },
        error => {
          // A group the cluster does not serve: none of its kinds exist.
          if (clusterStatusOf(error) === 404) return new Map<string, Served>();
          throw error;
        },
      );
      this.discovery.set(apiVersion, found);
    }
    return found;
  }

  /** The object's (or, without a name, its kind's list) path; undefined when the kind is not served. */
  async path(o: ObjectAddress): Promise<string | undefined> {
    const served = (await this.kinds(o.apiVersion)).get(o.kind);
    if (!served) return undefined;
    const prefix = o.apiVersion.includes('/')
      ? `/apis/${o.apiVersion}`
      : `/api/${o.apiVersion}`;
    const ns =
      served.namespaced && o.metadata.namespace
        ? `/namespaces/${encodeURIComponent(o.metadata.namespace)}`
        : '';
    const name = o.metadata.name
      ? `/${encodeURIComponent(o.metadata.name)}`
      : '';
    return `${prefix}${ns}/${served.plural}${name}`;
  }

  /**
   * The live object, or undefined when the cluster has none. Throws
   * UnreadableError when it cannot tell: a kind the cluster does not
   * serve, a read Paved's allow-list or the cluster refuses.
   */
  async get(o: ObjectAddress): Promise<unknown> {
    const path = await this.path(o);
    if (!path)
      throw new UnreadableError(
        `the cluster does not serve ${o.kind} (${o.apiVersion})`,
      );
    try {
      return await this.call(path);
    } catch (error) {
      const status = clusterStatusOf(error);
      if (status === 404) return undefined;
      if (error instanceof NotAllowedError)
        throw new UnreadableError(
          `Paved's read allow-lists do not include ${o.kind} (${o.apiVersion})`,
          403,
        );
      if (status === 401 || status === 403)
        throw new UnreadableError(
          `the cluster refused the read (${status})`,
          status,
        );
      throw error;
    }
  }

  /**
   * Every object of a kind in a namespace (or cluster-wide) matching a
   * label selector; nothing when the kind is not served. Refusals throw.
   */
  async list(
    o: ObjectAddress,
    labelSelector: string,
  ): Promise<Record<string, any>[]> {
    const path = await this.path({
      ...o,
      metadata: { ...o.metadata, name: undefined },
    });
    if (!path) return [];
    const page = await this.call(
      `${path}?${new URLSearchParams({ labelSelector })}`,
    );
    return Array.isArray(page?.items) ? page.items : [];
  }
}
