import { at, fail, isObject, show, Where } from './errors';
import { compilePeers, CompiledPeer } from './peers';
import { compilePorts, CompiledPort } from './ports';
import { compileSelector, LabelMatcher } from './selectors';
import { NetworkPolicyLike } from './types';

export type Direction = 'Ingress' | 'Egress';

/** One ingress or egress rule; undefined peers or ports mean "all". */
export interface CompiledRule {
  peers?: CompiledPeer[];
  ports?: CompiledPort[];
}

/** A policy validated once, ready to evaluate many flows. */
export interface CompiledPolicy {
  /** "namespace/name". */
  ref: string;
  namespace: string;
  selects: LabelMatcher;
  /** Present only when the policy's types include Ingress (then it isolates). */
  ingress?: CompiledRule[];
  /** Present only when the policy's types include Egress. */
  egress?: CompiledRule[];
}

function compileRules(
  raw: unknown,
  where: Where,
  peerField: 'from' | 'to',
): CompiledRule[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) fail(where, `must be a list, got ${show(raw)}`);
  return raw.map((rule, i) => {
    const w = at(where, i);
    if (!isObject(rule)) fail(w, `must be an object, got ${show(rule)}`);
    return {
      peers: compilePeers(rule[peerField], at(w, peerField)),
      ports: compilePorts(rule.ports, at(w, 'ports')),
    };
  });
}

/**
 * The policy types as the API server defaults them: Ingress always, Egress
 * when there is at least one egress rule. An empty `egress: []` without
 * policyTypes therefore does not isolate egress.
 */
function policyTypesOf(
  spec: Record<string, unknown>,
  where: Where,
): Direction[] {
  const raw = spec.policyTypes;
  if (
    raw === undefined ||
    raw === null ||
    (Array.isArray(raw) && raw.length === 0)
  ) {
    const egress = spec.egress;
    return Array.isArray(egress) && egress.length > 0
      ? ['Ingress', 'Egress']
      : ['Ingress'];
  }
  if (!Array.isArray(raw))
    fail(at(where, 'policyTypes'), `must be a list, got ${show(raw)}`);
  raw.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') {
      fail(
        at(at(where, 'policyTypes'), i),
        `${show(t)} is not Ingress or Egress`,
      );
    }
  });
  return raw as Direction[];
}

/** Validates one policy; every problem throws an error naming it. */
export function compilePolicy(
  policy: NetworkPolicyLike,
  index = 0,
): CompiledPolicy {
  const meta = isObject(policy) ? policy.metadata : undefined;
  const name = isObject(meta) ? meta.name : undefined;
  const namespace = isObject(meta) ? meta.namespace : undefined;
  if (
    typeof name !== 'string' ||
    name === '' ||
    typeof namespace !== 'string' ||
    namespace === ''
  ) {
    // A policy without a namespace cannot be placed, so which pods it governs is unknown.
    fail(
      { path: `policies[${index}].metadata` },
      `needs a name and a namespace, got ${show(meta)}`,
    );
  }
  const ref = `${namespace}/${name}`;
  const where: Where = { policy: ref, path: 'spec' };
  const spec = policy.spec;
  if (!isObject(spec)) fail(where, `must be an object, got ${show(spec)}`);

  // An absent podSelector selects every pod, like `{}`; null reads as absent in YAML.
  const rawSelector = spec.podSelector ?? {};
  const selects = compileSelector(rawSelector, at(where, 'podSelector'));
  const types = policyTypesOf(spec, where);

  // Rules are validated even for a type not listed, so typos do not hide.
  const ingress = compileRules(spec.ingress, at(where, 'ingress'), 'from');
  const egress = compileRules(spec.egress, at(where, 'egress'), 'to');
  return {
    ref,
    namespace,
    selects,
    ingress: types.includes('Ingress') ? ingress : undefined,
    egress: types.includes('Egress') ? egress : undefined,
  };
}

/** Validates a list of policies in order. */
export function compilePolicies(
  policies: readonly NetworkPolicyLike[],
): CompiledPolicy[] {
  if (!Array.isArray(policies)) {
    fail({ path: 'policies' }, `must be a list, got ${show(policies)}`);
  }
  return policies.map((p, i) => compilePolicy(p, i));
}
