import { ExternalEndpoint, NetworkPolicyLike, PodEndpoint } from './types';

/** Builders shared by the tests, to keep tables short. Not exported from the package. */
export function pod(
  namespace: string,
  podLabels: Record<string, string> = {},
  extra: Partial<PodEndpoint> = {},
): PodEndpoint {
  return { kind: 'pod', namespace, namespaceLabels: {}, podLabels, ...extra };
}

export function external(ip: string, name?: string): ExternalEndpoint {
  return { kind: 'external', ip, name };
}

export function policy(
  namespace: string,
  name: string,
  spec: any,
): NetworkPolicyLike {
  return { metadata: { name, namespace }, spec };
}
