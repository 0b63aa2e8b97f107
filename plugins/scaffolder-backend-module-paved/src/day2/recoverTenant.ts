import {
  DEFAULT_NODE_POOL_LABEL,
  DEFAULT_TENANT_TAINT_KEY,
  getTier,
  readTenantAnnotations,
  TENANT_PRIORITY_CLASSES,
  TierNumber,
  WORKLOAD_IDENTITY_FORMATS,
  WORKLOAD_IDENTITY_PROVIDERS,
} from '@paved/plugin-paved-common';
import { parse as parseYaml } from 'yaml';
import { TenantInput, tenantNamespaceName } from '../render/tenant';
import { GUARDRAIL_POLICY } from '../render/tenant/guardrails';
import { defaultWorkloadServiceAccount } from '../render/tenant/identity';
import { VCLUSTER_CHART } from '../render/tenant/isolation';
import {
  alertmanagerConfigName,
  DEFAULT_RECEIVER_KEYS,
  MONITORING_NAMESPACE,
} from '../render/tenant/observability';
import type {
  TenantAlertReceiver,
  TenantObservabilityInput,
  TenantIsolationInput,
  TenantTaint,
  TenantWorkloadIdentity,
} from '../render/tenant/inputs';
import { KubeObject, QuotaInput } from '../render/types';
import { UnknownTenantError } from './errors';
import {
  AGGREGATE_QUOTA_NAME,
  aggregateFromHard,
  tenantParentNamespace,
} from '../render/tenant/aggregateQuota';

/** The tenant entity as the catalog serves it (only what recovery reads). */
export type TenantEntity = {
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: { owner?: string };
};

/**
 * The inputs a tenant was onboarded with, read back from what onboarding
 * left: the catalog entity (tier, environments in order, budget, isolation
 * tier, cluster) and the objects it applied (labels, quota, container
 * defaults, role bindings, egress, GitOps, workload identity, PriorityClass
 * quota, guardrails, the tenant-wide quota in the parent namespace). Day 2 renders the changed tenant from these with the
 * same render functions as onboarding, so a changed tenant is exactly a
 * fresh onboarding with the new inputs. Crossplane claims are not read back:
 * their kinds come from XRDs, and a change never touches them.
 */
