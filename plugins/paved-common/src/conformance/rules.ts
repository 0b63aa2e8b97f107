/**
 * The tier conformance rules: seed 002's domain standards that can be checked
 * against live objects, each with the tier it starts at. Tiers are
 * cumulative, so a rule that starts at tier 2 applies to tiers 2 to 5.
 */
import { TIER_NUMBERS, TIERS, TierDefinition, TierNumber } from '../tiers';

/** @public */
export type ConformanceRuleId =
  | 'resources-requests-limits'
  | 'image-tag-pinned'
  | 'pod-security-labels'
  | 'run-as-non-root'
  | 'read-only-root-filesystem'
  | 'drop-all-capabilities'
  | 'health-probes'
  | 'namespace-resource-quota'
  | 'namespace-limit-range'
  | 'namespace-default-deny'
  | 'namespace-cost-labels'
  | 'production-pdb'
  | 'production-image-digest';

/** What one check of a rule looks at. @public */
export type ConformanceRuleScope = 'container' | 'workload' | 'namespace';

/** @public */
export interface ConformanceRule {
  /** Stable; cards and policies may key on it. */
  id: ConformanceRuleId;
  title: string;
  /** Why the rule exists, for people reading a failing check. */
  why: string;
  /** The lowest tier the rule applies to; every higher tier keeps it. */
  fromTier: TierNumber;
  scope: ConformanceRuleScope;
}

/** The first tier for which `test` holds (tiers only ever add rules). */
function firstTier(test: (t: TierDefinition) => boolean): TierNumber {
  const found = TIER_NUMBERS.find(n => test(TIERS[n]));
  if (!found) throw new Error('No tier satisfies the rule');
  return found;
}

/** Restricted Pod Security is where the pod hardening rules start. */
const RESTRICTED_FROM = firstTier(t => t.podSecurity.enforce === 'restricted');
const QUOTA_FROM = firstTier(t => t.requiresQuota);
const DEFAULT_DENY_FROM = firstTier(t => t.requiresDefaultDeny);
/** PDBs start where a sample workload runs more than one replica. */
const PDB_FROM = firstTier(t => t.minReplicas > 1);
/** Digests start with the tier that enforces image policy (Kyverno images rules, image verification). */
const DIGEST_FROM: TierNumber = 3;

