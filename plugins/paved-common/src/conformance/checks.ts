/**
 * The individual checks behind the conformance rules, one object (or one
 * container) at a time. Each returns the problems it found in words for
 * people; an empty list is a pass.
 */
import { KubeObject } from '../health/types';
import { PodSecurityLevel } from '../tiers';

/**
 * The label that marks a namespace as the platform's own (add-on
 * controllers, the GitOps engine, gateways): tenant rules do not apply
 * there, in admission or in conformance. Only platform admins may set it.
 * @public
 */
export const NAMESPACE_ROLE_LABEL = 'paved.dev/namespace-role';

/** @public */
export const PLATFORM_NAMESPACE_ROLE = 'platform';

/** Kubernetes' own namespaces, present on every cluster. @public */
export const KUBERNETES_SYSTEM_NAMESPACES = [
  'kube-system',
  'kube-public',
  'kube-node-lease',
] as const;

/**
 * Namespaces that belong to Kubernetes itself (`kube-*`) or to the platform
 * (labelled {@link NAMESPACE_ROLE_LABEL}: platform), never to a tenant.
 * @public
 */
export function isSystemNamespace(
  name: string,
  labels?: Record<string, string>,
): boolean {
  return (
    name.startsWith('kube-') ||
    labels?.[NAMESPACE_ROLE_LABEL] === PLATFORM_NAMESPACE_ROLE
  );
}

/** The FinOps labels every tenant namespace carries. @public */
export const NAMESPACE_COST_LABELS = [
  'team',
  'project',
  'environment',
  'cost-center',
] as const;

/** Missing or empty cost labels of a namespace. */
export function checkCostLabels(
  labels: Record<string, string> | undefined,
): string[] {
  const missing = NAMESPACE_COST_LABELS.filter(k => !labels?.[k]);
  return missing.length ? [`no ${missing.join(', ')} label`] : [];
}

/** Environment names that mean production. @public */
export const PRODUCTION_ENVIRONMENTS = ['prod', 'production'] as const;

/** Namespace labels read for the environment, first found wins. @public */
export const ENVIRONMENT_LABEL_KEYS = [
  'environment',
  'paved.dev/environment',
  'env',
] as const;

const isProdWord = (s: string | undefined) =>
  !!s &&
  (PRODUCTION_ENVIRONMENTS as readonly string[]).includes(s.toLowerCase());

/**
 * Whether a namespace holds production: named `prod` or `production`, or
 * ending or starting with one of them as a dash-separated word
 * (`payments-prod`, `prod-eu`), or labelled `environment: production` (or
 * `prod`) under one of {@link ENVIRONMENT_LABEL_KEYS}.
 * @public
 */
export function isProductionNamespace(
  name: string,
  labels?: Record<string, string>,
): boolean {
  const parts = name.toLowerCase().split('-');
  if (isProdWord(parts[0]) || isProdWord(parts[parts.length - 1])) return true;
  return ENVIRONMENT_LABEL_KEYS.some(k => isProdWord(labels?.[k]));
}

/** Where a pod spec was found, and whether its containers run indefinitely. */
export interface PodSpecSource {
  kind: string;
  namespace: string;
  name: string;
  spec: any;
  /** Labels the pods carry (a workload's template labels). */
  podLabels: Record<string, string>;
  /** Services and daemons, as opposed to Jobs' run-to-completion pods. */
  longRunning: boolean;
}

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

/** The pod spec of a Pod or of a workload's template. */
export function podSpecSource(obj: KubeObject): PodSpecSource | undefined {
  const kind = obj.kind ?? '';
  const base = {
    kind,
    namespace: obj.metadata?.namespace ?? '',
    name: obj.metadata?.name ?? '',
  };
  if (kind === 'Pod' && obj.spec) {
    return {
      ...base,
      spec: obj.spec,
      podLabels: obj.metadata?.labels ?? {},
      longRunning: (obj.spec.restartPolicy ?? 'Always') === 'Always',
    };
  }
  if (WORKLOAD_KINDS.includes(kind) && obj.spec?.template?.spec) {
    return {
      ...base,
      spec: obj.spec.template.spec,
      podLabels: obj.spec.template.metadata?.labels ?? {},
      longRunning: true,
    };
  }
  return undefined;
}

/** A container and whether it is an init container. */
export interface ContainerOf {
  container: any;
  init: boolean;
}

export function containersOf(spec: any): ContainerOf[] {
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  return [
    ...list(spec?.initContainers).map(container => ({ container, init: true })),
    ...list(spec?.containers).map(container => ({ container, init: false })),
  ];
}

const RESOURCE_KEYS = [
  ['requests', 'cpu'],
  ['requests', 'memory'],
  ['limits', 'cpu'],
  ['limits', 'memory'],
] as const;

/** Missing CPU and memory requests and limits. */
export function checkResources(container: any): string[] {
  const missing = RESOURCE_KEYS.filter(
    ([group, key]) =>
      container?.resources?.[group]?.[key] === undefined ||
      container.resources[group][key] === '',
  ).map(([group, key]) => `${group}.${key}`);
  return missing.length ? [`no ${missing.join(', ')}`] : [];
}

