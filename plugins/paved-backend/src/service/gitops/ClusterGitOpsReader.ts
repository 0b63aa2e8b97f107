import {
  GITOPS_KINDS,
  GitOpsClusterSummary,
  GitOpsEntityScope,
  GitOpsFoundBy,
  GitOpsKind,
  GitOpsObjectRef,
  gitopsStatusOf,
  refMatches,
  summarizeGitOps,
  trackingRefsOf,
  uniqueRefs,
} from '@paved/plugin-paved-common';
import { ClusterReader } from '../clusters/ClusterReader';
import { clusterStatusOf } from '../clusters/errors';

/** The workload kinds whose tracking labels name a component's GitOps objects. */
const WORKLOADS = ['deployments', 'statefulsets', 'daemonsets'] as const;

const KINDS = Object.keys(GITOPS_KINDS) as GitOpsKind[];

const nsPath = (namespace: string | undefined) =>
  namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';

const metaOf = (obj: any) => ({
  namespace:
    typeof obj?.metadata?.namespace === 'string' ? obj.metadata.namespace : '',
  name: String(obj?.metadata?.name ?? ''),
});

/** Whether a GitOps object deploys into, or lives in, one of these namespaces. */
function inNamespaces(kind: GitOpsKind, obj: any, namespaces: Set<string>) {
  if (kind === 'Application') {
    return namespaces.has(obj?.spec?.destination?.namespace);
  }
  return (
    namespaces.has(obj?.metadata?.namespace) ||
    namespaces.has(obj?.spec?.targetNamespace)
  );
}

/**
 * One cluster's Argo CD Applications and Flux Kustomizations and
 * HelmReleases for an entity, found by its annotations, its label selector,
 * the tracking labels on its workloads (or a tenant's namespaces) and, for
 * a tenant, by what deploys into its namespaces. GET only, within
 * the gitops feature's allow-list (clusters/readAllowList.ts); a kind the cluster does not serve is noted, not
 * an error.
 */
export class ClusterGitOpsReader {
  constructor(
    private readonly reader: ClusterReader,
    private readonly runbookEntityRef?: string,
  ) {}

  /** Every item of a list, or undefined when the cluster does not serve the kind. */
  private async list(
    path: string,
    query: Record<string, string> = {},
  ): Promise<any[] | undefined> {
    try {
      return await this.reader.listAll(path, query);
    } catch (error) {
      if (clusterStatusOf(error) === 404) {
        return undefined;
      }
      throw error;
    }
  }

  private kindPath(kind: GitOpsKind, namespace?: string) {
    const { group, version, plural } = GITOPS_KINDS[kind];
    return `/apis/${group}/${version}${nsPath(namespace)}/${plural}`;
  }

  /** Tracking references on the component's workloads. */
  private async workloadRefs(
    labelSelector: string,
    namespace?: string,
  ): Promise<GitOpsObjectRef[]> {
    const lists = await Promise.all(
      WORKLOADS.map(plural =>
        this.list(`/apis/apps/v1${nsPath(namespace)}/${plural}`, {
          labelSelector,
        }),
      ),
    );
    return uniqueRefs(
      lists.flatMap(items => (items ?? []).flatMap(trackingRefsOf)),
    );
  }

  /** Tracking references on the tenant's namespaces (those that exist). */
  private async namespaceRefs(
    namespaces: string[],
  ): Promise<GitOpsObjectRef[]> {
    const found = await Promise.all(
      namespaces.map(async ns => {
        const path = `/api/v1/namespaces/${encodeURIComponent(ns)}`;
        try {
          return await this.reader.get(path);
        } catch (error) {
          if (clusterStatusOf(error) === 404) return undefined;
          throw error;
        }
      }),
    );
    return uniqueRefs(found.flatMap(n => (n ? trackingRefsOf(n) : [])));
  }

  async read(
    scope: GitOpsEntityScope & { namespace?: string },
  ): Promise<GitOpsClusterSummary> {
    const isTenant = scope.scope === 'tenant';
    const tenantNamespaces = new Set(scope.namespaces ?? []);
    const tracked = isTenant
      ? await this.namespaceRefs(scope.namespaces ?? [])
      : await this.workloadRefs(scope.labelSelector ?? '', scope.namespace);

    const found = new Map<
      string,
      { kind: GitOpsKind; obj: any; foundBy: GitOpsFoundBy[] }
    >();
    const add = (kind: GitOpsKind, obj: any, by: GitOpsFoundBy) => {
      const { namespace, name } = metaOf(obj);
      const key = `${kind}/${namespace}/${name}`;
      const entry = found.get(key) ?? { kind, obj, foundBy: [] };
      entry.foundBy.push(by);
      found.set(key, entry);
    };
    const notServed = new Set<GitOpsKind>();

    await Promise.all(
      KINDS.map(async kind => {
        const refs = tracked.filter(r => r.kind === kind);
        const isArgo = kind === 'Application';
        const appNames = isArgo ? scope.appNames : [];
        const listNamespace = isArgo ? scope.appNamespace : undefined;
        const requests: Promise<void>[] = [];
        const served = (items: any[] | undefined) => {
          if (!items) notServed.add(kind);
          return items ?? [];
        };
        if (isTenant || refs.length > 0 || appNames.length > 0) {
          requests.push(
            this.list(this.kindPath(kind, listNamespace)).then(items => {
              for (const obj of served(items)) {
                const meta = { kind, ...metaOf(obj) };
                if (appNames.includes(meta.name)) add(kind, obj, 'app-name');
                if (refs.some(r => refMatches(r, meta)))
                  add(kind, obj, 'tracking');
                if (isTenant && inNamespaces(kind, obj, tenantNamespaces)) {
                  add(kind, obj, 'tenant-namespace');
                }
              }
            }),
          );
        }
        if (isArgo && scope.appSelector) {
          requests.push(
            this.list(this.kindPath(kind, listNamespace), {
              labelSelector: scope.appSelector,
            }).then(items => {
              for (const obj of served(items)) add(kind, obj, 'app-selector');
            }),
          );
        }
        // Flux objects labelled with the component's own label selector,
        // as the Flux plugin for Backstage finds them.
        if (!isArgo && !isTenant && scope.labelSelector) {
          requests.push(
            this.list(this.kindPath(kind), {
              labelSelector: scope.labelSelector,
            }).then(items => {
              for (const obj of served(items)) add(kind, obj, 'entity-label');
            }),
          );
        }
        await Promise.all(requests);
      }),
    );

    const objects = [...found.values()].map(({ kind, obj, foundBy }) =>
      gitopsStatusOf(kind, obj, foundBy, {
        runbookEntityRef: this.runbookEntityRef,
      }),
    );
    return summarizeGitOps(
      objects,
      KINDS.filter(k => notServed.has(k)),
    );
  }
}
