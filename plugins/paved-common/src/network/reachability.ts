import { evaluateCompiledFlow } from './evaluateFlow';
import { compilePolicies } from './policy';
import { FlowVerdict, NetworkPolicyLike, PodEndpoint, Protocol } from './types';

/** An allowed connection between pods of two different namespaces. */
export interface ReachablePair {
  from: PodEndpoint;
  to: PodEndpoint;
  verdict: FlowVerdict;
}

/**
 * Every ordered pair of pods in different namespaces whose connection on
 * this port is allowed. An empty result proves the given pods are isolated
 * per namespace (for this port), which is what tenant isolation needs.
 */
export function crossNamespaceReachable(
  policies: readonly NetworkPolicyLike[],
  pods: readonly PodEndpoint[],
  port: number,
  protocol: Protocol = 'TCP',
): ReachablePair[] {
  const compiled = compilePolicies(policies);
  const pairs: ReachablePair[] = [];
  for (const from of pods) {
    for (const to of pods) {
      if (from.namespace === to.namespace) continue;
      const verdict = evaluateCompiledFlow(compiled, {
        from,
        to,
        port,
        protocol,
      });
      if (verdict.allowed) pairs.push({ from, to, verdict });
    }
  }
  return pairs;
}
