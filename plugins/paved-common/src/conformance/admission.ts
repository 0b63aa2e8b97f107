/**
 * How each conformance rule is enforced at admission, in one place: the
 * Kyverno policies a tier renders are built from this list, the conformance
 * card scores the same rules, and the scaffolder's self-check asks
 * {@link admissionViolations} whether a baseline admits its own objects.
 */
import { KubeObject } from '../health/types';
import { getTier, TierNumber } from '../tiers';
import {
  checkCostLabels,
  checkImageDigest,
  checkImageTag,
  checkPodSecurityLabels,
  checkReadOnlyRoot,
  checkResources,
  containersOf,
  isSystemNamespace,
  KUBERNETES_SYSTEM_NAMESPACES,
  NAMESPACE_COST_LABELS,
  NAMESPACE_ROLE_LABEL,
  PLATFORM_NAMESPACE_ROLE,
  PRODUCTION_ENVIRONMENTS,
} from './checks';
import { conformanceRule, ConformanceRuleId } from './rules';

/**
 * Who enforces a rule: a Kyverno policy rendered from this list; Pod Security
 * Admission (the namespace labels); or the baseline itself, which renders the
 * objects the rule asks for (a validating webhook cannot require that
 * another object exists).
 * @public
 */
export type AdmissionEnforcement = 'kyverno' | 'pod-security' | 'baseline';

/** @public */
export interface AdmissionRule {
  rule: ConformanceRuleId;
  enforcedBy: AdmissionEnforcement;
  /** The Kyverno ClusterPolicy's name, for `kyverno` rules. */
  policyName?: string;
  /** Pods (containers of every kind) or Namespace objects. */
  target?: 'pod' | 'namespace';
  /** Only in production namespaces (by name or environment label). */
  productionOnly?: boolean;
  /** What the policy tells the person whose object was refused. */
  message?: string;
}

/** @public */
export const ADMISSION_RULES: readonly AdmissionRule[] = [
  {
    rule: 'resources-requests-limits',
    enforcedBy: 'kyverno',
    policyName: 'require-requests-limits',
    target: 'pod',
    message: 'Every container needs CPU and memory requests and limits.',
  },
  {
    rule: 'image-tag-pinned',
    enforcedBy: 'kyverno',
    policyName: 'disallow-latest-tag',
    target: 'pod',
    message:
      'Images need a tag other than latest (or a digest); an image without a tag runs latest.',
  },
  {
    rule: 'read-only-root-filesystem',
    enforcedBy: 'kyverno',
    policyName: 'require-read-only-root',
    target: 'pod',
    message:
      'Containers need securityContext.readOnlyRootFilesystem: true; mount an emptyDir where they write.',
  },
  {
    rule: 'production-image-digest',
    enforcedBy: 'kyverno',
    policyName: 'require-image-digest-in-production',
    target: 'pod',
    productionOnly: true,
    message: 'Production images are referenced by digest (image@sha256:...).',
  },
  {
    rule: 'pod-security-labels',
    enforcedBy: 'kyverno',
    policyName: 'require-pod-security-labels',
    target: 'namespace',
    message: "Namespaces need Pod Security labels at the tier's level.",
  },
  {
    rule: 'namespace-cost-labels',
    enforcedBy: 'kyverno',
    policyName: 'require-cost-labels',
    target: 'namespace',
    message:
      'Namespaces need the team, project, environment and cost-center labels.',
  },
  { rule: 'run-as-non-root', enforcedBy: 'pod-security' },
  { rule: 'drop-all-capabilities', enforcedBy: 'pod-security' },
  // Probes are judged by the conformance card only: Jobs and init containers
  // legitimately have none, and autogen would apply a pod rule to them.
  { rule: 'health-probes', enforcedBy: 'baseline' },
  { rule: 'namespace-resource-quota', enforcedBy: 'baseline' },
  { rule: 'namespace-limit-range', enforcedBy: 'baseline' },
  { rule: 'namespace-default-deny', enforcedBy: 'baseline' },
  { rule: 'production-pdb', enforcedBy: 'baseline' },
];

