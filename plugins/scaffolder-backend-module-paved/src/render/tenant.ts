import {
  ANNOTATION_COST_CENTER,
  ANNOTATION_ISOLATION,
  ANNOTATION_MONTHLY_BUDGET,
  ANNOTATION_NAMESPACES,
  ANNOTATION_TENANT,
  ANNOTATION_TIER,
  getTier,
  isolationIncludes,
  tierShipsTenantPriorityClasses,
  WORKLOAD_IDENTITY_FORMATS,
  TENANT_LABEL,
  TENANT_ROLE_NAMES,
  tenantRoleRules,
  TierNumber,
} from '@paved/plugin-paved-common';
import { stringify } from 'yaml';
import {
  NamespaceSpec,
  namespaceObject,
  networkPolicies,
  resourceLimits,
} from './namespaceBaseline';
import { costLabels, MANAGED_BY } from './labels';
import { renderReadme } from './readme';
import { manifestFile, textFile } from './yaml';
import {
  ClaimInput,
  ContainerDefaults,
  EgressRule,
  KubeObject,
  QuotaInput,
  RenderedFile,
} from './types';
import {
  TenantDelivery,
  TenantIsolationInput,
  TenantObservabilityInput,
  TenantPolicyEngine,
  TenantWorkloadIdentity,
} from './tenant/inputs';
import {
  ObservabilityTenant,
  observabilityObjects,
  observabilityParagraph,
  tenantRelabeling,
} from './tenant/observability';
import { kyvernoGuardrails } from './tenant/guardrails';
import {
  PlatformContractInput,
  renderPlatformContract,
} from './tenant/platformContract';
import {
  priorityQuota,
  vclusterObjects,
  vclusterRelease,
} from './tenant/isolation';
import {
  AggregateQuotaInput,
  aggregateQuotaObjects,
  tenantParentNamespace,
} from './tenant/aggregateQuota';
import {
  cloudSideSteps,
  defaultWorkloadServiceAccount,
  workloadServiceAccount,
} from './tenant/identity';

export type {
  TenantAlertReceiver,
  TenantDelivery,
  TenantIsolationInput,
  TenantObservabilityInput,
  TenantPolicyEngine,
  TenantWorkloadIdentity,
} from './tenant/inputs';

export type TenantInput = {
  name: string;
  team: string;
  project: string;
  costCenter: string;
  tier: TierNumber;
  environments: string[];
  quota: QuotaInput;
  defaults: ContainerDefaults;
  groups: { admin: string; developer: string };
  gitops: 'argocd' | 'flux' | 'none';
  gitopsRepoUrl?: string;
  /** Egress beyond the tenant's namespaces and DNS. */
  allowedEgress?: EgressRule[];
  /** Monthly budget in the portal's currency, for the cost card. */
  monthlyBudget?: number;
  /** The configured cluster the tenant lands on. */
  cluster?: string;
  /** Crossplane claims the tenant starts with. */
  claims?: ClaimInput[];
  /** How hard the tenant is kept apart; `namespace` when absent. */
  isolation?: TenantIsolationInput;
  /** A ServiceAccount per namespace bound to a cloud identity. */
  workloadIdentity?: TenantWorkloadIdentity;
  /** One of the platform's tenant PriorityClasses. */
  priorityClass?: string;
  /** The cluster's policy engine; the tier's default when absent. */
  policyEngine?: TenantPolicyEngine;
  /** Tenant guardrail policies; on wherever the policy engine can enforce them. */
  guardrails?: boolean;
  /** Per-tenant metrics label, Loki tenant, Grafana folder, alert routing. */
  observability?: TenantObservabilityInput;
  /** Manifests (the default) or one Tenant claim; see tenant/claim.ts. */
  delivery?: TenantDelivery;
  /** A ceiling over all the tenant's namespaces together (HNC, tier 4+). */
  aggregateQuota?: AggregateQuotaInput;
};

/** The tenant's isolation, `namespace` when the form left it out. */
export const isolationOf = (t: TenantInput): TenantIsolationInput =>
  t.isolation ?? { level: 'namespace' };

/** The policy engine the tenant's guardrails are written for. */
export const policyEngineOf = (t: TenantInput): TenantPolicyEngine =>
  t.policyEngine ?? getTier(t.tier).defaults.policyEngine;

