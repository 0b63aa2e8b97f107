/**
 * Tier conformance of a set of namespaces: every rule that applies to the
 * tier, checked against the live objects, with a score and the failing
 * objects. Objects are taken one at a time (page by page from the cluster);
 * only tallies, failures and a few facts per namespace and multi-replica
 * workload are kept.
 */
import { HealthObjectRef, KubeObject } from '../health/types';
import { TIERS, TierNumber, PodSecurityLevel, getTier } from '../tiers';
import {
  checkCostLabels,
  checkDropAll,
  checkImageDigest,
  checkImageTag,
  checkNonRoot,
  checkPodSecurityLabels,
  checkProbes,
  checkReadOnlyRoot,
  checkResources,
  containersOf,
  defaultDenyOf,
  isProductionNamespace,
  isSystemNamespace,
  podSpecSource,
  selectorMatches,
  WORKLOAD_KINDS,
} from './checks';
import { CONFORMANCE_RULES, ConformanceRule, ConformanceRuleId } from './rules';

/** One failing object of a rule. @public */
export interface ConformanceFailure {
  /** Stable between calls: rule, kind, namespace, name, container. */
  id: string;
  object: HealthObjectRef;
  /** What is wrong, for people. */
  message: string;
}

/** @public */
export interface ConformanceRuleResult extends ConformanceRule {
  /** Whether the rule applies to the tier asked about. */
  applies: boolean;
  /** Checks made (containers, workloads or namespaces); 0 when not applicable. */
  checks: number;
  passed: number;
  failed: number;
  /** passed / checks; null when nothing was checked. */
  score: number | null;
  /** Failing objects, sorted; at most `maxFailuresPerRule`. */
  failures: ConformanceFailure[];
  /** Failures beyond `maxFailuresPerRule`, counted but not listed. */
  omittedFailures?: number;
}

/** @public */
export interface ConformanceSummary {
  tier: TierNumber;
  tierTitle: string;
  podSecurityLevel: PodSecurityLevel;
  /** Namespaces checked. */
  namespaces: string[];
  /** Namespaces asked for that the cluster does not have. */
  missingNamespaces?: string[];
  /** Of those checked, the ones that count as production. */
  productionNamespaces: string[];
  /** passed / checks over every applicable rule; null when nothing was checked. */
  score: number | null;
  checks: number;
  passed: number;
  failed: number;
  /** Every rule, in catalogue order; rules above the tier have `applies: false`. */
  rules: ConformanceRuleResult[];
}

/** @public */
export interface ConformanceOptions {
  tier: TierNumber;
  /**
   * The namespaces in scope (a tenant's). Absent: every namespace seen except
   * Kubernetes' own (`kube-*`), and `default` only when something runs in it.
   */
  namespaces?: string[];
  /** Default 50. */
  maxFailuresPerRule?: number;
}

/**
 * Takes objects one by one and returns the summary at the end. Add
 * Deployments, StatefulSets and DaemonSets before Pods: a Pod whose
 * controller was already added is covered by that workload's template and is
 * not counted again. Other kinds may come in any order.
 * @public
 */
export interface ConformanceAccumulator {
  add(obj: KubeObject): void;
  result(): ConformanceSummary;
}

interface Tally {
  checks: number;
  passed: number;
  failures: ConformanceFailure[];
  omitted: number;
}

interface NamespaceFacts {
  labels?: Record<string, string>;
  seen: boolean;
  hasWorkloads: boolean;
  quota: boolean;
  limitRange: boolean;
  denyIngress: boolean;
  denyEgress: boolean;
  pdbSelectors: any[];
  /** Digest checks are settled once the namespace is known to be production. */
  digest: Tally;
}