/** The rules a tier enforces through Kyverno. @public */
export function kyvernoRulesForTier(tier: TierNumber): AdmissionRule[] {
  return ADMISSION_RULES.filter(
    r => r.enforcedBy === 'kyverno' && conformanceRule(r.rule).fromTier <= tier,
  );
}

/** A Kyverno pattern over every container list of a pod spec. */
function everyContainer(
  container: Record<string, unknown>,
): Record<string, unknown> {
  return {
    spec: {
      '=(initContainers)': [container],
      containers: [container],
      '=(ephemeralContainers)': [container],
    },
  };
}

const anyStar = '?*';

/** The Kyverno `validate` rules of one admission rule at a tier. */
function kyvernoValidations(
  r: AdmissionRule,
  tier: TierNumber,
): Array<{ name: string; pattern: Record<string, unknown> }> {
  switch (r.rule) {
    case 'resources-requests-limits':
      return [
        {
          name: 'containers-have-requests-and-limits',
          pattern: everyContainer({
            resources: {
              requests: { cpu: anyStar, memory: anyStar },
              limits: { cpu: anyStar, memory: anyStar },
            },
          }),
        },
      ];
    case 'image-tag-pinned':
      return [
        // Two rules because a pattern cannot say "has a tag and it is not
        // latest" at once; a digest reference contains a colon too.
        {
          name: 'images-have-a-tag',
          pattern: everyContainer({ image: '*:*' }),
        },
        {
          name: 'images-are-not-latest',
          pattern: everyContainer({ image: '!*:latest' }),
        },
      ];
    case 'read-only-root-filesystem':
      return [
        {
          name: 'root-filesystem-is-read-only',
          pattern: everyContainer({
            securityContext: { readOnlyRootFilesystem: true },
          }),
        },
      ];
    case 'production-image-digest':
      return [
        {
          name: 'images-by-digest',
          pattern: everyContainer({ image: '*@sha256:*' }),
        },
      ];
    case 'pod-security-labels': {
      const level = getTier(tier).podSecurity;
      const at = (l: string) =>
        l === 'restricted' ? 'restricted' : `${l} | restricted`;
      return [
        {
          name: 'namespaces-have-pod-security-labels',
          pattern: {
            metadata: {
              labels: {
                'pod-security.kubernetes.io/enforce': at(level.enforce),
                'pod-security.kubernetes.io/warn': at(level.warn),
              },
            },
          },
        },
      ];
    }
    case 'namespace-cost-labels':
      return [
        {
          name: 'namespaces-carry-cost-labels',
          pattern: {
            metadata: {
              labels: Object.fromEntries(
                NAMESPACE_COST_LABELS.map(k => [k, anyStar]),
              ),
            },
          },
        },
      ];
    default:
      throw new Error(`Conformance rule ${r.rule} has no Kyverno form`);
  }
}

/**
 * Kyverno ClusterPolicies of a tier, one per rule, each excluding
 * Kubernetes' own namespaces and those labelled as the platform's
 * ({@link NAMESPACE_ROLE_LABEL}). Pod rules reach Deployments and other
 * controllers through Kyverno's autogen.
 * @public
 */
