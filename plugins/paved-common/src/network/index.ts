export * from './types';
export { NetworkPolicyError } from './errors';
export { selectorMatchesLabels } from './selectors';
export { parseIp, parseCidr, cidrContainsIp } from './ipBlock';
export type { IpAddress, Cidr } from './ipBlock';
export { evaluateFlow, allowedFlows, describeEndpoint } from './evaluateFlow';
export { crossNamespaceReachable } from './reachability';
export type { ReachablePair } from './reachability';
