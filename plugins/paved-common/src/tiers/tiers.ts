/**
 * The five Paved cluster tiers and the defaults each one picks when a team
 * does not choose for itself. Tiers are cumulative: a higher tier keeps every
 * rule of the tiers below it and adds its own.
 */

/** @public */
export type TierNumber = 1 | 2 | 3 | 4 | 5;

/** @public */
export const TIER_NUMBERS: readonly TierNumber[] = [1, 2, 3, 4, 5];

/** @public */
export type TierId =
  | 'foundation'
  | 'production'
  | 'enterprise'
  | 'multi-cluster'
  | 'hyperscale';

/** Pod Security Admission level a tier enforces on workload namespaces. @public */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** @public */
export interface TierDefaults {
  provider: 'aws-eks' | 'gke' | 'aks' | 'on-prem';
  kubernetesVersion: string;
  packaging: 'helm' | 'kustomize' | 'raw';
  gitops: 'none' | 'argocd' | 'flux';
  mesh: 'none' | 'istio' | 'linkerd' | 'cilium';
  cni: 'vpc-cni' | 'cilium';
  secrets: 'kubernetes-secrets' | 'sealed-secrets' | 'external-secrets-vault';
  ingress: 'nginx-ingress' | 'gateway-api';
  policyEngine: 'none' | 'kyverno' | 'kyverno-and-gatekeeper';
  namespaceStrategy:
    | 'single-namespace'
    | 'per-environment'
    | 'per-team-per-environment'
    | 'hierarchical'
    | 'virtual-clusters';
  observability: 'kubectl-logs' | 'prometheus-grafana' | 'full-stack';
  autoscaling: 'none' | 'hpa' | 'hpa-karpenter-vpa';
  disasterRecovery: {
    strategy: string;
    /** Recovery point objective, as a duration such as `24h`. */
    rpo: string;
    /** Recovery time objective. */
    rto: string;
    method: string;
  };
}

/** @public */
export interface TierDefinition {
  tier: TierNumber;
  id: TierId;
  title: string;
  /** One line for a form's enum label. */
  summary: string;
  scale: { clusters: string; workloads: string; nodes: string };
  defaults: TierDefaults;
  /** PSA level enforced on workload namespaces. */
  podSecurity: { enforce: PodSecurityLevel; warn: PodSecurityLevel };
  /** Whether every workload namespace must carry a ResourceQuota and LimitRange. */
  requiresQuota: boolean;
  /** Whether every workload namespace must start from default-deny networking. */
  requiresDefaultDeny: boolean;
  /** Minimum replicas of a sample workload (PDBs need more than one). */
  minReplicas: number;
}

const noDr = { strategy: 'none', rpo: 'none', rto: 'none', method: 'none' };