/** Whether the tenant gets guardrail policies (Kyverno present, not switched off). */
export const guardrailsOf = (t: TenantInput): boolean =>
  t.guardrails !== false &&
  ['kyverno', 'kyverno-and-gatekeeper'].includes(policyEngineOf(t));

const tenantLabels = (t: TenantInput, environment: string) => ({
  'app.kubernetes.io/managed-by': MANAGED_BY,
  [TENANT_LABEL]: t.name,
  ...costLabels({
    team: t.team,
    project: t.project,
    environment,
    costCenter: t.costCenter,
  }),
});

/**
 * The tenant's scrape entry: Prometheus (through prometheus-operator) scrapes
 * every tenant pod that names a `metrics` port, in each namespace.
 */
function podMonitor(t: TenantInput, env: string): KubeObject {
  const endpoint = { port: 'metrics', path: '/metrics', interval: '30s' };
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: {
      name: `${t.name}-pods`,
      namespace: tenantNamespaceName(t.name, env),
      labels: tenantLabels(t, env),
    },
    spec: {
      selector: { matchLabels: { [TENANT_LABEL]: t.name } },
      podMetricsEndpoints: [
        t.observability?.metrics
          ? { ...endpoint, relabelings: [tenantRelabeling(t.name)] }
          : endpoint,
      ],
    },
  };
}

/** Where a tenant's workloads for one environment live in its GitOps repo. */
export const tenantAppPath = (t: TenantInput, env: string) =>
  `tenants/${t.name}/apps/${env}`;

/** One Argo CD application per environment, confined to the tenant's project. */
function argoApplication(t: TenantInput, env: string): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: tenantNamespaceName(t.name, env),
      namespace: 'argocd',
      labels: tenantLabels(t, env),
    },
    spec: {
      project: t.name,
      source: {
        repoURL: t.gitopsRepoUrl!,
        targetRevision: 'HEAD',
        path: tenantAppPath(t, env),
      },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: tenantNamespaceName(t.name, env),
      },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  };
}

/**
 * Flux's tenancy model: the source and the Kustomization live in the
 * tenant's namespace and reconcile as its own service account, so the
 * tenant's RBAC bounds what GitOps can do.
 */
function fluxObjects(t: TenantInput, env: string): KubeObject[] {
  const namespace = tenantNamespaceName(t.name, env);
  return [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: t.name, namespace, labels: tenantLabels(t, env) },
      spec: { interval: '5m', url: t.gitopsRepoUrl!, ref: { branch: 'main' } },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: t.name, namespace, labels: tenantLabels(t, env) },
      spec: {
        interval: '10m',
        path: `./${tenantAppPath(t, env)}`,
        prune: true,
        sourceRef: { kind: 'GitRepository', name: t.name },
        targetNamespace: namespace,
        serviceAccountName: 'tenant-reconciler',
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: 'tenant-reconciler',
        namespace,
        labels: tenantLabels(t, env),
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: {
        name: 'tenant-reconciler',
        namespace,
        labels: tenantLabels(t, env),
      },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: 'tenant-admin',
      },
      subjects: [
        { kind: 'ServiceAccount', name: 'tenant-reconciler', namespace },
      ],
    },
  ];
}

/** A Crossplane claim in the tenant's namespace, labelled like the rest. */
function claimObject(t: TenantInput, claim: ClaimInput): KubeObject {
  const env = claim.environment ?? t.environments[0];
  return {
    apiVersion: claim.apiVersion,
    kind: claim.kind,
    metadata: {
      name: claim.name,
      namespace: tenantNamespaceName(t.name, env),
      labels: tenantLabels(t, env),
    },
    spec: {
      ...(claim.compositionSelector
        ? { compositionSelector: claim.compositionSelector }
        : {}),
      parameters: claim.parameters ?? {},
      writeConnectionSecretToRef: { name: `${claim.name}-connection` },
    },
  };
}

/**
 * The tenant's catalog entity. Its annotations are how Paved's cards find
 * the tenant's namespaces, tier and budget (see paved-common's tenancy).
 */
