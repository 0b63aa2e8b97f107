import { fail, show } from './errors';
import { endpointFacts, EndpointFacts, peersMatch } from './peers';
import { compilePolicies, CompiledPolicy } from './policy';
import { portsMatch, readProtocol } from './ports';
import {
  DirectionVerdict,
  Endpoint,
  Flow,
  FlowVerdict,
  NetworkPolicyLike,
  Protocol,
} from './types';

interface DirectionOutcome extends DirectionVerdict {
  /** Why the endpoint is not subject to policy, when it is not. */
  exempt?: string;
}

/** Names an endpoint for people reading a verdict. */
export function describeEndpoint(endpoint: Endpoint): string {
  if (endpoint.kind === 'external') {
    return endpoint.name ? `${endpoint.name} (${endpoint.ip})` : endpoint.ip;
  }
  const labels = Object.entries(endpoint.podLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const what = endpoint.hostNetwork ? 'hostNetwork pod' : 'pod';
  return `${what} {${labels}} in namespace ${endpoint.namespace}`;
}

function evaluateDirection(
  policies: readonly CompiledPolicy[],
  direction: 'ingress' | 'egress',
  self: EndpointFacts,
  other: EndpointFacts,
  flow: { port: number; protocol: Protocol; to: Endpoint },
): DirectionOutcome {
  const endpoint = self.endpoint;
  // Only pods on the pod network are isolated; the rest is outside policy's reach.
  if (endpoint.kind !== 'pod') {
    return {
      allowed: true,
      isolatedBy: [],
      allowedBy: [],
      exempt: 'not a pod',
    };
  }
  if (endpoint.hostNetwork) {
    return {
      allowed: true,
      isolatedBy: [],
      allowedBy: [],
      exempt: 'a hostNetwork pod',
    };
  }
  const isolating = policies.filter(
    p =>
      p[direction] !== undefined &&
      p.namespace === endpoint.namespace &&
      p.selects(endpoint.podLabels ?? {}),
  );
  const allowedBy = isolating
    .filter(p =>
      p[direction]!.some(
        rule =>
          peersMatch(rule.peers, other, p.namespace) &&
          portsMatch(rule.ports, flow.port, flow.protocol, flow.to),
      ),
    )
    .map(p => p.ref);
  return {
    allowed: isolating.length === 0 || allowedBy.length > 0,
    isolatedBy: isolating.map(p => p.ref),
    allowedBy,
  };
}

function clause(
  outcome: DirectionOutcome,
  direction: 'ingress' | 'egress',
  side: string,
): string {
  if (outcome.exempt) {
    return `${direction} is not restricted because the ${side} is ${outcome.exempt}`;
  }
  if (outcome.isolatedBy.length === 0) {
    return `no policy isolates ${direction} of the ${side}`;
  }
  if (outcome.allowed) {
    return `${direction} of the ${side} is allowed by ${outcome.allowedBy.join(
      ', ',
    )}`;
  }
  return `${direction} of the ${side} is isolated by ${outcome.isolatedBy.join(
    ', ',
  )} and no rule there allows this flow`;
}

function strip(outcome: DirectionOutcome): DirectionVerdict {
  return {
    allowed: outcome.allowed,
    isolatedBy: outcome.isolatedBy,
    allowedBy: outcome.allowedBy,
  };
}

/** Evaluates a flow against policies already validated by compilePolicies. */
export function evaluateCompiledFlow(
  policies: readonly CompiledPolicy[],
  flow: Flow,
): FlowVerdict {
  const from = endpointFacts(flow.from, 'flow.from');
  const to = endpointFacts(flow.to, 'flow.to');
  const protocol = readProtocol(flow.protocol, { path: 'flow.protocol' });
  const port = flow.port;
  if (
    typeof port !== 'number' ||
    !Number.isInteger(port) ||
    port < 1 ||
    port > 65535
  ) {
    fail({ path: 'flow.port' }, `${show(port)} is not a port number 1-65535`);
  }
  const facts = { port, protocol, to: flow.to };
  const egress = evaluateDirection(policies, 'egress', from, to, facts);
  const ingress = evaluateDirection(policies, 'ingress', to, from, facts);
  const allowed = egress.allowed && ingress.allowed;
  const what = `${protocol} ${port} from ${describeEndpoint(
    flow.from,
  )} to ${describeEndpoint(flow.to)}`;
  // Lead with what decided it: the denying side(s) when denied, both when allowed.
  const clauses = allowed
    ? [
        clause(egress, 'egress', 'source'),
        clause(ingress, 'ingress', 'destination'),
      ]
    : [
        ...(egress.allowed ? [] : [clause(egress, 'egress', 'source')]),
        ...(ingress.allowed ? [] : [clause(ingress, 'ingress', 'destination')]),
      ];
  return {
    allowed,
    egress: strip(egress),
    ingress: strip(ingress),
    reason: `${allowed ? 'Allowed' : 'Denied'}: ${what}: ${clauses.join(
      '; ',
    )}.`,
  };
}

/**
 * Whether NetworkPolicies allow a flow: the source's egress and the
 * destination's ingress must both allow it. Throws a NetworkPolicyError
 * naming the policy when any policy is malformed.
 */
export function evaluateFlow(
  policies: readonly NetworkPolicyLike[],
  flow: Flow,
): FlowVerdict {
  return evaluateCompiledFlow(compilePolicies(policies), flow);
}

/** The verdict for each flow, in order; policies are validated once. */
export function allowedFlows(
  policies: readonly NetworkPolicyLike[],
  flows: readonly Flow[],
): FlowVerdict[] {
  const compiled = compilePolicies(policies);
  return flows.map(flow => evaluateCompiledFlow(compiled, flow));
}
