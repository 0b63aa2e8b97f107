import { forbidden, invalidKind } from '../../http/status';
import { ResourceRegistry } from '../../resources/registry';
import { ResourceType } from '../../resources/types';
import { ObjectStore } from '../../store/objectStore';
import { deepEqual, JsonObject, KubeObject } from '../../types';
import { AdmissionAttributes } from '../types';
import {
  evaluatePod,
  forbiddenDetail,
  forbiddenReason,
  PodSecurityResult,
} from './evaluator';
import {
  compareLevels,
  formatLevelVersion,
  fullyPrivileged,
  LevelVersion,
  PodSecurityPolicy,
  policyFromLabels,
  sameLevelVersion,
  setModes,
} from './policy';
import { list, obj } from './podSpec';

/** Where PSA looks for namespaces and pods, and which namespaces are exempt. */
export interface PodSecurityContext {
  store: ObjectStore;
  registry: ResourceRegistry;
  exemptNamespaces: string[];
}

/** Resources whose objects carry a pod template (`group/resource`). */
const POD_CONTROLLERS = new Set([
  '/replicationcontrollers',
  '/podtemplates',
  'apps/replicasets',
  'apps/deployments',
  'apps/statefulsets',
  'apps/daemonsets',
  'batch/jobs',
  'batch/cronjobs',
]);

/** How many pods a namespace label change checks at most (as the real admission). */
const MAX_PODS_TO_CHECK = 3000;

const resourceId = (rt: ResourceType) => `${rt.group}/${rt.plural}`;

/** Pod metadata and spec of a Pod or of a controller's pod template. */
export function extractPodSpec(
  rt: ResourceType,
  o: KubeObject,
): { meta: JsonObject; spec: JsonObject } {
  if (resourceId(rt) === '/pods')
    return { meta: obj(o.metadata), spec: obj(o.spec) };
  let template: JsonObject;
  if (rt.plural === 'podtemplates') template = obj(o.template);
  else if (rt.plural === 'cronjobs')
    template = obj(obj(obj(obj(o.spec).jobTemplate).spec).template);
  else template = obj(obj(o.spec).template);
  return { meta: obj(template.metadata), spec: obj(template.spec) };
}

function namespaceLabels(
  ctx: PodSecurityContext,
  namespace: string | undefined,
): Record<string, string> | undefined {
  const nsType = ctx.registry.find('', 'v1', 'namespaces');
  if (!nsType || !namespace) return undefined;
  return ctx.store.get(nsType, undefined, namespace)?.metadata.labels;
}

/** Pod updates PSA looks at: container count or image changes, added ephemeral containers. */
function isSignificantPodUpdate(pod: KubeObject, old: KubeObject): boolean {
  const spec = obj(pod.spec);
  const oldSpec = obj(old.spec);
  const image = (c: unknown) => obj(c).image;
  for (const field of ['containers', 'initContainers']) {
    const now = list(spec[field]);
    const before = list(oldSpec[field]);
    if (now.length !== before.length) return true;
    if (now.some((c, i) => image(c) !== image(before[i]))) return true;
  }
  const oldEphemeral = list(oldSpec.ephemeralContainers).map(obj);
  return list(spec.ephemeralContainers)
    .map(obj)
    .some(c => {
      const before = oldEphemeral.find(o => o.name === c.name);
      return !before || before.image !== c.image;
    });
}

interface Evaluation {
  denied?: string;
  warnings: string[];
}

/** Enforce (pods only) then warn, reusing results for equal level:versions. */
function evaluate(
  policy: PodSecurityPolicy,
  meta: JsonObject,
  spec: JsonObject,
  enforce: boolean,
): Evaluation {
  const cache = new Map<string, PodSecurityResult>();
  const run = (lv: LevelVersion) => {
    const key = formatLevelVersion(lv);
    if (!cache.has(key)) cache.set(key, evaluatePod(lv, meta, spec));
    return cache.get(key)!;
  };
  if (enforce) {
    const result = run(policy.enforce);
    if (!result.allowed)
      return {
        denied: `violates PodSecurity "${formatLevelVersion(
          policy.enforce,
        )}": ${forbiddenDetail(result)}`,
        warnings: [],
      };
  }
  // Audit annotations have no visible effect here; warn does.
  const warn = run(policy.warn);
  if (warn.allowed) return { warnings: [] };
  return {
    warnings: [
      `would violate PodSecurity "${formatLevelVersion(
        policy.warn,
      )}": ${forbiddenDetail(warn)}`,
    ],
  };
}

function exemptNamespaceWarning(
  name: string,
  policy: PodSecurityPolicy,
  labels: Record<string, string> | undefined,
): string | undefined {
  // An unlabelled namespace gets the default policy: nothing to warn about.
  if (fullyPrivileged(policy)) return undefined;
  const set = setModes(labels);
  const parts: string[] = [];
  for (const mode of ['enforce', 'audit', 'warn'] as const) {
    if (policy[mode].level !== 'privileged' && set[mode])
      parts.push(`${mode}=${formatLevelVersion(policy[mode])}`);
  }
  if (parts.length === 0) return undefined;
  return `namespace "${name}" is exempt from Pod Security, and the policy (${parts.join(
    ', ',
  )}) will be ignored`;
}