/** @public */
export const CONFORMANCE_RULES: readonly ConformanceRule[] = [
  {
    id: 'resources-requests-limits',
    title: 'Every container sets CPU and memory requests and limits',
    why: 'The scheduler places pods by their requests, and the kubelet enforces limits. A container without requests lands on a node that cannot really hold it; one without limits can take the memory or CPU its neighbours were promised and push them into OOM kills and throttling. Quotas also count these numbers, so they only work when every container states them.',
    fromTier: 1,
    scope: 'container',
  },
  {
    id: 'image-tag-pinned',
    title: 'No image uses the latest tag or no tag at all',
    why: 'An image without a tag means latest, and latest moves. Two pods of one workload can then run different code, a rollback brings back whatever latest is today, and nobody can say which build is live. A fixed tag makes a rollout reproducible.',
    fromTier: 1,
    scope: 'container',
  },
  {
    id: 'pod-security-labels',
    title: "Namespaces carry Pod Security labels at the tier's level",
    why: "Pod Security Admission only enforces what a namespace's labels ask for. Without an enforce label at the tier's level (baseline at tier 1, restricted from tier 2) a privileged or root pod is admitted silently; the warn label tells people at deploy time what a stricter level would refuse.",
    fromTier: 1,
    scope: 'namespace',
  },
  {
    id: 'run-as-non-root',
    title: 'Containers run as non-root and unprivileged',
    why: 'A process running as root, or a privileged container, is one kernel or runtime bug away from owning the node and every pod on it. Setting runAsNonRoot makes the kubelet refuse to start an image that would run as UID 0, so the guarantee holds even when an image changes.',
    fromTier: RESTRICTED_FROM,
    scope: 'container',
  },
  {
    id: 'read-only-root-filesystem',
    title: 'Containers have a read-only root filesystem',
    why: 'A writable root filesystem lets an intruder drop tools or change binaries inside a running container, and lets an application quietly keep state that vanishes on restart. Read-only roots, with explicit volumes for what must be written, make both visible.',
    fromTier: RESTRICTED_FROM,
    scope: 'container',
  },
  {
    id: 'drop-all-capabilities',
    title: 'Containers drop ALL Linux capabilities',
    why: 'Container runtimes grant a default set of Linux capabilities (raw sockets, changing file ownership, and more) that almost no application needs. Dropping ALL and adding back only what is proven necessary shrinks what a compromised process can do; restricted Pod Security requires it.',
    fromTier: RESTRICTED_FROM,
    scope: 'container',
  },
  {
    id: 'health-probes',
    title: 'Long-running containers have liveness and readiness probes',
    why: 'Without a readiness probe a pod receives traffic before it can serve it and keeps receiving it when it cannot; without a liveness probe a hung process is never restarted. Both let rollouts, Services and the kubelet act on the application\'s real state rather than on "the process exists".',
    fromTier: 2,
    scope: 'container',
  },
  {
    id: 'namespace-resource-quota',
    title: 'Every namespace has a ResourceQuota',
    why: 'A quota caps what one namespace can claim from the cluster, so a runaway deployment or a mistaken replica count in one team cannot starve every other team sharing the nodes.',
    fromTier: QUOTA_FROM,
    scope: 'namespace',
  },
  {
    id: 'namespace-limit-range',
    title: 'Every namespace has a LimitRange',
    why: 'A LimitRange gives containers that forget requests and limits sensible defaults and bounds what one container may ask for. With a quota in place it is what keeps pods admissible at all, since a quota refuses pods without requests.',
    fromTier: QUOTA_FROM,
    scope: 'namespace',
  },
  {
    id: 'namespace-default-deny',
    title: 'Every namespace starts from a default-deny NetworkPolicy',
    why: 'Kubernetes networking is open by default: any pod can reach any other in the cluster. A policy that selects every pod and allows no ingress or egress turns that around, so only the flows a team writes down (DNS, its own services, named dependencies) are possible, and a compromised pod cannot roam.',
    fromTier: DEFAULT_DENY_FROM,
    scope: 'namespace',
  },
  {
    id: 'namespace-cost-labels',
    title:
      'Namespaces carry the team, project, environment and cost-center labels',
    why: 'Cost is attributed by namespace labels: OpenCost, the cost dashboards and the Paved cost card group spend by them. A namespace without them lands in "unallocated", and nobody is asked about its bill.',
    fromTier: QUOTA_FROM,
    scope: 'namespace',
  },
  {
    id: 'production-pdb',
    title:
      'Production workloads with more than one replica have a PodDisruptionBudget',
    why: 'Node drains for upgrades, autoscaler scale-downs and maintenance evict pods without regard for the application. A PodDisruptionBudget tells the eviction API how many replicas must stay up, so routine operations cannot take every replica of a production service down at once.',
    fromTier: PDB_FROM,
    scope: 'workload',
  },
  {
    id: 'production-image-digest',
    title: 'Production images are referenced by digest',
    why: 'A tag, even a fixed one, can be pushed again; a digest names exactly one image. Referencing production images by digest means what was scanned, signed and approved is byte for byte what runs, and that a registry compromise cannot swap it underneath.',
    fromTier: DIGEST_FROM,
    scope: 'container',
  },
];

/** The rule with this id. @public */
export function conformanceRule(id: ConformanceRuleId): ConformanceRule {
  const rule = CONFORMANCE_RULES.find(r => r.id === id);
  if (!rule) throw new Error(`Unknown conformance rule '${id}'`);
  return rule;
}

/** Rules that apply to a tier. @public */
export function conformanceRulesForTier(tier: TierNumber): ConformanceRule[] {
  return CONFORMANCE_RULES.filter(r => r.fromTier <= tier);
}
