import { at, fail, isObject, show, Where } from './errors';
import {
  compileIpBlock,
  CompiledIpBlock,
  ipBlockMatches,
  IpAddress,
  parseIp,
} from './ipBlock';
import { compileSelector, LabelMatcher } from './selectors';
import { Endpoint, NAMESPACE_NAME_LABEL } from './types';

/** One entry of a rule's `from` or `to`, validated. */
export type CompiledPeer =
  | { kind: 'selectors'; pods?: LabelMatcher; namespaces?: LabelMatcher }
  | { kind: 'ipBlock'; block: CompiledIpBlock };

/** An endpoint with its IP parsed and its namespace labels completed, once per flow. */
export interface EndpointFacts {
  endpoint: Endpoint;
  ip?: IpAddress;
  /** For pods: namespace labels including kubernetes.io/metadata.name. */
  namespaceLabels?: Record<string, string>;
}

/** Reads an endpoint once; a malformed IP throws rather than matching nothing. */
export function endpointFacts(endpoint: Endpoint, role: string): EndpointFacts {
  if (
    !isObject(endpoint) ||
    (endpoint.kind !== 'pod' && endpoint.kind !== 'external')
  ) {
    fail(
      { path: role },
      `must be a pod or external endpoint, got ${show(endpoint)}`,
    );
  }
  let ip: IpAddress | undefined;
  if (endpoint.ip !== undefined || endpoint.kind === 'external') {
    ip = parseIp(endpoint.ip as string);
    if (!ip)
      fail({ path: `${role}.ip` }, `${show(endpoint.ip)} is not an IP address`);
  }
  if (endpoint.kind === 'external') return { endpoint, ip };
  if (typeof endpoint.namespace !== 'string' || endpoint.namespace === '') {
    fail(
      { path: `${role}.namespace` },
      `must be a namespace name, got ${show(endpoint.namespace)}`,
    );
  }
  // The API server always sets this label to the namespace's name.
  const namespaceLabels = {
    ...endpoint.namespaceLabels,
    [NAMESPACE_NAME_LABEL]: endpoint.namespace,
  };
  return { endpoint, ip, namespaceLabels };
}

/**
 * Validates a rule's `from`/`to`. Undefined means the rule matches every
 * peer (absent or empty list, both mean "everyone" in Kubernetes).
 */
export function compilePeers(
  raw: unknown,
  where: Where,
): CompiledPeer[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) fail(where, `must be a list, got ${show(raw)}`);
  if (raw.length === 0) return undefined;
  return raw.map((entry, i) => compilePeer(entry, at(where, i)));
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function compilePeer(raw: unknown, where: Where): CompiledPeer {
  if (!isObject(raw)) fail(where, `must be an object, got ${show(raw)}`);
  const hasPods = present(raw.podSelector);
  const hasNamespaces = present(raw.namespaceSelector);
  const hasBlock = present(raw.ipBlock);
  // The API server refuses both of these; guessing would widen or narrow access.
  if (!hasPods && !hasNamespaces && !hasBlock) {
    fail(where, 'must set podSelector, namespaceSelector or ipBlock');
  }
  if (hasBlock && (hasPods || hasNamespaces)) {
    fail(
      where,
      'ipBlock cannot be combined with podSelector or namespaceSelector',
    );
  }
  if (hasBlock) {
    return {
      kind: 'ipBlock',
      block: compileIpBlock(raw.ipBlock, at(where, 'ipBlock')),
    };
  }
  return {
    kind: 'selectors',
    pods: hasPods
      ? compileSelector(raw.podSelector, at(where, 'podSelector'))
      : undefined,
    namespaces: hasNamespaces
      ? compileSelector(raw.namespaceSelector, at(where, 'namespaceSelector'))
      : undefined,
  };
}

/**
 * Whether the other side of a flow is one of these peers. A podSelector
 * alone means pods of the policy's own namespace; with a namespaceSelector
 * both must hold. hostNetwork pods and external endpoints are reached only
 * through ipBlocks.
 */
export function peersMatch(
  peers: CompiledPeer[] | undefined,
  other: EndpointFacts,
  policyNamespace: string,
): boolean {
  if (!peers) return true;
  const { endpoint } = other;
  return peers.some(peer => {
    if (peer.kind === 'ipBlock') {
      return other.ip !== undefined && ipBlockMatches(peer.block, other.ip);
    }
    if (endpoint.kind !== 'pod' || endpoint.hostNetwork) return false;
    const namespaceOk = peer.namespaces
      ? peer.namespaces(other.namespaceLabels ?? {})
      : endpoint.namespace === policyNamespace;
    const podOk = peer.pods ? peer.pods(endpoint.podLabels ?? {}) : true;
    return namespaceOk && podOk;
  });
}