/** @public */
export const TIERS: Readonly<Record<TierNumber, TierDefinition>> = {
  1: {
    tier: 1,
    id: 'foundation',
    title: 'Foundation',
    summary: 'One cluster, a few workloads: learning, dev and hobby use.',
    scale: { clusters: '1', workloads: '1-5', nodes: '1-5' },
    defaults: {
      provider: 'aws-eks',
      kubernetesVersion: '1.31',
      packaging: 'helm',
      gitops: 'none',
      mesh: 'none',
      cni: 'vpc-cni',
      secrets: 'kubernetes-secrets',
      ingress: 'nginx-ingress',
      policyEngine: 'none',
      namespaceStrategy: 'single-namespace',
      observability: 'kubectl-logs',
      autoscaling: 'none',
      disasterRecovery: noDr,
    },
    podSecurity: { enforce: 'baseline', warn: 'restricted' },
    requiresQuota: false,
    requiresDefaultDeny: false,
    minReplicas: 1,
  },
  2: {
    tier: 2,
    id: 'production',
    title: 'Production',
    summary: 'A hardened single cluster for one team in production.',
    scale: { clusters: '1', workloads: '5-50', nodes: '5-50' },
    defaults: {
      provider: 'aws-eks',
      kubernetesVersion: '1.31',
      packaging: 'helm',
      gitops: 'none',
      mesh: 'none',
      cni: 'vpc-cni',
      secrets: 'sealed-secrets',
      ingress: 'nginx-ingress',
      policyEngine: 'kyverno',
      namespaceStrategy: 'per-environment',
      observability: 'prometheus-grafana',
      autoscaling: 'hpa',
      disasterRecovery: {
        strategy: 'backup-and-restore',
        rpo: '24h',
        rto: '4h',
        method: 'Velero daily backups',
      },
    },
    podSecurity: { enforce: 'restricted', warn: 'restricted' },
    requiresQuota: true,
    requiresDefaultDeny: true,
    minReplicas: 2,
  },
  3: {
    tier: 3,
    id: 'enterprise',
    title: 'Enterprise',
    summary:
      'Many teams, policy enforcement, Vault, GitOps and full observability.',
    scale: { clusters: '1-3', workloads: '50-200', nodes: '50-200' },
    defaults: {
      provider: 'aws-eks',
      kubernetesVersion: '1.31',
      packaging: 'helm',
      gitops: 'argocd',
      mesh: 'istio',
      cni: 'cilium',
      secrets: 'external-secrets-vault',
      ingress: 'gateway-api',
      policyEngine: 'kyverno',
      namespaceStrategy: 'per-team-per-environment',
      observability: 'full-stack',
      autoscaling: 'hpa-karpenter-vpa',
      disasterRecovery: {
        strategy: 'multi-az-and-backup',
        rpo: '1h',
        rto: '1h',
        method: 'Velero hourly backups and topology spread',
      },
    },
    podSecurity: { enforce: 'restricted', warn: 'restricted' },
    requiresQuota: true,
    requiresDefaultDeny: true,
    minReplicas: 3,
  },
  4: {
    tier: 4,
    id: 'multi-cluster',
    title: 'Multi-Cluster',
    summary:
      'Several regions with federation, a service mesh and disaster recovery.',
    scale: { clusters: '3-20', workloads: '200-2000', nodes: '200-2000' },
    defaults: {
      provider: 'aws-eks',
      kubernetesVersion: '1.31',
      packaging: 'helm',
      gitops: 'argocd',
      mesh: 'istio',
      cni: 'cilium',
      secrets: 'external-secrets-vault',
      ingress: 'gateway-api',
      policyEngine: 'kyverno-and-gatekeeper',
      namespaceStrategy: 'hierarchical',
      observability: 'full-stack',
      autoscaling: 'hpa-karpenter-vpa',
      disasterRecovery: {
        strategy: 'active-passive-multi-region',
        rpo: '15m',
        rto: '30m',
        method: 'Cross-region Velero and DNS failover',
      },
    },
    podSecurity: { enforce: 'restricted', warn: 'restricted' },
    requiresQuota: true,
    requiresDefaultDeny: true,
    minReplicas: 3,
  },
  5: {
    tier: 5,
    id: 'hyperscale',
    title: 'Hyperscale',
    summary: 'A fleet of clusters run as a platform, with tenant isolation.',
    scale: { clusters: '20+', workloads: '2000+', nodes: '2000+' },
    defaults: {
      provider: 'aws-eks',
      kubernetesVersion: '1.31',
      packaging: 'helm',
      gitops: 'argocd',
      mesh: 'istio',
      cni: 'cilium',
      secrets: 'external-secrets-vault',
      ingress: 'gateway-api',
      policyEngine: 'kyverno-and-gatekeeper',
      namespaceStrategy: 'virtual-clusters',
      observability: 'full-stack',
      autoscaling: 'hpa-karpenter-vpa',
      disasterRecovery: {
        strategy: 'active-active-multi-region',
        rpo: '~0',
        rto: '~0',
        method: 'Replicated state and global load balancing',
      },
    },
    podSecurity: { enforce: 'restricted', warn: 'restricted' },
    requiresQuota: true,
    requiresDefaultDeny: true,
    minReplicas: 3,
  },
};

/** @public */
export function isTierNumber(value: unknown): value is TierNumber {
  return (
    typeof value === 'number' && (TIER_NUMBERS as number[]).includes(value)
  );
}

/** The tier's definition; throws on anything that is not 1-5. @public */
export function getTier(tier: number): TierDefinition {
  if (!isTierNumber(tier)) {
    throw new RangeError(`tier must be one of 1, 2, 3, 4, 5; got ${tier}`);
  }
  return TIERS[tier];
}

/** Labels that attribute cost to an owner (FinOps tagging). @public */
export const COST_LABEL_KEYS = [
  'team',
  'project',
  'environment',
  'cost-center',
] as const;

/** Pod Security Admission namespace labels a tier requires. @public */
export function podSecurityLabels(tier: TierNumber): Record<string, string> {
  const { enforce, warn } = TIERS[tier].podSecurity;
  return {
    'pod-security.kubernetes.io/enforce': enforce,
    'pod-security.kubernetes.io/enforce-version': 'latest',
    'pod-security.kubernetes.io/audit': warn,
    'pod-security.kubernetes.io/warn': warn,
  };
}