/** Root, UID 0 or privileged, with the container's context over the pod's. */
export function checkNonRoot(container: any, podSpec: any): string[] {
  const c = container?.securityContext ?? {};
  const p = podSpec?.securityContext ?? {};
  const problems: string[] = [];
  if (c.privileged === true) problems.push('runs privileged');
  const runAsUser = c.runAsUser ?? p.runAsUser;
  if (runAsUser === 0) problems.push('runs as UID 0');
  else if ((c.runAsNonRoot ?? p.runAsNonRoot) !== true) {
    problems.push('runAsNonRoot is not true');
  }
  return problems;
}

export function checkReadOnlyRoot(container: any): string[] {
  return container?.securityContext?.readOnlyRootFilesystem === true
    ? []
    : ['root filesystem is writable (readOnlyRootFilesystem is not true)'];
}

export function checkDropAll(container: any): string[] {
  const drop: unknown[] = container?.securityContext?.capabilities?.drop ?? [];
  return Array.isArray(drop) &&
    drop.some(d => String(d).toUpperCase() === 'ALL')
    ? []
    : ['capabilities.drop does not include ALL'];
}

export function checkProbes(container: any): string[] {
  const missing = ['livenessProbe', 'readinessProbe'].filter(
    p => !container?.[p],
  );
  return missing.length ? [`no ${missing.join(', ')}`] : [];
}

/** An image reference split into its repository, tag and digest. @public */
export interface ImageReference {
  repository: string;
  tag?: string;
  digest?: string;
}

/** Parses `registry:port/repo:tag@sha256:...` the way the runtime does. @public */
export function parseImageReference(image: string): ImageReference {
  const [nameAndTag, digest] = image.split('@', 2);
  const slash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > slash;
  return {
    repository: hasTag ? nameAndTag.slice(0, colon) : nameAndTag,
    ...(hasTag ? { tag: nameAndTag.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

export function checkImageTag(container: any): string[] {
  const image = String(container?.image ?? '');
  if (!image) return ['has no image'];
  const ref = parseImageReference(image);
  if (ref.digest) return [];
  if (!ref.tag) return [`image ${image} has no tag, so it runs latest`];
  if (ref.tag === 'latest') return [`image ${image} uses the latest tag`];
  return [];
}

export function checkImageDigest(container: any): string[] {
  const image = String(container?.image ?? '');
  return parseImageReference(image).digest?.startsWith('sha256:')
    ? []
    : [`image ${image || '(none)'} is not referenced by sha256 digest`];
}

const LEVEL_RANK: Record<PodSecurityLevel, number> = {
  privileged: 0,
  baseline: 1,
  restricted: 2,
};

/** Pod Security labels at least as strict as the tier asks. */
export function checkPodSecurityLabels(
  labels: Record<string, string> | undefined,
  required: { enforce: PodSecurityLevel; warn: PodSecurityLevel },
): string[] {
  const problems: string[] = [];
  for (const mode of ['enforce', 'warn'] as const) {
    const key = `pod-security.kubernetes.io/${mode}`;
    const value = labels?.[key];
    const rank = LEVEL_RANK[value as PodSecurityLevel];
    if (value === undefined) {
      problems.push(`no ${key} label (needs ${required[mode]})`);
    } else if (rank === undefined || rank < LEVEL_RANK[required[mode]]) {
      problems.push(`${key} is ${value}, needs ${required[mode]}`);
    }
  }
  return problems;
}

/** Which directions a NetworkPolicy denies for every pod of its namespace. */
export function defaultDenyOf(policy: KubeObject): {
  ingress: boolean;
  egress: boolean;
} {
  const spec = policy.spec ?? {};
  const selector = spec.podSelector ?? {};
  const selectsAll =
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0;
  if (!selectsAll) return { ingress: false, egress: false };
  const types: string[] = Array.isArray(spec.policyTypes)
    ? spec.policyTypes
    : ['Ingress', ...(spec.egress ? ['Egress'] : [])];
  const empty = (rules: unknown) => !Array.isArray(rules) || rules.length === 0;
  return {
    ingress: types.includes('Ingress') && empty(spec.ingress),
    egress: types.includes('Egress') && empty(spec.egress),
  };
}

/** Whether a label selector (matchLabels and matchExpressions) selects labels. */
export function selectorMatches(
  selector: any,
  labels: Record<string, string>,
): boolean {
  if (!selector) return false;
  const matchLabels: Record<string, string> = selector.matchLabels ?? {};
  const expressions: any[] = selector.matchExpressions ?? [];
  // An empty selector in a PDB selects every pod of the namespace.
  for (const [k, v] of Object.entries(matchLabels)) {
    if (labels[k] !== v) return false;
  }
  for (const e of expressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, e?.key);
    const values: string[] = e?.values ?? [];
    switch (e?.operator) {
      case 'In':
        if (!has || !values.includes(labels[e.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
