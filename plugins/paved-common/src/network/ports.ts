import { at, fail, isObject, show, Where } from './errors';
import { Endpoint, Protocol, PROTOCOLS } from './types';

/** One entry of a rule's `ports`, validated. */
export interface CompiledPort {
  protocol: Protocol;
  /** Undefined: every port of the protocol. A string: a named container port. */
  port?: number | string;
  /** Last port of a numeric range starting at `port`. */
  endPort?: number;
}

function isPortNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}

// The API server's rule for port names (IANA service names).
const PORT_NAME = /^(?=.*[a-z])(?!.*--)[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

/** Reads a protocol field; absent means TCP, as the API server defaults it. */
export function readProtocol(raw: unknown, where: Where): Protocol {
  if (raw === undefined || raw === null) return 'TCP';
  if (!PROTOCOLS.includes(raw as Protocol)) {
    fail(where, `${show(raw)} is not TCP, UDP or SCTP`);
  }
  return raw as Protocol;
}

/**
 * Validates a rule's `ports`. Undefined means the rule matches every port
 * (absent or empty list, both mean "all ports" in Kubernetes).
 */
export function compilePorts(
  raw: unknown,
  where: Where,
): CompiledPort[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) fail(where, `must be a list, got ${show(raw)}`);
  if (raw.length === 0) return undefined;
  return raw.map((entry, i) => compilePort(entry, at(where, i)));
}

function compilePort(raw: unknown, where: Where): CompiledPort {
  if (!isObject(raw)) fail(where, `must be an object, got ${show(raw)}`);
  const protocol = readProtocol(raw.protocol, at(where, 'protocol'));
  const { port, endPort } = raw;
  const result: CompiledPort = { protocol };
  if (port !== undefined && port !== null) {
    if (typeof port === 'string') {
      // "8080" in quotes is a (bad) name in Kubernetes, not a number.
      if (!PORT_NAME.test(port)) {
        fail(
          at(where, 'port'),
          `${show(port)} is neither a port number nor a valid port name`,
        );
      }
    } else if (!isPortNumber(port)) {
      fail(at(where, 'port'), `${show(port)} is not a port number 1-65535`);
    }
    result.port = port;
  }
  if (endPort !== undefined && endPort !== null) {
    const w = at(where, 'endPort');
    if (typeof result.port !== 'number') {
      fail(w, 'needs a numeric port to start the range');
    }
    if (!isPortNumber(endPort) || endPort < result.port) {
      fail(
        w,
        `${show(endPort)} must be a port number no less than port ${
          result.port
        }`,
      );
    }
    result.endPort = endPort;
  }
  return result;
}

/**
 * Whether a flow's port and protocol fall under a rule's ports. Named ports
 * are looked up on the destination pod in both directions, since only the
 * pod receiving the connection has the container port of that name.
 */
export function portsMatch(
  ports: CompiledPort[] | undefined,
  port: number,
  protocol: Protocol,
  destination: Endpoint,
): boolean {
  if (!ports) return true;
  return ports.some(p => {
    if (p.protocol !== protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'number') {
      return port >= p.port && port <= (p.endPort ?? p.port);
    }
    if (destination.kind !== 'pod') return false;
    const named = destination.namedPorts?.[p.port];
    if (
      !named ||
      !Object.prototype.hasOwnProperty.call(destination.namedPorts, p.port)
    ) {
      return false;
    }
    return named.port === port && (named.protocol ?? 'TCP') === protocol;
  });
}