interface ReplicatedWorkload {
  ref: HealthObjectRef;
  replicas: number;
  podLabels: Record<string, string>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const ratio = (passed: number, checks: number) =>
  checks > 0 ? round(passed / checks) : null;

function failureId(rule: ConformanceRuleId, ref: HealthObjectRef): string {
  return [rule, ref.kind, ref.namespace ?? '', ref.name, ref.container ?? '']
    .join(':')
    .replace(/:+$/, '');
}

const compareRefs = (a: ConformanceFailure, b: ConformanceFailure) =>
  a.id.localeCompare(b.id);

/** @public */
export function createConformanceAccumulator(
  options: ConformanceOptions,
): ConformanceAccumulator {
  const tier = getTier(options.tier);
  const maxFailures = options.maxFailuresPerRule ?? 50;
  const scoped = options.namespaces ? new Set(options.namespaces) : undefined;
  const applies = (id: ConformanceRuleId) =>
    CONFORMANCE_RULES.find(r => r.id === id)!.fromTier <= tier.tier;

  const newTally = (): Tally => ({
    checks: 0,
    passed: 0,
    failures: [],
    omitted: 0,
  });
  const tallies = new Map<ConformanceRuleId, Tally>(
    CONFORMANCE_RULES.map(r => [r.id, newTally()]),
  );
  const record = (
    tally: Tally,
    rule: ConformanceRuleId,
    object: HealthObjectRef,
    problems: string[],
  ) => {
    tally.checks++;
    if (problems.length === 0) {
      tally.passed++;
      return;
    }
    if (tally.failures.length >= maxFailures) {
      tally.omitted++;
      return;
    }
    tally.failures.push({
      id: failureId(rule, object),
      object,
      message: problems.join('; '),
    });
  };
  const check = (
    rule: ConformanceRuleId,
    object: HealthObjectRef,
    problems: string[],
  ) => {
    if (applies(rule)) record(tallies.get(rule)!, rule, object, problems);
  };

  const namespaces = new Map<string, NamespaceFacts>();
  const factsOf = (ns: string): NamespaceFacts => {
    let facts = namespaces.get(ns);
    if (!facts) {
      facts = {
        seen: false,
        hasWorkloads: false,
        quota: false,
        limitRange: false,
        denyIngress: false,
        denyEgress: false,
        pdbSelectors: [],
        digest: newTally(),
      };
      namespaces.set(ns, facts);
    }
    return facts;
  };
  /** Platform namespaces seen, so that what runs in them is left out too. */
  const platform = new Set<string>();
  const inScope = (ns: string | undefined): ns is string =>
    !!ns &&
    (scoped ? scoped.has(ns) : !isSystemNamespace(ns) && !platform.has(ns));

  /** Workloads seen, `kind/namespace/name`, to tell which Pods they cover. */
  const workloads = new Set<string>();
  const replicated: ReplicatedWorkload[] = [];

  const coveredByWorkload = (pod: KubeObject): boolean => {
    const ns = pod.metadata?.namespace ?? '';
    const owner = (pod.metadata?.ownerReferences ?? []).find(
      (o: any) => o?.controller !== false,
    );
    if (!owner?.kind || !owner.name) return false;
    if (owner.kind === 'ReplicaSet') {
      // A Deployment's ReplicaSet is `<deployment>-<pod-template-hash>`.
      const deployment = owner.name.replace(/-[^-]+$/, '');
      return workloads.has(`Deployment/${ns}/${deployment}`);
    }
    return workloads.has(`${owner.kind}/${ns}/${owner.name}`);
  };

  const checkPodSpec = (obj: KubeObject) => {
    const source = podSpecSource(obj);
    if (!source) return;
    const { kind, namespace, name, spec } = source;
    const facts = factsOf(namespace);
    facts.hasWorkloads = true;
    for (const { container, init } of containersOf(spec)) {
      const object: HealthObjectRef = {
        kind,
        namespace,
        name,
        container: String(container?.name ?? ''),
      };
      check('resources-requests-limits', object, checkResources(container));
      check('image-tag-pinned', object, checkImageTag(container));
      check('run-as-non-root', object, checkNonRoot(container, spec));
      check('read-only-root-filesystem', object, checkReadOnlyRoot(container));
      check('drop-all-capabilities', object, checkDropAll(container));
      if (!init && source.longRunning) {
        check('health-probes', object, checkProbes(container));
      }
      if (applies('production-image-digest')) {
        record(
          facts.digest,
          'production-image-digest',
          object,
          checkImageDigest(container),
        );
      }
    }
    if (
      (kind === 'Deployment' || kind === 'StatefulSet') &&
      Number(obj.spec?.replicas ?? 1) > 1
    ) {
      replicated.push({
        ref: { kind, namespace, name },
        replicas: Number(obj.spec.replicas),
        podLabels: source.podLabels,
      });
    }
  };

  return {
    add(obj) {
      const kind = obj.kind ?? '';
      if (kind === 'Namespace') {
        const name = obj.metadata?.name;
        if (!scoped && name && isSystemNamespace(name, obj.metadata?.labels)) {
          platform.add(name);
          return;
        }
        if (!inScope(name)) return;
        const facts = factsOf(name);
        facts.seen = true;
        facts.labels = obj.metadata?.labels ?? {};
        return;
      }
      const ns = obj.metadata?.namespace;
      if (!inScope(ns)) return;
      switch (kind) {
        case 'ResourceQuota':
          factsOf(ns).quota = true;
          return;
        case 'LimitRange':
          factsOf(ns).limitRange = true;
          return;
        case 'NetworkPolicy': {
          const deny = defaultDenyOf(obj);
          const facts = factsOf(ns);
          facts.denyIngress ||= deny.ingress;
          facts.denyEgress ||= deny.egress;
          return;
        }
        case 'PodDisruptionBudget':
          factsOf(ns).pdbSelectors.push(obj.spec?.selector ?? {});
          return;
        case 'Pod':
          if (coveredByWorkload(obj)) return;
          checkPodSpec(obj);
          return;
        default:
          if (WORKLOAD_KINDS.includes(kind)) {
            workloads.add(`${kind}/${ns}/${obj.metadata?.name ?? ''}`);
            checkPodSpec(obj);
          }
      }
    },

    result() {
      // Namespaces checked: the scope's that exist; or, cluster-wide, every
      // namespace seen, `default` only when something runs in it.
      const checked = [...namespaces.entries()]
        .filter(
          ([name, f]) =>
            f.seen && (scoped || name !== 'default' || f.hasWorkloads),
        )
        .map(([name]) => name)
        .sort();
      const production = checked.filter(name =>
        isProductionNamespace(name, namespaces.get(name)!.labels),
      );
      const missing = scoped
        ? [...scoped].filter(ns => !namespaces.get(ns)?.seen).sort()
        : [];

      for (const name of checked) {
        const f = namespaces.get(name)!;
        const object: HealthObjectRef = { kind: 'Namespace', name };
        check(
          'pod-security-labels',
          object,
          checkPodSecurityLabels(f.labels, tier.podSecurity),
        );
        check('namespace-cost-labels', object, checkCostLabels(f.labels));
        check(
          'namespace-resource-quota',
          object,
          f.quota ? [] : ['no ResourceQuota'],
        );
        check(
          'namespace-limit-range',
          object,
          f.limitRange ? [] : ['no LimitRange'],
        );
        const deny = [
          ...(f.denyIngress ? [] : ['ingress']),
          ...(f.denyEgress ? [] : ['egress']),
        ];
        check(
          'namespace-default-deny',
          object,
          deny.length
            ? [
                `no NetworkPolicy selecting every pod denies ${deny.join(
                  ' and ',
                )} by default`,
              ]
            : [],
        );
      }

      // Digests count only in production namespaces.
      const digest = tallies.get('production-image-digest')!;
      for (const name of production) {
        const d = namespaces.get(name)!.digest;
        digest.checks += d.checks;
        digest.passed += d.passed;
        for (const failure of d.failures) {
          if (digest.failures.length < maxFailures)
            digest.failures.push(failure);
          else digest.omitted++;
        }
        digest.omitted += d.omitted;
      }

      const productionSet = new Set(production);
      for (const w of replicated) {
        const ns = w.ref.namespace ?? '';
        if (!productionSet.has(ns)) continue;
        const covered = namespaces
          .get(ns)!
          .pdbSelectors.some(s => selectorMatches(s, w.podLabels));
        check(
          'production-pdb',
          w.ref,
          covered
            ? []
            : [
                `${w.replicas} replicas in production namespace ${ns}, and no PodDisruptionBudget selects its pods`,
              ],
        );
      }

      const rules: ConformanceRuleResult[] = CONFORMANCE_RULES.map(rule => {
        const t = tallies.get(rule.id)!;
        const on = applies(rule.id);
        const failed = t.checks - t.passed;
        return {
          ...rule,
          applies: on,
          checks: on ? t.checks : 0,
          passed: on ? t.passed : 0,
          failed: on ? failed : 0,
          score: on ? ratio(t.passed, t.checks) : null,
          failures: on ? [...t.failures].sort(compareRefs) : [],
          ...(on && t.omitted ? { omittedFailures: t.omitted } : {}),
        };
      });
      const checks = rules.reduce((n, r) => n + r.checks, 0);
      const passed = rules.reduce((n, r) => n + r.passed, 0);
      return {
        tier: tier.tier,
        tierTitle: TIERS[tier.tier].title,
        podSecurityLevel: tier.podSecurity.enforce,
        namespaces: checked,
        ...(missing.length ? { missingNamespaces: missing } : {}),
        productionNamespaces: production,
        score: ratio(passed, checks),
        checks,
        passed,
        failed: checks - passed,
        rules,
      };
    },
  };
}

const ORDER: Record<string, number> = {
  Namespace: -1,
  Deployment: 0,
  StatefulSet: 0,
  DaemonSet: 0,
  Pod: 1,
};

/**
 * Conformance of a list of objects held in memory (tests, small scopes).
 * Sorts workloads before Pods, as the accumulator needs.
 * @public
 */
export function evaluateConformance(
  objects: KubeObject[],
  options: ConformanceOptions,
): ConformanceSummary {
  const acc = createConformanceAccumulator(options);
  [...objects]
    .sort((a, b) => (ORDER[a.kind ?? ''] ?? 0) - (ORDER[b.kind ?? ''] ?? 0))
    .forEach(o => acc.add(o));
  return acc.result();
}