/** Warnings about existing pods when a namespace's enforce level gets stricter. */
function evaluatePodsInNamespace(
  ctx: PodSecurityContext,
  namespace: string,
  enforce: LevelVersion,
): string[] {
  const podType = ctx.registry.find('', 'v1', 'pods');
  if (!podType) return [];
  const pods = ctx.store.list(podType, { namespace }).items;
  // One pod per controller first, then the other replicas.
  const seen = new Set<string>();
  const first: KubeObject[] = [];
  const rest: KubeObject[] = [];
  for (const pod of pods) {
    const owner = (pod.metadata.ownerReferences ?? []).find(r => r.controller);
    if (!owner?.uid) first.push(pod);
    else if (seen.has(owner.uid)) rest.push(pod);
    else {
      seen.add(owner.uid);
      first.push(pod);
    }
  }
  const prioritized = [...first, ...rest];
  const checked = prioritized.slice(0, MAX_PODS_TO_CHECK);
  const byWarning = new Map<string, { podName: string; count: number }>();
  for (const pod of checked) {
    const { meta, spec } = extractPodSpec(podType, pod);
    const r = evaluatePod(enforce, meta, spec);
    if (r.allowed) continue;
    const warning = forbiddenReason(r);
    const name = pod.metadata.name ?? '';
    const entry = byWarning.get(warning);
    if (!entry) byWarning.set(warning, { podName: name, count: 1 });
    else {
      entry.count++;
      if (name < entry.podName) entry.podName = name;
    }
  }
  const warnings: string[] = [];
  if (checked.length < prioritized.length)
    warnings.push(
      `new PodSecurity enforce level only checked against the first ${checked.length} of ${prioritized.length} existing pods`,
    );
  if (byWarning.size > 0)
    warnings.push(
      `existing pods in namespace "${namespace}" violate the new PodSecurity enforce level "${formatLevelVersion(
        enforce,
      )}"`,
    );
  const podWarnings = [...byWarning].map(([warning, { podName, count }]) => {
    if (count === 1) return `${podName}: ${warning}`;
    if (count === 2) return `${podName} (and 1 other pod): ${warning}`;
    return `${podName} (and ${count - 1} other pods): ${warning}`;
  });
  return [...warnings, ...podWarnings.sort()];
}

function admitNamespace(
  ctx: PodSecurityContext,
  attrs: AdmissionAttributes,
): string[] {
  const name = attrs.object.metadata.name ?? attrs.name;
  const labels = attrs.object.metadata.labels;
  const { policy, errors } = policyFromLabels(labels);
  const exempt = ctx.exemptNamespaces.includes(name);
  const invalid = () => invalidKind('Namespace', '', 'Namespace', name, errors);
  const exemptWarning = () => {
    const w = exemptNamespaceWarning(name, policy, labels);
    return w ? [w] : [];
  };
  if (attrs.operation === 'CREATE') {
    if (errors.length > 0) throw invalid();
    return exempt ? exemptWarning() : [];
  }
  const old = policyFromLabels(attrs.oldObject?.metadata.labels);
  if (
    errors.length > 0 &&
    (old.errors.length === 0 || !deepEqual(errors, old.errors))
  )
    throw invalid();
  const enforce = policy.enforce;
  const oldEnforce = old.policy.enforce;
  if (sameLevelVersion(enforce, oldEnforce)) return [];
  if (enforce.level === 'privileged') return [];
  if (
    enforce.version === oldEnforce.version &&
    compareLevels(enforce.level, oldEnforce.level) < 1
  )
    return [];
  if (exempt) return exemptWarning();
  return evaluatePodsInNamespace(ctx, name, enforce);
}

/**
 * kube-apiserver's PodSecurity admission: refuses Pods that violate their
 * namespace's enforce level (403), warns about Pods and pod templates that
 * violate the warn level, and validates the namespace labels themselves.
 * Returns warnings; throws the refusal.
 */
export function podSecurityAdmission(
  ctx: PodSecurityContext,
  attrs: AdmissionAttributes,
): string[] {
  const id = resourceId(attrs.resource);
  if (id === '/namespaces') return admitNamespace(ctx, attrs);
  const isPod = id === '/pods';
  if (!isPod && !POD_CONTROLLERS.has(id)) return [];
  if (attrs.namespace && ctx.exemptNamespaces.includes(attrs.namespace))
    return [];
  const { policy, errors } = policyFromLabels(
    namespaceLabels(ctx, attrs.namespace),
  );
  if (isPod) {
    if (errors.length === 0 && fullyPrivileged(policy)) return [];
    if (
      attrs.operation === 'UPDATE' &&
      attrs.oldObject &&
      !isSignificantPodUpdate(attrs.object, attrs.oldObject)
    )
      return [];
  } else if (
    errors.length === 0 &&
    policy.warn.level === 'privileged' &&
    policy.audit.level === 'privileged'
  ) {
    return [];
  }
  const { meta, spec } = extractPodSpec(attrs.resource, attrs.object);
  const result = evaluate(policy, meta, spec, isPod);
  if (result.denied) throw forbidden(attrs.resource, attrs.name, result.denied);
  return result.warnings;
}
