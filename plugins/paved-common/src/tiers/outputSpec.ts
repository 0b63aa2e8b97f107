/**
 * What a cluster baseline of each tier must contain, item by item, and which
 * generated file (and object kind) satisfies each item. The scaffolder's
 * renderer writes these files; its tests and the generated README check the
 * list, and conformance checks can reuse it against a live cluster.
 */
import { getTier, TIER_NUMBERS, TierNumber } from './tiers';

/**
 * The seed-002 choices a satisfaction can depend on (the scaffolder's
 * `provider`, `packaging`, `gitops`, `mesh`, `secrets`, `ingress`,
 * `policyEngine` inputs), as field → value.
 * @public
 */
export type OutputChoices = Partial<Record<string, string>>;

/**
 * One way an item is satisfied. `kind` absent means the file itself is the
 * deliverable (README, kustomization, a plan in docs/). `field` is a dotted
 * path that must be present on at least one object of that kind.
 * @public
 */
export interface OutputSatisfaction {
  /** From this tier on, this entry replaces entries of lower `fromTier`. */
  fromTier?: TierNumber;
  file: string;
  kind?: string;
  apiVersion?: string;
  field?: string;
  /**
   * Only when a seed-002 choice has one of these values (for example
   * `{ choice: 'mesh', oneOf: ['linkerd'] }`); absent means whatever was chosen.
   */
  when?: { choice: string; oneOf: string[] };
}

/** @public */
export interface OutputSpecItem {
  id: string;
  /** The tier that introduces the item; every higher tier keeps it. */
  tier: TierNumber;
  description: string;
  satisfiedBy: OutputSatisfaction[];
}

const app = 'manifests/sample-app';

const item = (
  tier: TierNumber,
  id: string,
  description: string,
  ...satisfiedBy: OutputSatisfaction[]
): OutputSpecItem => ({ id, tier, description, satisfiedBy });

const argoApp = (file: string, field?: string): OutputSatisfaction => ({
  file: `manifests/platform/${file}.yaml`,
  kind: 'Application',
  apiVersion: 'argoproj.io/v1alpha1',
  field,
});

const doc = (id: string): OutputSatisfaction => ({ file: `docs/${id}.md` });

const when = (choice: string, ...oneOf: string[]) => ({
  when: { choice, oneOf },
});
const kyverno = when('policyEngine', 'kyverno', 'kyverno-and-gatekeeper');
const gatekeeper = when('policyEngine', 'gatekeeper', 'kyverno-and-gatekeeper');
const istio = when('mesh', 'istio');
const linkerd = when('mesh', 'linkerd');
const nginx = when('ingress', 'nginx-ingress');
const gatewayApi = when('ingress', 'gateway-api');

/**
 * Control-plane settings: a file for a self-managed API server, the eksctl
 * config on EKS, the provider's CLI settings on GKE and AKS.
 */
const controlPlaneFiles = (onPrem: string): OutputSatisfaction[] => [
  { file: onPrem, ...when('provider', 'on-prem') },
  {
    file: 'cluster-config/eksctl-cluster.yaml',
    ...when('provider', 'aws-eks'),
  },
  {
    file: 'cluster-config/control-plane.md',
    ...when('provider', 'gke', 'aks'),
  },
];

