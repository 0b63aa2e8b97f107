import { ConfiguredCluster } from '../clusters/configuredClusters';
import {
  ClusterClient,
  connectCluster,
  KubeResponse,
  responseOf,
} from '../apply/clusterClient';
import { KubeObject } from '../render/types';
import {
  groupVersionPath,
  KindNotServedError,
  objectPath,
  TENANT_LABEL,
} from '@paved/plugin-paved-common';
import { MANAGED_BY } from '../render/labels';
import { MONITORING_NAMESPACE } from '../render/tenant/observability';
import {
  HNC_API_VERSION,
  tenantParentNamespace,
} from '../render/tenant/aggregateQuota';

/**
 * The kinds onboarding labels for a tenant, read back to recover its inputs
 * (day 2) and to compare it with its render (drift). Secrets are absent.
 */
export const TENANT_KINDS: ReadonlyArray<{
  apiVersion: string;
  kind: string;
  /** Read in this namespace instead of the tenant's own. */
  in?: string | ((tenant: string) => string);
}> = [
  { apiVersion: 'v1', kind: 'ResourceQuota' },
  { apiVersion: 'v1', kind: 'LimitRange' },
  { apiVersion: 'v1', kind: 'ServiceAccount' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
  { apiVersion: 'kyverno.io/v1', kind: 'Policy' },
  { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository' },
  { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease' },
  { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor' },
  { apiVersion: 'monitoring.coreos.com/v1alpha1', kind: 'AlertmanagerConfig' },
  { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', in: 'argocd' },
  { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', in: 'argocd' },
  // The tenant's Loki datasource and dashboards, beside Grafana.
  { apiVersion: 'v1', kind: 'ConfigMap', in: MONITORING_NAMESPACE },
  // The tenant-wide quota, in the parent namespace HNC hangs the others from.
  {
    apiVersion: HNC_API_VERSION,
    kind: 'HierarchicalResourceQuota',
    in: tenantParentNamespace,
  },
];

export class ClusterReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterReadError';
  }
}

function statusText(res: KubeResponse): string {
  const b = res.body;
  if (b && typeof b === 'object' && b.kind === 'Status')
    return `${res.status} ${b.reason ?? ''}: ${b.message ?? ''}`.trim();
  return `${res.status}`;
}

/**
 * Day 2's reads and deletes on one configured cluster, through the
 * scaffolder's cluster client (@kubernetes/client-node, ADR 0005) and its
 * discovery, cached per group version for the instance's life.
 */
export class TenantCluster {
  private client?: Promise<ClusterClient>;

  constructor(readonly cluster: ConfiguredCluster) {}

  private connect(): Promise<ClusterClient> {
    this.client ??= connectCluster(this.cluster);
    return this.client;
  }

  /**
   * Runs a request; a 404 answer resolves to undefined, any other error
   * answer rejects with a ClusterReadError naming `what` (network errors and
   * timeouts reject as they are).
   */
  private async answer<T>(
    what: string,
    call: (client: ClusterClient) => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await call(await this.connect());
    } catch (error) {
      const res = responseOf(error);
      if (!res) throw error;
      if (res.status === 404) return undefined;
      throw new ClusterReadError(
        `${what} on ${this.cluster.name} failed: ${statusText(res)}`,
      );
    }
  }

  private async resource(apiVersion: string, kind: string) {
    try {
      const { discovery } = await this.connect();
      return await discovery.byApiVersion(apiVersion, kind);
    } catch (error) {
      if (error instanceof KindNotServedError) return undefined;
      const res = responseOf(error);
      if (!res) throw error;
      throw new ClusterReadError(
        `discovery of ${apiVersion} on ${
          this.cluster.name
        } failed: ${statusText(res)}`,
      );
    }
  }

  /** The object's URL path, or undefined when the cluster does not serve its kind. */
  async path(
    o: Pick<KubeObject, 'apiVersion' | 'kind'> & {
      metadata: { name?: string; namespace?: string };
    },
  ): Promise<string | undefined> {
    const r = await this.resource(o.apiVersion, o.kind);
    if (!r) return undefined;
    if (o.metadata.name)
      return objectPath(r, o.metadata.name, o.metadata.namespace);
    const ns =
      r.namespaced && o.metadata.namespace
        ? `/namespaces/${encodeURIComponent(o.metadata.namespace)}`
        : '';
    return `${groupVersionPath(r.group, r.version)}${ns}/${r.plural}`;
  }

  /** GET of one object; undefined when it is absent or its kind is not served. */
  private async read(o: KubeObject): Promise<any | undefined> {
    const path = await this.path(o);
    if (!path) return undefined;
    return this.answer(`GET ${path}`, client => client.read(o));
  }

  /** A kind's objects in one namespace; undefined when its kind is not served there. */
  private async list(
    apiVersion: string,
    kind: string,
    namespace: string,
    labelSelector?: string,
  ): Promise<any | undefined> {
    const path = await this.path({ apiVersion, kind, metadata: { namespace } });
    if (!path) return undefined;
    const query = labelSelector
      ? `?${new URLSearchParams({ labelSelector })}`
      : '';
    return this.answer(`GET ${path}${query}`, client =>
      client.list(apiVersion, kind, { namespace, labelSelector }),
    );
  }

  /**
   * The tenant's namespaces and the objects onboarding labelled for it in
   * them (and its Argo CD objects), read with label selectors; kinds the
   * cluster does not serve are left out.
   */
  async readTenantObjects(
    tenant: string,
    namespaces: string[],
  ): Promise<KubeObject[]> {
    const labelSelector = `${TENANT_LABEL}=${tenant},app.kubernetes.io/managed-by=${MANAGED_BY}`;
    const out: KubeObject[] = [];
    for (const name of namespaces) {
      const ns = await this.read({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
      });
      if (ns) out.push({ apiVersion: 'v1', kind: 'Namespace', ...ns });
    }
    const present = out.map(o => o.metadata.name);
    for (const k of TENANT_KINDS) {
      const only = typeof k.in === 'function' ? k.in(tenant) : k.in;
      for (const namespace of only ? [only] : present) {
        const list = await this.list(
          k.apiVersion,
          k.kind,
          namespace,
          labelSelector,
        );
        for (const item of list?.items ?? [])
          out.push({ apiVersion: k.apiVersion, kind: k.kind, ...item });
      }
    }
    return out;
  }

  /** Whether the object exists (a kind the cluster does not serve: no). */
  async exists(o: KubeObject): Promise<boolean> {
    return (await this.read(o)) !== undefined;
  }

  /** Pods in the namespaces, names and phases only as the list returns them. */
  async pods(namespaces: string[]): Promise<any[]> {
    const out: any[] = [];
    for (const ns of namespaces) {
      const list = await this.list('v1', 'Pod', ns);
      out.push(...(list?.items ?? []));
    }
    return out;
  }

  /** Deletes an object (background propagation); `absent` when already gone. */
  async delete(o: KubeObject): Promise<'deleted' | 'absent'> {
    const path = await this.path(o);
    if (!path) return 'absent';
    const done = await this.answer(`DELETE ${path}`, async client => {
      await client.delete(o, { propagationPolicy: 'Background' });
      return true;
    });
    return done ? 'deleted' : 'absent';
  }
}
