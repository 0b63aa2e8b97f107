import { ConfiguredCluster } from '../clusters/configuredClusters';
import { kubeRequest, KubeResponse } from '../apply/kubeClient';
import { KubeObject } from '../render/types';
import { TENANT_LABEL } from '@paved/plugin-paved-common';
import { MANAGED_BY } from '../render/labels';
import { MONITORING_NAMESPACE } from '../render/tenant/observability';
import {
  HNC_API_VERSION,
  tenantParentNamespace,
} from '../render/tenant/aggregateQuota';

/**
 * The kinds onboarding writes that day 2 reads back (see recoverTenant.ts).
 * Secrets are deliberately absent: day 2 never reads them.
 */
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

/** Plural and scope per kind through discovery, cached per group version. */
export class TenantCluster {
  private readonly groups = new Map<
    string,
    Map<string, { plural: string; namespaced: boolean }>
  >();

  constructor(readonly cluster: ConfiguredCluster) {}

  private async resource(apiVersion: string, kind: string) {
    let kinds = this.groups.get(apiVersion);
    if (!kinds) {
      const res = await kubeRequest(
        this.cluster,
        'GET',
        apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`,
      );
      kinds = new Map();
      if (res.status === 200) {
        for (const r of res.body?.resources ?? [])
          if (!r.name.includes('/'))
            kinds.set(r.kind, { plural: r.name, namespaced: r.namespaced });
      } else if (res.status !== 404) {
        throw new ClusterReadError(
          `discovery of ${apiVersion} on ${
            this.cluster.name
          } failed: ${statusText(res)}`,
        );
      }
      this.groups.set(apiVersion, kinds);
    }
    return kinds.get(kind);
  }

  /** The object's URL path, or undefined when the cluster does not serve its kind. */
  async path(
    o: Pick<KubeObject, 'apiVersion' | 'kind'> & {
      metadata: { name?: string; namespace?: string };
    },
  ): Promise<string | undefined> {
    const r = await this.resource(o.apiVersion, o.kind);
    if (!r) return undefined;
    const prefix = o.apiVersion.includes('/')
      ? `/apis/${o.apiVersion}`
      : `/api/${o.apiVersion}`;
    const ns =
      r.namespaced && o.metadata.namespace
        ? `/namespaces/${encodeURIComponent(o.metadata.namespace)}`
        : '';
    const name = o.metadata.name
      ? `/${encodeURIComponent(o.metadata.name)}`
      : '';
    return `${prefix}${ns}/${r.plural}${name}`;
  }

  private async get(path: string): Promise<any | undefined> {
    const res = await kubeRequest(this.cluster, 'GET', path);
    if (res.status === 404) return undefined;
    if (res.status !== 200)
      throw new ClusterReadError(
        `GET ${path} on ${this.cluster.name} failed: ${statusText(res)}`,
      );
    return res.body;
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
    const selector = new URLSearchParams({
      labelSelector: `${TENANT_LABEL}=${tenant},app.kubernetes.io/managed-by=${MANAGED_BY}`,
    });
    const out: KubeObject[] = [];
    for (const name of namespaces) {
      const ns = await this.get(
        `/api/v1/namespaces/${encodeURIComponent(name)}`,
      );
      if (ns) out.push({ apiVersion: 'v1', kind: 'Namespace', ...ns });
    }
    const present = out.map(o => o.metadata.name);
    for (const k of TENANT_KINDS) {
      const only = typeof k.in === 'function' ? k.in(tenant) : k.in;
      for (const namespace of only ? [only] : present) {
        const path = await this.path({
          apiVersion: k.apiVersion,
          kind: k.kind,
          metadata: { namespace },
        });
        if (!path) continue;
        const list = await this.get(`${path}?${selector}`);
        for (const item of list?.items ?? [])
          out.push({ apiVersion: k.apiVersion, kind: k.kind, ...item });
      }
    }
    return out;
  }

  /** Whether the object exists (a kind the cluster does not serve: no). */
  async exists(o: KubeObject): Promise<boolean> {
    const path = await this.path(o);
    return path ? (await this.get(path)) !== undefined : false;
  }

  /** Pods in the namespaces, names and phases only as the list returns them. */
  async pods(namespaces: string[]): Promise<any[]> {
    const out: any[] = [];
    for (const ns of namespaces) {
      const list = await this.get(
        `/api/v1/namespaces/${encodeURIComponent(ns)}/pods`,
      );
      out.push(...(list?.items ?? []));
    }
    return out;
  }

  /** Deletes an object (background propagation); `absent` when already gone. */
  async delete(o: KubeObject): Promise<'deleted' | 'absent'> {
    const path = await this.path(o);
    if (!path) return 'absent';
    const res = await kubeRequest(
      this.cluster,
      'DELETE',
      `${path}?propagationPolicy=Background`,
    );
    if (res.status === 404) return 'absent';
    if (res.status !== 200 && res.status !== 202)
      throw new ClusterReadError(
        `DELETE ${path} on ${this.cluster.name} failed: ${statusText(res)}`,
      );
    return 'deleted';
  }
}
