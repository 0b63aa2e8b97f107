export { NAMESPACE_NAME_LABEL, PROTOCOLS } from './types';
export type {
  DirectionVerdict,
  Endpoint,
  ExternalEndpoint,
  Flow,
  FlowVerdict,
  NetworkPolicyLike,
  PodEndpoint,
  Protocol,
} from './types';
export { evaluateFlow } from './evaluateFlow';