/** @public */
export const OUTPUT_SPEC: readonly OutputSpecItem[] = [
  // Tier 1: Foundation
  item(
    1,
    'deployment-resources',
    'Deployment with resource requests and limits',
    {
      file: `${app}/deployment.yaml`,
      kind: 'Deployment',
      field: 'spec.template.spec.containers.0.resources.limits',
    },
  ),
  item(1, 'service-clusterip', 'Service of type ClusterIP', {
    file: `${app}/service.yaml`,
    kind: 'Service',
    field: 'spec.type',
  }),
  item(1, 'configmap', 'ConfigMap for non-sensitive configuration', {
    file: `${app}/configmap.yaml`,
    kind: 'ConfigMap',
  }),
  item(
    1,
    'secret',
    'Secret for sensitive values (encrypted for Git from tier 2)',
    {
      file: `${app}/secret.yaml`,
      kind: 'Secret',
      ...when('secrets', 'kubernetes-secrets'),
    },
    {
      file: `${app}/secret.yaml`,
      kind: 'SealedSecret',
      ...when('secrets', 'sealed-secrets'),
    },
    {
      file: `${app}/secret.yaml`,
      kind: 'ExternalSecret',
      ...when('secrets', 'external-secrets-vault'),
    },
  ),
  item(1, 'namespace', 'Namespace definition', {
    file: 'manifests/namespaces.yaml',
    kind: 'Namespace',
  }),
  item(
    1,
    'ingress',
    'Ingress for the sample app (TLS from tier 2, Gateway API from tier 3)',
    { file: `${app}/ingress.yaml`, kind: 'Ingress', ...nginx },
    { file: `${app}/ingress.yaml`, kind: 'HTTPRoute', ...gatewayApi },
  ),
  item(1, 'readme', 'README with apply instructions', { file: 'README.md' }),
  item(
    1,
    'encryption-at-rest',
    "Secrets encrypted at rest (EncryptionConfiguration, or the provider's KMS setting)",
    ...controlPlaneFiles('cluster-config/encryption-config.yaml'),
  ),

  // Tier 2: Production
  item(
    2,
    'quota-limitrange',
    'Every workload namespace has a ResourceQuota and a LimitRange',
    { file: 'manifests/resource-limits.yaml', kind: 'ResourceQuota' },
    { file: 'manifests/resource-limits.yaml', kind: 'LimitRange' },
  ),
  item(
    2,
    'namespace-rbac',
    'RBAC Role and RoleBinding per namespace',
    { file: 'manifests/rbac.yaml', kind: 'Role' },
    { file: 'manifests/rbac.yaml', kind: 'RoleBinding' },
  ),
  item(
    2,
    'sealed-secrets',
    'Secrets safe to commit: Sealed Secrets (or External Secrets when chosen)',
    {
      file: `${app}/secret.yaml`,
      kind: 'SealedSecret',
      ...when('secrets', 'sealed-secrets'),
    },
    {
      file: `${app}/secret.yaml`,
      kind: 'ExternalSecret',
      ...when('secrets', 'external-secrets-vault'),
    },
    { fromTier: 3, file: 'docs/sealed-secrets.md' },
  ),
  item(
    2,
    'network-policy',
    'NetworkPolicy: default deny, then allow DNS and traffic inside the namespace',
    { file: 'manifests/network-policies.yaml', kind: 'NetworkPolicy' },
  ),
  item(2, 'hpa', 'HorizontalPodAutoscaler', {
    file: `${app}/hpa.yaml`,
    kind: 'HorizontalPodAutoscaler',
  }),
  item(2, 'pdb', 'PodDisruptionBudget', {
    file: `${app}/pdb.yaml`,
    kind: 'PodDisruptionBudget',
  }),
  item(
    2,
    'ingress-tls',
    'Ingress with TLS from cert-manager',
    {
      file: `${app}/ingress.yaml`,
      kind: 'Ingress',
      field: 'spec.tls',
      ...nginx,
    },
    {
      file: 'manifests/gateway/gateway.yaml',
      kind: 'Gateway',
      field: 'spec.listeners.0.tls',
      ...gatewayApi,
    },
  ),
  item(2, 'pod-security-restricted', 'Pod Security Standards: restricted', {
    file: 'manifests/namespaces.yaml',
    kind: 'Namespace',
    field: 'metadata.labels.pod-security\\.kubernetes\\.io/enforce',
  }),
  item(2, 'probes', 'Liveness, readiness and startup probes', {
    file: `${app}/deployment.yaml`,
    kind: 'Deployment',
    field: 'spec.template.spec.containers.0.startupProbe',
  }),
  item(2, 'service-monitor', 'Prometheus ServiceMonitor', {
    file: `${app}/monitoring.yaml`,
    kind: 'ServiceMonitor',
  }),
  item(2, 'kustomize-base', 'Kustomize base over the generated manifests', {
    file: 'kustomization.yaml',
  }),

  // Tier 3: Enterprise
  item(
    3,
    'namespace-hierarchy',
    'Per-team, per-environment namespaces under platform and shared',
    {
      file: 'manifests/namespaces.yaml',
      kind: 'Namespace',
      field: 'metadata.labels.paved\\.dev/parent',
    },
  ),
  item(
    3,
    'policy-engine',
    'Kyverno policies for images, resources and security',
    {
      file: 'manifests/policies/kyverno.yaml',
      kind: 'ClusterPolicy',
      ...kyverno,
    },
    { ...argoApp('kyverno'), ...kyverno },
  ),
  item(
    3,
    'external-secrets-vault',
    'External Secrets Operator reading from Vault',
    {
      file: 'manifests/secrets/cluster-secret-store.yaml',
      kind: 'ClusterSecretStore',
    },
    { file: `${app}/secret.yaml`, kind: 'ExternalSecret' },
  ),
  item(
    3,
    'gateway-api',
    'Gateway API configuration',
    { file: 'manifests/gateway/gateway.yaml', kind: 'Gateway' },
    { file: `${app}/ingress.yaml`, kind: 'HTTPRoute' },
  ),
  item(
    3,
    'cilium-l7-policy',
    'Cilium L7 network policy (plan; no validated model ships here)',
    doc('cilium-l7-policy'),
  ),
  item(
    3,
    'argocd-apps',
    'Argo CD Application and ApplicationSet',
    { file: 'manifests/gitops/root-application.yaml', kind: 'Application' },
    { file: 'manifests/gitops/applicationset.yaml', kind: 'ApplicationSet' },
  ),
  item(
    3,
    'gitops-app-of-apps',
    'GitOps repository as app-of-apps, scoped by an AppProject',
    { file: 'manifests/gitops/project.yaml', kind: 'AppProject' },
    {
      file: 'manifests/gitops/root-application.yaml',
      kind: 'Application',
      field: 'spec.source.directory.recurse',
      ...when('packaging', 'raw'),
    },
    {
      file: 'manifests/gitops/root-application.yaml',
      kind: 'Application',
      field: 'spec.source.helm',
      ...when('packaging', 'helm'),
    },
    {
      file: 'manifests/gitops/root-application.yaml',
      kind: 'Application',
      field: 'spec.source.kustomize',
      ...when('packaging', 'kustomize'),
    },
  ),
  item(
    3,
    'kube-prometheus-stack',
    'kube-prometheus-stack with custom dashboards',
    argoApp('kube-prometheus-stack'),
    {
      file: 'manifests/observability/dashboards.yaml',
      kind: 'ConfigMap',
      field: 'metadata.labels.grafana_dashboard',
    },
  ),
  item(3, 'loki', 'Loki and Promtail for logs', argoApp('loki-stack')),
  item(3, 'slo-alerts', 'PrometheusRule for SLO alerting', {
    file: `${app}/monitoring.yaml`,
    kind: 'PrometheusRule',
  }),
  item(
    3,
    'velero-schedules',
    'Velero backup schedules',
    argoApp('velero'),
    {
      file: 'manifests/backup/velero.yaml',
      kind: 'BackupStorageLocation',
      apiVersion: 'velero.io/v1',
    },
    {
      file: 'manifests/backup/velero.yaml',
      kind: 'Schedule',
      apiVersion: 'velero.io/v1',
      field: 'spec.template.ttl',
    },
  ),
  item(
    3,
    'cost-visibility',
    'Cost visibility: OpenCost, the allocation API the Paved cost card reads',
    argoApp('opencost'),
  ),
  item(
    3,
    'aggregated-rbac',
    'Hierarchical RBAC with an aggregated ClusterRole',
    {
      file: 'manifests/rbac.yaml',
      kind: 'ClusterRole',
      field: 'aggregationRule.clusterRoleSelectors',
    },
  ),
  item(
    3,
    'vpa',
    'Vertical Pod Autoscaler recommendations next to the HPA',
    argoApp('vpa'),
    {
      file: `${app}/vpa.yaml`,
      kind: 'VerticalPodAutoscaler',
    },
  ),
  item(3, 'topology-spread', 'Topology spread constraints across zones', {
    file: `${app}/deployment.yaml`,
    kind: 'Deployment',
    field: 'spec.template.spec.topologySpreadConstraints',
  }),

  // Tier 4: Multi-Cluster
  item(4, 'argocd-hub-spoke', 'Multi-cluster Argo CD, hub and spokes', {
    file: 'manifests/gitops/fleet-applicationset.yaml',
    kind: 'ApplicationSet',
    field: 'spec.generators.0.clusters',
  }),
  item(
    4,
    'service-mesh',
    'Istio or Linkerd service mesh with mutual TLS',
    { ...argoApp('istiod'), ...istio },
    {
      file: 'manifests/mesh/peer-authentication.yaml',
      kind: 'PeerAuthentication',
      ...istio,
    },
    { ...argoApp('linkerd-control-plane'), ...linkerd },
    {
      file: 'manifests/mesh/linkerd-policy.yaml',
      kind: 'Server',
      apiVersion: 'policy.linkerd.io/v1beta3',
      ...linkerd,
    },
    {
      file: 'manifests/mesh/linkerd-policy.yaml',
      kind: 'AuthorizationPolicy',
      ...linkerd,
    },
    {
      file: 'manifests/mesh/linkerd-policy.yaml',
      kind: 'MeshTLSAuthentication',
      ...linkerd,
    },
  ),
  item(
    4,
    'cross-cluster-discovery',
    'Cross-cluster service discovery (Istio multi-network or Linkerd multicluster)',
    {
      ...argoApp('istiod', 'spec.source.helm.valuesObject.global.multiCluster'),
      ...istio,
    },
    { ...argoApp('linkerd-multicluster'), ...linkerd },
  ),
  item(
    4,
    'dns-failover',
    'Multi-region DNS failover with ExternalDNS',
    argoApp('external-dns'),
  ),
  item(4, 'thanos', 'Thanos for federated metrics', argoApp('thanos')),
  item(
    4,
    'vault-ha',
    'Vault HA with cross-cluster replication',
    argoApp('vault', 'spec.source.helm.valuesObject.server.ha'),
    doc('vault-replication'),
  ),
  item(
    4,
    'argo-rollouts',
    'Argo Rollouts progressive delivery',
    argoApp('argo-rollouts'),
  ),
  item(
    4,
    'velero-cross-region',
    'Cross-region Velero backup and restore',
    {
      file: 'manifests/backup/velero-cross-region.yaml',
      kind: 'BackupStorageLocation',
      field: 'spec.objectStorage.bucket',
    },
    {
      file: 'manifests/backup/velero-cross-region.yaml',
      kind: 'Schedule',
      field: 'spec.template.storageLocation',
    },
  ),
  item(
    4,
    'audit-policy',
    "Compliance audit logging of the API server (a policy file where the API server is self-managed, the provider's audit logs elsewhere)",
    ...controlPlaneFiles('cluster-config/audit-policy.yaml'),
  ),
  item(4, 'oidc-rbac', 'Multi-cluster RBAC bound to OIDC groups', {
    file: 'manifests/rbac.yaml',
    kind: 'ClusterRoleBinding',
  }),
  item(
    4,
    'gatekeeper',
    'OPA Gatekeeper next to Kyverno: a ConstraintTemplate and its constraint',
    { ...argoApp('gatekeeper'), ...gatekeeper },
    {
      file: 'manifests/policies/gatekeeper.yaml',
      kind: 'ConstraintTemplate',
      apiVersion: 'templates.gatekeeper.sh/v1',
      ...gatekeeper,
    },
    {
      file: 'manifests/policies/gatekeeper.yaml',
      kind: 'K8sResourceLimits',
      field: 'spec.parameters',
      ...gatekeeper,
    },
  ),

  // Tier 5: Hyperscale
  item(
    5,
    'fleet-management',
    'Fleet management (plan)',
    doc('fleet-management'),
  ),
  item(
    5,
    'cilium-cluster-mesh',
    'Cilium Cluster Mesh',
    argoApp('cilium', 'spec.source.helm.valuesObject.clustermesh'),
  ),
  item(
    5,
    'crossplane',
    'Crossplane for infrastructure as Kubernetes objects',
    argoApp('crossplane'),
    {
      file: 'manifests/crossplane/providers.yaml',
      kind: 'Provider',
      apiVersion: 'pkg.crossplane.io/v1',
    },
    {
      file: 'manifests/crossplane/providers.yaml',
      kind: 'ProviderConfig',
      ...when('provider', 'aws-eks'),
    },
    {
      file: 'manifests/crossplane/xrd.yaml',
      kind: 'CompositeResourceDefinition',
      field: 'spec.claimNames',
    },
    doc('crossplane-compositions'),
  ),
  item(
    5,
    'custom-operators',
    'Custom operator scaffolding (plan)',
    doc('custom-operators'),
  ),
  item(
    5,
    'karpenter',
    "Karpenter NodePool and node class (EKS; the provider's node autoscaling elsewhere)",
    {
      file: 'manifests/karpenter/nodepool.yaml',
      kind: 'NodePool',
      ...when('provider', 'aws-eks'),
    },
    {
      file: 'manifests/karpenter/nodepool.yaml',
      kind: 'EC2NodeClass',
      ...when('provider', 'aws-eks'),
    },
    // Karpenter runs on EKS only; elsewhere the baseline says what to use instead.
    {
      file: 'docs/node-autoscaling.md',
      ...when('provider', 'gke', 'aks', 'on-prem'),
    },
  ),
  item(
    5,
    'kubecost',
    'Kubecost-compatible cost allocation for FinOps (OpenCost, the open core Kubecost builds on)',
    argoApp('opencost'),
  ),
  item(
    5,
    'platform-api',
    'Platform API: Backstage templates (Paved)',
    doc('platform-api'),
  ),
  item(
    5,
    'vcluster',
    'Virtual clusters for tenant isolation (per tenant, delivered with the tenant)',
    doc('virtual-clusters'),
  ),
  item(5, 'vault-hsm', 'Multi-tenant Vault with HSM (plan)', doc('vault-hsm')),
  item(5, 'slsa-admission', 'SLSA provenance verified at admission', {
    file: 'manifests/policies/supply-chain.yaml',
    kind: 'ClusterPolicy',
    field: 'spec.rules.0.verifyImages',
  }),
  item(
    5,
    'tetragon',
    'eBPF runtime security with Tetragon',
    argoApp('tetragon'),
  ),
];

