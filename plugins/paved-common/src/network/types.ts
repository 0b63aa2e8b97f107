/**
 * The shapes the NetworkPolicy evaluator reads and returns. Inputs are plain
 * objects (as parsed from YAML) so callers need no Kubernetes client.
 */

/** Transport protocols a NetworkPolicy port can name. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** The protocols NetworkPolicy knows, for validating input. */
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** The label the API server puts on every namespace, holding its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** A pod in the cluster. */
export interface PodEndpoint {
  kind: 'pod';
  namespace: string;
  /**
   * Labels of the pod's namespace. `kubernetes.io/metadata.name` is always
   * taken to equal `namespace`, whatever is given, as the API server sets it.
   */
  namespaceLabels: Record<string, string>;
  podLabels: Record<string, string>;
  /**
   * Pod IP. Used only when a policy peer is an ipBlock: a pod whose IP falls
   * in the block matches it (as Calico does; some plugins never match pod
   * IPs by ipBlock). Leave it out to match pods by selectors only.
   */
  ip?: string;
  /** Container ports by name, to resolve named ports in policies. */
  namedPorts?: Record<string, { port: number; protocol?: Protocol }>;
  /**
   * A hostNetwork pod shares its node's network, so NetworkPolicy neither
   * isolates it nor matches it by pod or namespace selectors; as a peer it
   * matches only ipBlocks, by `ip` (its node's IP).
   */
  hostNetwork?: boolean;
}

/** Something outside the pod network: the API server, a node, the internet. */
export interface ExternalEndpoint {
  kind: 'external';
  ip: string;
  name?: string;
}

export type Endpoint = PodEndpoint | ExternalEndpoint;

/** One connection attempt, from the side that opens it. */
export interface Flow {
  from: Endpoint;
  to: Endpoint;
  /** Destination port. */
  port: number;
  /** Defaults to TCP. */
  protocol?: Protocol;
}

/** A NetworkPolicy as read from YAML; `spec` is validated when evaluated. */
export interface NetworkPolicyLike {
  metadata: { name: string; namespace: string };
  spec: any;
}

/** The outcome for one direction (egress of the source or ingress of the destination). */
export interface DirectionVerdict {
  allowed: boolean;
  /** Policies that select the endpoint for this direction ([] = not isolated, allowed). */
  isolatedBy: string[];
  /** The policies whose rules allow the flow. */
  allowedBy: string[];
}

export interface FlowVerdict {
  allowed: boolean;
  egress: DirectionVerdict;
  ingress: DirectionVerdict;
  /** A sentence for people: why allowed or denied, naming policies. */
  reason: string;
}