export function tenantEntity(t: TenantInput): Record<string, unknown> {
  const annotations: Record<string, string> = {
    [ANNOTATION_TENANT]: t.name,
    [ANNOTATION_TIER]: String(t.tier),
    [ANNOTATION_NAMESPACES]: t.environments
      .map(env => tenantNamespaceName(t.name, env))
      .join(','),
    [ANNOTATION_COST_CENTER]: t.costCenter,
    [ANNOTATION_ISOLATION]: isolationOf(t).level,
    // The Kubernetes plugin's own annotation finds the tenant's objects.
    'backstage.io/kubernetes-label-selector': `${TENANT_LABEL}=${t.name}`,
  };
  if (t.monthlyBudget !== undefined) {
    annotations[ANNOTATION_MONTHLY_BUDGET] = String(t.monthlyBudget);
  }
  if (t.cluster) annotations['backstage.io/kubernetes-cluster'] = t.cluster;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `tenant-${t.name}`,
      title: `Tenant ${t.name}`,
      description: `Kubernetes tenant ${t.name} of team ${t.team}`,
      annotations,
      labels: { [TENANT_LABEL]: t.name },
    },
    spec: {
      type: 'kubernetes-tenant',
      owner: `group:default/${t.team}`,
    },
  };
}

/**
 * tenant-admin and tenant-developer in one namespace, each bound to the
 * tenant's group by a RoleBinding there and nowhere else. The rules come
 * from paved-common (`tenantRoleRules`), where docs/tenants.md's decisions
 * and the isolation matrix are kept.
 */
export function tenantRoles(
  ns: NamespaceSpec,
  groups: { admin: string; developer: string },
): KubeObject[] {
  const metadata = (name: string) => ({
    name,
    namespace: ns.name,
    labels: {
      'app.kubernetes.io/managed-by': MANAGED_BY,
      [TENANT_LABEL]: ns.tenant,
      ...costLabels(ns.cost),
    },
  });
  const groupOf = {
    'tenant-admin': groups.admin,
    'tenant-developer': groups.developer,
  };
  return [
    ...TENANT_ROLE_NAMES.map(name => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: metadata(name),
      rules: tenantRoleRules(name),
    })),
    ...TENANT_ROLE_NAMES.map(name => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: metadata(name),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [
        {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Group',
          name: groupOf[name],
        },
      ],
    })),
  ];
}

export function tenantNamespaceName(tenant: string, env: string): string {
  return `${tenant}-${env}`;
}

function nsSpec(t: TenantInput, env: string): NamespaceSpec {
  return {
    name: tenantNamespaceName(t.name, env),
    tier: t.tier,
    tenant: t.name,
    cost: {
      team: t.team,
      project: t.project,
      environment: env,
      costCenter: t.costCenter,
    },
  };
}

/** An Argo CD project that lets the tenant deploy only into its own namespaces. */
function appProject(t: TenantInput): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: t.name,
      namespace: 'argocd',
      labels: {
        'app.kubernetes.io/managed-by': MANAGED_BY,
        'paved.dev/tenant': t.name,
        ...costLabels({
          team: t.team,
          project: t.project,
          environment: 'all',
          costCenter: t.costCenter,
        }),
      },
    },
    spec: {
      description: `Tenant ${t.name} (team ${t.team})`,
      sourceRepos: [t.gitopsRepoUrl ?? '*'],
      destinations: t.environments.map(env => ({
        server: 'https://kubernetes.default.svc',
        namespace: tenantNamespaceName(t.name, env),
      })),
      // Tenants never create cluster-scoped objects through GitOps.
      clusterResourceWhitelist: [],
      namespaceResourceBlacklist: [
        { group: '', kind: 'ResourceQuota' },
        { group: '', kind: 'LimitRange' },
        { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
      ],
    },
  };
}

/** The README's paragraph on isolation tier, guardrails and priority. */
function isolationParagraph(t: TenantInput): string {
  const iso = isolationOf(t);
  const level: Record<string, string> = {
    namespace: 'namespaces and RBAC',
    sandboxed: 'namespaces and RBAC, with every Pod in the gVisor sandbox',
    'dedicated-nodes': `namespaces and RBAC, Pods in gVisor on the dedicated node pool \`${iso.nodePool?.name}\``,
    'virtual-cluster': `its own vCluster (release \`${vclusterRelease(
      t.name,
    )}\`) in each namespace, Pods in gVisor on the dedicated node pool \`${
      iso.nodePool?.name
    }\``,
  };
  const guard = guardrailsOf(t)
    ? `Kyverno enforces the tenant's guardrails in each namespace (policy \`tenant-guardrails\`).`
    : `No tenant guardrails: the cluster's policy engine is \`${policyEngineOf(
        t,
      )}\`${t.guardrails === false ? ' and they were switched off' : ''}.`;
  const priority = t.priorityClass
    ? ` Pods run at PriorityClass \`${t.priorityClass}\`; a quota refuses every other class.`
    : '';
  return `Isolation tier \`${iso.level}\`: ${
    level[iso.level]
  }. ${guard}${priority}`;
}

