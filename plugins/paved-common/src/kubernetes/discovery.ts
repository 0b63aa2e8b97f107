/**
 * The cluster's own API discovery (`/apis`, `/apis/<group>`,
 * `/apis/<group>/<version>`, `/api/<version>`), read through whatever
 * transport the caller has: paved-backend reads through the Kubernetes
 * backend's proxy, the scaffolder through @kubernetes/client-node (ADR 0006).
 * Plurals and scopes always come from discovery, never from guessing.
 */

/** A kind as the cluster's API discovery serves it. @public */
export interface ServedKind {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

/** The cluster's discovery does not know this group, version or kind. @public */
export class KindNotServedError extends Error {
  readonly name = 'KindNotServedError';
}

/**
 * Reads one discovery document and returns its parsed JSON body; rejects
 * when the server answers an error (`isNotFound` tells a 404 apart).
 *
 * @public
 */
export type DiscoveryGet = (path: string) => Promise<unknown>;

/** `group/version` (or a core `version`) split in two; the core group is `''`. @public */
export function splitApiVersion(apiVersion: string): {
  group: string;
  version: string;
} {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : {
        group: apiVersion.slice(0, slash),
        version: apiVersion.slice(slash + 1),
      };
}

/** The discovery path of a group version: `/apis/<group>/<version>`, or `/api/<version>` for the core group. @public */
export function groupVersionPath(group: string, version: string): string {
  return group ? `/apis/${group}/${version}` : `/api/${version}`;
}

/**
 * An APIGroup's versions, the preferred one first (`/apis/<group>`, or one
 * entry of `/apis`'s `groups`). Empty when the group lists none.
 *
 * @public
 */
export function preferredVersions(apiGroup: unknown): string[] {
  const g = apiGroup as any;
  const versions: string[] = (Array.isArray(g?.versions) ? g.versions : [])
    .map((v: any) => String(v?.version ?? ''))
    .filter(Boolean);
  if (versions.length === 0) return [];
  const preferred = g?.preferredVersion?.version;
  return [
    ...(preferred ? [String(preferred)] : []),
    ...versions.filter(v => v !== preferred),
  ];
}

/**
 * The resource serving `kind` in an APIResourceList, or undefined.
 * Subresources (`instances/status`) share their resource's kind; the
 * resource itself has no slash in its name.
 *
 * @public
 */
export function servedResource(
  apiResourceList: unknown,
  kind: string,
): { plural: string; namespaced: boolean } | undefined {
  const resources: any[] = Array.isArray((apiResourceList as any)?.resources)
    ? (apiResourceList as any).resources
    : [];
  const found = resources.find(
    r =>
      r?.kind === kind && typeof r?.name === 'string' && !r.name.includes('/'),
  );
  return found
    ? { plural: found.name, namespaced: Boolean(found.namespaced) }
    : undefined;
}

/** Path of one object of a served kind. @public */
export function objectPath(
  kind: ServedKind,
  name: string,
  namespace?: string,
): string {
  const ns =
    kind.namespaced && namespace
      ? `/namespaces/${encodeURIComponent(namespace)}`
      : '';
  return `${groupVersionPath(kind.group, kind.version)}${ns}/${
    kind.plural
  }/${encodeURIComponent(name)}`;
}

/**
 * Group, version and plural of kinds from the cluster's API discovery. Each
 * document is read once per instance (one request, or one apply); `forget`
 * drops a group version whose kinds may have changed (a CRD just applied).
 *
 * @public
 */
export class ApiDiscovery {
  private groups?: Promise<Map<string, string[]>>;
  private readonly resources = new Map<string, Promise<unknown>>();

  /**
   * @param get - reads a discovery document
   * @param isNotFound - whether an error of `get` is the server's 404
   */
  constructor(
    private readonly get: DiscoveryGet,
    private readonly isNotFound: (error: unknown) => boolean,
  ) {}

  /** Whether the cluster serves an API group at all. */
  async servesGroup(group: string): Promise<boolean> {
    return (await this.groupVersions()).has(group);
  }

  /** Every served group's versions, preferred first (`/apis`). */
  private groupVersions(): Promise<Map<string, string[]>> {
    this.groups ??= this.get('/apis').then(body => {
      const map = new Map<string, string[]>();
      const groups = (body as any)?.groups;
      for (const g of Array.isArray(groups) ? groups : []) {
        const versions = preferredVersions(g);
        if (!g?.name || versions.length === 0) continue;
        map.set(String(g.name), versions);
      }
      return map;
    });
    return this.groups;
  }

  /** Reads `/apis`: the first call of a request, and the cluster's liveness check. */
  async groupNames(): Promise<string[]> {
    return [...(await this.groupVersions()).keys()];
  }

  /**
   * One group's versions, preferred first, from its own document
   * (`/apis/<group>`), for callers that need no other group; undefined when
   * the cluster does not serve the group.
   */
  async versionsOfGroup(group: string): Promise<string[] | undefined> {
    try {
      return preferredVersions(await this.get(`/apis/${group}`));
    } catch (error) {
      if (this.isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Drops the cached resource list of a group version, so that the next lookup reads it again. */
  forget(apiVersion: string): void {
    const { group, version } = splitApiVersion(apiVersion);
    this.resources.delete(`${group}/${version}`);
  }

  private resourceList(group: string, version: string): Promise<unknown> {
    const key = `${group}/${version}`;
    let list = this.resources.get(key);
    if (!list) {
      list = this.get(groupVersionPath(group, version)).catch(error => {
        if (this.isNotFound(error)) {
          throw new KindNotServedError(
            `API ${key || version} is not served by this cluster`,
          );
        }
        throw error;
      });
      this.resources.set(key, list);
    }
    return list;
  }

  private async find(
    group: string,
    version: string,
    kind: string,
  ): Promise<ServedKind> {
    const found = servedResource(await this.resourceList(group, version), kind);
    if (!found) {
      throw new KindNotServedError(
        `Kind ${kind} is not served in ${
          group ? `${group}/` : ''
        }${version} by this cluster`,
      );
    }
    return { group, version, kind, ...found };
  }

  /** The kind named by an object reference's `apiVersion` and `kind`. */
  byApiVersion(apiVersion: string, kind: string): Promise<ServedKind> {
    const { group, version } = splitApiVersion(apiVersion);
    return this.find(group, version, kind);
  }

  /**
   * The kind in its group's preferred version that serves it, for references
   * without a version. Groups mix versions per kind (Crossplane serves XRDs
   * at v2 but Compositions only at v1), so every version is asked in turn.
   */
  async byGroupKind(group: string, kind: string): Promise<ServedKind> {
    const versions = (await this.groupVersions()).get(group);
    if (!versions) {
      throw new KindNotServedError(
        `API group ${group} is not served by this cluster`,
      );
    }
    for (const version of versions) {
      try {
        return await this.find(group, version, kind);
      } catch (error) {
        if (!(error instanceof KindNotServedError)) throw error;
      }
    }
    throw new KindNotServedError(
      `Kind ${kind} is not served in API group ${group} by this cluster`,
    );
  }
}