export function kyvernoPolicies(
  tier: TierNumber,
  labels: Record<string, string> = {},
): KubeObject[] {
  const platformSelector = {
    matchExpressions: [
      {
        key: NAMESPACE_ROLE_LABEL,
        operator: 'In',
        values: [PLATFORM_NAMESPACE_ROLE],
      },
    ],
  };
  return kyvernoRulesForTier(tier).map(r => {
    const namespaceRule = r.target === 'namespace';
    const match = namespaceRule
      ? { any: [{ resources: { kinds: ['Namespace'] } }] }
      : {
          any: [
            {
              resources: {
                kinds: ['Pod'],
                ...(r.productionOnly
                  ? {
                      namespaceSelector: {
                        matchExpressions: [
                          {
                            key: 'environment',
                            operator: 'In',
                            values: [...PRODUCTION_ENVIRONMENTS],
                          },
                        ],
                      },
                    }
                  : {}),
              },
            },
          ],
        };
    const exclude = namespaceRule
      ? {
          any: [
            {
              resources: {
                kinds: ['Namespace'],
                names: [...KUBERNETES_SYSTEM_NAMESPACES, 'default'],
              },
            },
            { resources: { kinds: ['Namespace'], selector: platformSelector } },
          ],
        }
      : {
          any: [
            { resources: { namespaces: [...KUBERNETES_SYSTEM_NAMESPACES] } },
            { resources: { namespaceSelector: platformSelector } },
          ],
        };
    return {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: {
        name: r.policyName!,
        labels,
        annotations: {
          'paved.dev/conformance-rule': r.rule,
          'policies.kyverno.io/description': conformanceRule(r.rule).why,
        },
      },
      spec: {
        validationFailureAction: 'Enforce',
        background: true,
        rules: kyvernoValidations(r, tier).map(v => ({
          name: v.name,
          match,
          exclude,
          validate: { message: r.message, pattern: v.pattern },
        })),
      },
    };
  });
}

/** A refusal paved-common's own checks predict for an object. @public */
export interface AdmissionViolation {
  rule: ConformanceRuleId;
  policyName: string;
  object: string;
  messages: string[];
}

/** The pod spec a Kyverno pod rule reaches in an object, through autogen. */
function podSpecOf(obj: KubeObject): any {
  switch (obj.kind) {
    case 'Pod':
      return obj.spec;
    case 'CronJob':
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return obj.spec?.template?.spec;
    default:
      return undefined;
  }
}

/**
 * What the tier's Kyverno policies would refuse of an object, judged by
 * the conformance checks themselves. `namespaceLabels` are the labels of the
 * object's namespace (for exclusions and production).
 * @public
 */
export function admissionViolations(
  obj: KubeObject,
  tier: TierNumber,
  namespaceLabels: Record<string, string> = {},
): AdmissionViolation[] {
  const out: AdmissionViolation[] = [];
  const ns = obj.metadata?.namespace ?? '';
  const name = `${obj.kind} ${ns ? `${ns}/` : ''}${obj.metadata?.name ?? ''}`;
  for (const r of kyvernoRulesForTier(tier)) {
    let messages: string[] = [];
    if (r.target === 'namespace') {
      if (obj.kind !== 'Namespace') continue;
      const nsName = obj.metadata?.name ?? '';
      if (
        nsName === 'default' ||
        isSystemNamespace(nsName, obj.metadata?.labels)
      )
        continue;
      messages =
        r.rule === 'pod-security-labels'
          ? checkPodSecurityLabels(
              obj.metadata?.labels,
              getTier(tier).podSecurity,
            )
          : checkCostLabels(obj.metadata?.labels);
    } else {
      const spec = podSpecOf(obj);
      if (!spec || isSystemNamespace(ns, namespaceLabels)) continue;
      // Kyverno matches production by the namespace's environment label.
      if (
        r.productionOnly &&
        !PRODUCTION_ENVIRONMENTS.includes(namespaceLabels.environment as any)
      )
        continue;
      const checkOf: Record<string, (c: any) => string[]> = {
        'resources-requests-limits': checkResources,
        'image-tag-pinned': checkImageTag,
        'read-only-root-filesystem': checkReadOnlyRoot,
        'production-image-digest': checkImageDigest,
      };
      const containers = [
        ...containersOf(spec).map(c => c.container),
        ...(spec.ephemeralContainers ?? []),
      ];
      for (const container of containers) {
        const found = checkOf[r.rule](container);
        messages.push(...found.map(m => `container ${container?.name}: ${m}`));
      }
    }
    if (messages.length) {
      out.push({
        rule: r.rule,
        policyName: r.policyName!,
        object: name,
        messages,
      });
    }
  }
  return out;
}