/** The README's paragraph on the tenant-wide quota. */
function aggregateQuotaParagraph(t: TenantInput): string {
  const parts = Object.entries(t.aggregateQuota ?? {})
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return (
    `Tenant-wide quota: ${parts} over all of the tenant's namespaces together, ` +
    `on top of each namespace's own quota. HNC enforces it as the HierarchicalResourceQuota ` +
    `\`${tenantParentNamespace(
      t.name,
    )}/tenant-aggregate-quota\`; each namespace names ` +
    `\`${tenantParentNamespace(t.name)}\` as its parent.`
  );
}

/** What the observability objects need of the tenant, or nothing. */
export function observabilityTenant(
  t: TenantInput,
): ObservabilityTenant | undefined {
  if (!t.observability) return undefined;
  const envOf = new Map(
    t.environments.map(env => [tenantNamespaceName(t.name, env), env]),
  );
  return {
    name: t.name,
    namespaces: [...envOf.keys()],
    observability: t.observability,
    labelsFor: ns => tenantLabels(t, envOf.get(ns)!),
    sharedLabels: tenantLabels(t, 'all'),
  };
}

/** What renderTenant needs beyond the tenant: the platform's own facts. */
export type TenantRenderOptions = {
  /** Contacts for the tenant's PLATFORM.md; from `paved.tenants.contract`. */
  contract?: PlatformContractInput;
};

/** The tenant's PLATFORM.md: the platform team's contract with the tenant. */
export function platformContractFile(
  t: TenantInput,
  contract: PlatformContractInput = {},
): RenderedFile {
  return textFile(
    'PLATFORM.md',
    renderPlatformContract(
      {
        name: t.name,
        team: t.team,
        tier: t.tier,
        environments: t.environments,
        groups: t.groups,
        isolationLevel: isolationOf(t).level,
        guardrails: guardrailsOf(t),
      },
      contract,
    ),
  );
}