export function recoverTenantInput(
  tenant: string,
  entity: TenantEntity,
  objects: KubeObject[],
): TenantInput {
  const ann = readTenantAnnotations(entity.metadata.annotations);
  if (ann.tenant !== tenant) {
    throw new UnknownTenantError(
      tenant,
      `the entity ${entity.metadata.name} is not annotated paved.dev/tenant: ${tenant}`,
    );
  }
  if (ann.tier === undefined || ann.namespaces.length === 0) {
    throw new UnknownTenantError(
      tenant,
      `the entity ${entity.metadata.name} lacks the paved.dev/tier or paved.dev/namespaces annotation`,
    );
  }
  const find = (kind: string, name: string, namespace?: string) =>
    objects.find(
      o =>
        o.kind === kind &&
        o.metadata.name === name &&
        (namespace === undefined || o.metadata.namespace === namespace),
    ) as any;
  const first = ann.namespaces[0];
  const ns = find('Namespace', first);
  if (!ns) {
    throw new UnknownTenantError(
      tenant,
      `its namespace ${first} does not exist in the cluster`,
    );
  }
  const labels: Record<string, string> = ns.metadata.labels ?? {};
  const environments = ann.namespaces.map(
    n =>
      find('Namespace', n)?.metadata.labels?.environment ??
      n.slice(tenant.length + 1),
  );
  const quotaObject = find('ResourceQuota', 'tenant-quota', first);
  const limits = find('LimitRange', 'container-defaults', first)?.spec
    ?.limits?.[0];
  const groupOf = (role: string) =>
    find('RoleBinding', role, first)?.subjects?.find(
      (s: any) => s.kind === 'Group',
    )?.name;
  const missing = [
    !quotaObject && `ResourceQuota ${first}/tenant-quota`,
    !limits && `LimitRange ${first}/container-defaults`,
    !groupOf('tenant-admin') && `RoleBinding ${first}/tenant-admin`,
    !groupOf('tenant-developer') && `RoleBinding ${first}/tenant-developer`,
  ].filter(Boolean);
  if (missing.length) {
    throw new UnknownTenantError(
      tenant,
      `onboarding's objects are missing from the cluster: ${missing.join(
        ', ',
      )}`,
    );
  }
  const tier = ann.tier as TierNumber;
  const policy = find('Policy', GUARDRAIL_POLICY, first);
  const appProject = find('AppProject', tenant, 'argocd');
  const gitRepository = find('GitRepository', tenant, first);
  let gitops: TenantInput['gitops'] = 'none';
  if (appProject) gitops = 'argocd';
  else if (gitRepository) gitops = 'flux';
  const repo =
    gitops === 'argocd'
      ? appProject.spec?.sourceRepos?.[0]
      : gitRepository?.spec?.url;
  const defaultEngine = getTier(tier).defaults.policyEngine;
  const egress = find('NetworkPolicy', 'allow-egress', first)?.spec?.egress;
  const workloadIdentity = recoverWorkloadIdentity(tenant, objects, first);
  const priorityClass = recoverPriorityClass(
    find('ResourceQuota', 'other-priority-classes', first),
  );
  const aggregateQuota = aggregateFromHard(
    find(
      'HierarchicalResourceQuota',
      AGGREGATE_QUOTA_NAME,
      tenantParentNamespace(tenant),
    )?.spec?.hard,
  );
  const cluster =
    entity.metadata.annotations?.['backstage.io/kubernetes-cluster'];
  const observability = recoverObservability({
    podMonitor: find('PodMonitor', `${tenant}-pods`, first),
    logs: find('ConfigMap', `${tenant}-loki-datasource`, MONITORING_NAMESPACE),
    dashboards: find('ConfigMap', `${tenant}-dashboards`, MONITORING_NAMESPACE),
    alerts: find('AlertmanagerConfig', alertmanagerConfigName(tenant), first),
  });
  return {
    name: tenant,
    team: labels.team ?? entity.spec?.owner?.replace(/^group:default\//, ''),
    project: labels.project,
    costCenter: labels['cost-center'] ?? ann.costCenter,
    tier,
    environments,
    quota: recoverQuota(quotaObject.spec?.hard ?? {}),
    defaults: {
      cpuRequest: limits.defaultRequest?.cpu,
      cpuLimit: limits.default?.cpu,
      memoryRequest: limits.defaultRequest?.memory,
      memoryLimit: limits.default?.memory,
    },
    groups: {
      admin: groupOf('tenant-admin'),
      developer: groupOf('tenant-developer'),
    },
    gitops,
    ...(repo && repo !== '*' ? { gitopsRepoUrl: repo } : {}),
    ...(Array.isArray(egress)
      ? {
          allowedEgress: egress.map((e: any) => ({
            cidr: e.to?.[0]?.ipBlock?.cidr,
            ...(e.ports?.length
              ? { ports: e.ports.map((p: any) => Number(p.port)) }
              : {}),
          })),
        }
      : {}),
    ...(ann.monthlyBudget !== undefined
      ? { monthlyBudget: ann.monthlyBudget }
      : {}),
    ...(cluster ? { cluster } : {}),
    isolation: recoverIsolation(tenant, ann.isolation ?? 'namespace', {
      policy,
      vcluster:
        find('HelmRelease', `${tenant}-vcluster`, first) ??
        find('Application', `${first}-vcluster`, 'argocd'),
    }),
    ...(workloadIdentity ? { workloadIdentity } : {}),
    ...(observability ? { observability } : {}),
    ...(priorityClass ? { priorityClass } : {}),
    ...(aggregateQuota ? { aggregateQuota } : {}),
    // Where Kyverno runs by default but no Policy is there, it was switched off.
    ...(!policy && defaultEngine !== 'none' ? { guardrails: false } : {}),
  };
}

function recoverQuota(hard: Record<string, string>): QuotaInput {
  const objects = Object.fromEntries(
    Object.entries(hard)
      .filter(([k]) => k.startsWith('count/'))
      .map(([k, v]) => [k.slice('count/'.length), Number(v)]),
  );
  return {
    cpu: hard['requests.cpu'],
    memory: hard['requests.memory'],
    pods: Number(hard.pods),
    ...(hard['requests.storage'] ? { storage: hard['requests.storage'] } : {}),
    ...(Object.keys(objects).length ? { objects } : {}),
  };
}

/** The class left out of the quota that refuses every other tenant class. */
function recoverPriorityClass(quota: any): string | undefined {
  const refused: string[] =
    quota?.spec?.scopeSelector?.matchExpressions?.[0]?.values ?? [];
  if (!quota) return undefined;
  const allowed = TENANT_PRIORITY_CLASSES.map(c => c.name).filter(
    n => !refused.includes(n),
  );
  return allowed.length === 1 ? allowed[0] : undefined;
}

function recoverWorkloadIdentity(
  tenant: string,
  objects: KubeObject[],
  namespace: string,
): TenantWorkloadIdentity | undefined {
  for (const sa of objects.filter(
    o => o.kind === 'ServiceAccount' && o.metadata.namespace === namespace,
  )) {
    const a = sa.metadata.annotations ?? {};
    const provider = WORKLOAD_IDENTITY_PROVIDERS.find(
      p => a[WORKLOAD_IDENTITY_FORMATS[p].annotation],
    );
    if (!provider) continue;
    const azureTenantId = a['azure.workload.identity/tenant-id'];
    return {
      provider,
      identity: a[WORKLOAD_IDENTITY_FORMATS[provider].annotation],
      ...(sa.metadata.name !== defaultWorkloadServiceAccount(tenant)
        ? { serviceAccountName: sa.metadata.name }
        : {}),
      ...(azureTenantId ? { azureTenantId } : {}),
    };
  }
  return undefined;
}

/**
 * The node pool and taint are written into the guardrails' Pod mutations
 * (a node selector `+(<label>)` and an appended toleration); the vCluster
 * version into its HelmRelease or Argo CD Application. Defaults stay unset.
 */
function recoverIsolation(
  tenant: string,
  level: TenantIsolationInput['level'],
  from: { policy?: any; vcluster?: any },
): TenantIsolationInput {
  const rules: any[] = from.policy?.spec?.rules ?? [];
  let nodePool: TenantIsolationInput['nodePool'];
  let taint: TenantTaint | undefined;
  for (const rule of rules) {
    const selector = rule.mutate?.patchStrategicMerge?.spec?.nodeSelector;
    if (selector && typeof selector === 'object') {
      const [key, name] = Object.entries(selector)[0] as [string, string];
      const label = key.replace(/^\+\((.*)\)$/, '$1');
      nodePool = {
        name,
        ...(label !== DEFAULT_NODE_POOL_LABEL ? { label } : {}),
      };
    }
    const patches = rule.mutate?.patchesJson6902;
    if (typeof patches === 'string') {
      const op = (parseYaml(patches) as any[]).find(
        p => p?.path === '/spec/tolerations/-',
      );
      const t = op?.value;
      if (
        t &&
        !(
          t.key === DEFAULT_TENANT_TAINT_KEY &&
          t.value === tenant &&
          t.effect === 'NoSchedule'
        )
      ) {
        taint = { key: t.key, value: t.value, effect: t.effect };
      }
    }
  }
  const version =
    from.vcluster?.spec?.chart?.spec?.version ??
    from.vcluster?.spec?.source?.targetRevision;
  return {
    level,
    ...(nodePool ? { nodePool } : {}),
    ...(taint ? { taint } : {}),
    ...(version && version !== VCLUSTER_CHART.version
      ? { vclusterVersion: version }
      : {}),
  };
}

/**
 * Each observability part leaves its own trace: the tenant relabeling on
 * the PodMonitor, the Loki datasource and dashboard ConfigMaps beside
 * Grafana, an AlertmanagerConfig whose receiver names the Secret (never
 * read) that holds the credential.
 */
function recoverObservability(from: {
  podMonitor?: any;
  logs?: any;
  dashboards?: any;
  alerts?: any;
}): TenantObservabilityInput | undefined {
  const out: TenantObservabilityInput = {};
  if (from.podMonitor?.spec?.podMetricsEndpoints?.[0]?.relabelings?.length)
    out.metrics = true;
  if (from.logs) out.logs = true;
  if (from.dashboards) out.dashboards = true;
  const receiver = recoverReceiver(from.alerts?.spec?.receivers?.[0]);
  if (receiver) out.alerts = { receiver };
  return Object.keys(out).length ? out : undefined;
}

function recoverReceiver(r: any): TenantAlertReceiver | undefined {
  if (!r) return undefined;
  const secret = (ref: any, type: keyof typeof DEFAULT_RECEIVER_KEYS) => ({
    secretName: ref?.name,
    ...(ref?.key && ref.key !== DEFAULT_RECEIVER_KEYS[type]
      ? { secretKey: ref.key }
      : {}),
  });
  if (r.slackConfigs?.[0]) {
    const c = r.slackConfigs[0];
    return { type: 'slack', channel: c.channel, ...secret(c.apiURL, 'slack') };
  }
  if (r.pagerdutyConfigs?.[0])
    return {
      type: 'pagerduty',
      ...secret(r.pagerdutyConfigs[0].routingKey, 'pagerduty'),
    };
  if (r.webhookConfigs?.[0])
    return {
      type: 'webhook',
      ...secret(r.webhookConfigs[0].urlSecret, 'webhook'),
    };
  if (r.emailConfigs?.[0]) return { type: 'email', to: r.emailConfigs[0].to };
  return undefined;
}

/** The namespaces a tenant's entity names, in order. */
export function tenantNamespaces(entity: TenantEntity): string[] {
  return readTenantAnnotations(entity.metadata.annotations).namespaces;
}

export { tenantNamespaceName };
