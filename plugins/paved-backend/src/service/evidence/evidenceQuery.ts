import { InputError } from '@backstage/errors';
import { EvidenceKind } from '@paved/plugin-paved-common';
import { singleQueryParam } from '../http/queryParams';

/** Which object's evidence, in which cluster and namespace. */
export interface EvidenceQuery {
  cluster: string;
  namespace: string;
  kind: EvidenceKind;
  name: string;
  container?: string;
}

// RFC 1123: what Kubernetes accepts for namespace, container and object names.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const WORKLOAD_KINDS: Record<string, EvidenceKind> = {
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
};

function required(query: Record<string, unknown>, name: string): string {
  const value = singleQueryParam(query, name);
  if (!value) throw new InputError(`${name} is required`);
  return value;
}

function assertName(
  param: string,
  value: string,
  pattern: RegExp,
  max: number,
): void {
  if (value.length > max || !pattern.test(value)) {
    throw new InputError(
      `${param}: '${value.slice(
        0,
        80,
      )}' is not a Kubernetes name (lower-case letters, digits and '-', at most ${max} characters)`,
    );
  }
}

/**
 * The evidence route's query: `cluster`, `namespace`, and either `pod`
 * (with an optional `container`) or `workload=<Kind>/<name>` for a
 * Deployment, StatefulSet or DaemonSet. Each wrong value is a 400 naming it.
 */
export function parseEvidenceQuery(
  query: Record<string, unknown>,
): EvidenceQuery {
  const cluster = required(query, 'cluster');
  if (cluster.length > 253 || CONTROL.test(cluster)) {
    throw new InputError(
      'cluster: at most 253 characters, no control characters',
    );
  }
  const namespace = required(query, 'namespace');
  assertName('namespace', namespace, DNS_LABEL, 63);
  const pod = singleQueryParam(query, 'pod');
  const workload = singleQueryParam(query, 'workload');
  const container = singleQueryParam(query, 'container');
  if (pod && workload) {
    throw new InputError('give pod or workload, not both');
  }
  if (pod) {
    assertName('pod', pod, DNS_SUBDOMAIN, 253);
    if (container) assertName('container', container, DNS_LABEL, 63);
    return {
      cluster,
      namespace,
      kind: 'Pod',
      name: pod,
      ...(container ? { container } : {}),
    };
  }
  if (!workload) {
    throw new InputError(
      'pod or workload is required (workload as <Kind>/<name>, e.g. Deployment/payments-api)',
    );
  }
  if (container) {
    throw new InputError('container: only with pod, not with workload');
  }
  const [kindPart, name, ...rest] = workload.split('/');
  const kind = WORKLOAD_KINDS[kindPart.toLowerCase()];
  if (!kind || !name || rest.length) {
    throw new InputError(
      `workload: '${workload.slice(
        0,
        80,
      )}' is not <Kind>/<name> with Kind Deployment, StatefulSet or DaemonSet`,
    );
  }
  assertName('workload name', name, DNS_SUBDOMAIN, 253);
  return { cluster, namespace, kind, name };
}