/** Every file of a tenant's onboarding, in memory; nothing is written here. */
export function renderTenant(
  t: TenantInput,
  options: TenantRenderOptions = {},
): RenderedFile[] {
  const tier = getTier(t.tier);
  const specs = t.environments.map(env => nsSpec(t, env));
  // The tenant-wide quota's parent namespace comes first: HNC's children name it.
  const parentSpec: NamespaceSpec[] = t.aggregateQuota
    ? [{ ...nsSpec(t, 'all'), name: tenantParentNamespace(t.name) }]
    : [];
  const files: RenderedFile[] = [
    manifestFile(
      'manifests/namespaces.yaml',
      [...parentSpec, ...specs].map(namespaceObject),
      ['namespace', 'pod-security-restricted'],
    ),
    manifestFile(
      'manifests/resource-limits.yaml',
      specs.flatMap(s => [
        ...resourceLimits(s, t.quota, t.defaults),
        // Tiers with tenant PriorityClasses keep the tenant off the others.
        ...(tierShipsTenantPriorityClasses(t.tier)
          ? [
              priorityQuota(
                t.priorityClass ?? '',
                s.name,
                tenantLabels(t, s.cost.environment),
              ),
            ]
          : []),
      ]),
      ['quota-limitrange'],
    ),
    manifestFile(
      'manifests/network-policies.yaml',
      specs.flatMap(s => networkPolicies(s, t.allowedEgress)),
      ['network-policy'],
    ),
    manifestFile(
      'manifests/rbac.yaml',
      specs.flatMap(s => tenantRoles(s, t.groups)),
      ['namespace-rbac'],
    ),
  ];
  const isolation = isolationOf(t);
  const envOf = new Map(specs.map(s => [s.name, s.cost.environment]));
  const labelsFor = (ns: string) => tenantLabels(t, envOf.get(ns)!);
  const namespaces = specs.map(s => s.name);
  const wi = t.workloadIdentity
    ? {
        ...t.workloadIdentity,
        serviceAccountName:
          t.workloadIdentity.serviceAccountName ??
          defaultWorkloadServiceAccount(t.name),
      }
    : undefined;
  if (t.aggregateQuota) {
    files.push(
      manifestFile(
        'manifests/aggregate-quota.yaml',
        aggregateQuotaObjects({
          tenant: t.name,
          namespaces,
          aggregate: t.aggregateQuota,
          labelsFor: ns =>
            envOf.has(ns) ? labelsFor(ns) : tenantLabels(t, 'all'),
        }),
        ['quota-limitrange'],
      ),
    );
  }
  if (guardrailsOf(t)) {
    files.push(
      manifestFile(
        'manifests/guardrails.yaml',
        kyvernoGuardrails({
          name: t.name,
          namespaces,
          groups: t.groups,
          isolation,
          serviceAccounts:
            t.gitops === 'flux' && t.gitopsRepoUrl
              ? namespaces.map(namespace => ({
                  name: 'tenant-reconciler',
                  namespace,
                }))
              : [],
          priorityClass: t.priorityClass,
          workloadIdentity: wi,
          labelsFor,
        }),
        ['policy-engine'],
      ),
    );
  }
  if (wi) {
    files.push(
      manifestFile(
        'manifests/workload-identity.yaml',
        namespaces.map(ns =>
          workloadServiceAccount(wi, t.name, ns, labelsFor(ns)),
        ),
      ),
    );
  }
  if (isolationIncludes(isolation.level, 'virtual-cluster')) {
    files.push(
      manifestFile(
        'manifests/vcluster.yaml',
        vclusterObjects({ ...t, isolation }, namespaces, ns => ({
          namespace: ns,
          labels: labelsFor(ns),
        })),
      ),
    );
  }
  files.push(
    manifestFile(
      'manifests/monitoring.yaml',
      t.environments.map(env => podMonitor(t, env)),
      ['service-monitor'],
    ),
  );
  const obs = observabilityTenant(t);
  const obsObjects = obs ? observabilityObjects(obs) : [];
  if (obsObjects.length) {
    files.push(manifestFile('manifests/observability.yaml', obsObjects));
  }
  if (t.gitops === 'argocd') {
    files.push(
      manifestFile(
        'manifests/gitops/appproject.yaml',
        [
          appProject(t),
          // Applications need a repository; without one the project waits.
          ...(t.gitopsRepoUrl
            ? t.environments.map(env => argoApplication(t, env))
            : []),
        ],
        ['gitops-app-of-apps'],
      ),
    );
  }
  if (t.gitops === 'flux' && t.gitopsRepoUrl) {
    files.push(
      manifestFile(
        'manifests/gitops/flux.yaml',
        t.environments.flatMap(env => fluxObjects(t, env)),
        ['gitops-app-of-apps'],
      ),
    );
  }
  if (t.claims?.length) {
    files.push({
      ...manifestFile(
        'manifests/claims.yaml',
        t.claims.map(c => claimObject(t, c)),
      ),
      validateAs: 'crossplane-claim',
    });
  }
  files.push(
    textFile(
      'catalog-info.yaml',
      stringify(tenantEntity(t), { lineWidth: 0, sortMapEntries: false }),
    ),
  );
  files.push(platformContractFile(t, options.contract));
  files.push(
    renderReadme({
      title: `Tenant ${t.name}`,
      intro: [
        `Onboards tenant \`${t.name}\` (team \`${t.team}\`, cost centre \`${t.costCenter}\`) ` +
          `on a tier ${tier.tier} (${tier.title}) cluster: one namespace per environment ` +
          `(${t.environments.join(
            ', ',
          )}), each with a quota, container defaults, ` +
          `default-deny networking that still allows DNS and traffic between the ` +
          `tenant's own namespaces, Pod Security \`${tier.podSecurity.enforce}\` and ` +
          `tenant-admin / tenant-developer roles bound to ` +
          `\`${t.groups.admin}\` and \`${t.groups.developer}\`.`,
        isolationParagraph(t),
        ...(t.aggregateQuota ? [aggregateQuotaParagraph(t)] : []),
        ...(obs && observabilityParagraph(obs)
          ? [observabilityParagraph(obs)]
          : []),
        ...(wi
          ? [
              `Pods that run as the ServiceAccount \`${wi.serviceAccountName}\` get the ` +
                `${
                  WORKLOAD_IDENTITY_FORMATS[wi.provider].mechanism
                } identity \`${wi.identity}\`. ` +
                `In the cloud, before they can use it: ${cloudSideSteps(
                  wi,
                  t.name,
                  namespaces,
                ).join(' ')}`,
            ]
          : []),
      ],
      tier: t.tier,
      files,
      checkTierSpec: false,
    }),
  );
  return files;
}
