import { ClusterRequestError } from '../clusters/errors';

/** A kind as the cluster's API discovery serves it. */
export interface ServedKind {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

/** The cluster's discovery does not know this group, version or kind. */
export class KindNotServedError extends Error {
  readonly name = 'KindNotServedError';
}

type Get = (path: string) => Promise<any>;

/**
 * Group, version and plural of a kind from the cluster's own API discovery
 * (`/apis`, `/apis/<group>/<version>`), never from guessing plurals. One
 * instance lives for one request, so each discovery document is read once.
 */
export class ApiDiscovery {
  private groups?: Promise<Map<string, string[]>>;
  private readonly resources = new Map<string, Promise<any[]>>();

  constructor(private readonly get: Get) {}

  /** Whether the cluster serves an API group at all. */
  async servesGroup(group: string): Promise<boolean> {
    return (await this.groupVersions()).has(group);
  }

  /** Every served group's versions, preferred first. */
  private groupVersions(): Promise<Map<string, string[]>> {
    this.groups ??= this.get('/apis').then(body => {
      const map = new Map<string, string[]>();
      for (const g of Array.isArray(body?.groups) ? body.groups : []) {
        const versions: string[] = (
          Array.isArray(g?.versions) ? g.versions : []
        )
          .map((v: any) => String(v?.version ?? ''))
          .filter(Boolean);
        const preferred = g?.preferredVersion?.version;
        if (!g?.name || versions.length === 0) continue;
        map.set(String(g.name), [
          ...(preferred ? [String(preferred)] : []),
          ...versions.filter(v => v !== preferred),
        ]);
      }
      return map;
    });
    return this.groups;
  }

  /** Reads `/apis`: the first call of a request, and the cluster's liveness check. */
  async groupNames(): Promise<string[]> {
    return [...(await this.groupVersions()).keys()];
  }

  private resourceList(group: string, version: string): Promise<any[]> {
    const key = `${group}/${version}`;
    let list = this.resources.get(key);
    if (!list) {
      const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
      list = this.get(path).then(
        body => (Array.isArray(body?.resources) ? body.resources : []),
        error => {
          if (
            error instanceof ClusterRequestError &&
            error.statusCode === 404
          ) {
            throw new KindNotServedError(
              `API ${key || version} is not served by this cluster`,
            );
          }
          throw error;
        },
      );
      this.resources.set(key, list);
    }
    return list;
  }

  private async find(
    group: string,
    version: string,
    kind: string,
  ): Promise<ServedKind> {
    const resources = await this.resourceList(group, version);
    // Subresources (`instances/status`) share the kind; the resource has no slash.
    const found = resources.find(
      r =>
        r?.kind === kind &&
        typeof r?.name === 'string' &&
        !r.name.includes('/'),
    );
    if (!found) {
      throw new KindNotServedError(
        `Kind ${kind} is not served in ${
          group ? `${group}/` : ''
        }${version} by this cluster`,
      );
    }
    return {
      group,
      version,
      kind,
      plural: found.name,
      namespaced: Boolean(found.namespaced),
    };
  }

  /** The kind named by an object reference's `apiVersion` and `kind`. */
  byApiVersion(apiVersion: string, kind: string): Promise<ServedKind> {
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
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

/** Path of one object of a served kind. */
export function objectPath(
  kind: ServedKind,
  name: string,
  namespace?: string,
): string {
  const base = kind.group
    ? `/apis/${kind.group}/${kind.version}`
    : `/api/${kind.version}`;
  const ns =
    kind.namespaced && namespace
      ? `/namespaces/${encodeURIComponent(namespace)}`
      : '';
  return `${base}${ns}/${kind.plural}/${encodeURIComponent(name)}`;
}