/** The items a tier must deliver: its own and every lower tier's. @public */
export function outputSpecForTier(tier: TierNumber): OutputSpecItem[] {
  return OUTPUT_SPEC.filter(i => i.tier <= tier);
}

/**
 * The satisfaction entries that apply at a tier with the given choices (the
 * tier's defaults unless given): entries whose `when` does not match the
 * choices are left out; of the rest, those with a `fromTier` count only at the
 * highest `fromTier` not above the tier, those without always count.
 * @public
 */
export function satisfactionsAt(
  specItem: OutputSpecItem,
  tier: TierNumber,
  choices: OutputChoices = getTier(tier).defaults as unknown as OutputChoices,
): OutputSatisfaction[] {
  const chosen = specItem.satisfiedBy.filter(
    s => !s.when || s.when.oneOf.includes(choices[s.when.choice] ?? ''),
  );
  const staged = chosen.filter(s => s.fromTier !== undefined);
  const plain = chosen.filter(s => s.fromTier === undefined);
  const reached = staged.filter(s => (s.fromTier as number) <= tier);
  if (reached.length === 0) return plain;
  const top = Math.max(...reached.map(s => s.fromTier as number));
  return [...plain, ...reached.filter(s => s.fromTier === top)];
}

/** Every tier's spec, for tables. @public */
export function outputSpecByTier(): Record<TierNumber, OutputSpecItem[]> {
  const out = {} as Record<TierNumber, OutputSpecItem[]>;
  for (const t of TIER_NUMBERS) out[t] = outputSpecForTier(t);
  return out;
}

/**
 * Reads a dotted path (`a.b.0.c`; `\.` escapes a dot inside a key) from an
 * object; undefined when any step is missing.
 * @public
 */
export function getPath(obj: unknown, path: string): unknown {
  const keys = path.split(/(?<!\\)\./).map(k => k.replace(/\\\./g, '.'));
  let cur: unknown = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
