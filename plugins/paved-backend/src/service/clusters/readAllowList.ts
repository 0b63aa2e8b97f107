import { NotAllowedError } from '@backstage/errors';
import { GITOPS_KINDS } from '@paved/plugin-paved-common';

/** The Paved features that read clusters; each has its own allow-list. */
export type PavedFeature =
  | 'health'
  | 'conformance'
  | 'cost'
  | 'crossplane'
  | 'tenants'
  | 'gitops'
  | 'evidence'
  | 'drift';

type ResourceRule = { group: string; resources: readonly string[] };

const WORKLOADS: ResourceRule = {
  group: 'apps',
  resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'],
};

/**
 * What each feature may GET, by API group and resource. Paved calls the
 * Kubernetes backend's proxy with its own service identity (so developers
 * need no `kubernetes.proxy`), which makes this list the boundary: nothing
 * outside it leaves the backend, no subresource but OpenCost's service proxy,
 * and never a Secret (their existence check has its own method).
 */
const READS: Record<PavedFeature, readonly ResourceRule[]> = {
  health: [
    {
      group: '',
      resources: ['pods', 'nodes', 'events', 'namespaces', 'services'],
    },
    WORKLOADS,
    { group: 'batch', resources: ['jobs', 'cronjobs'] },
    { group: 'autoscaling', resources: ['horizontalpodautoscalers'] },
    { group: 'policy', resources: ['poddisruptionbudgets'] },
    { group: 'metrics.k8s.io', resources: ['pods', 'nodes'] },
  ],
  conformance: [
    {
      group: '',
      resources: ['namespaces', 'pods', 'resourcequotas', 'limitranges'],
    },
    WORKLOADS,
    { group: 'networking.k8s.io', resources: ['networkpolicies'] },
    { group: 'policy', resources: ['poddisruptionbudgets'] },
  ],
  cost: [
    { group: '', resources: ['pods', 'namespaces', 'services'] },
    WORKLOADS,
    { group: 'batch', resources: ['jobs', 'cronjobs'] },
  ],
  // Claims, composites and managed resources live in groups the cluster's
  // XRDs and providers define, so Crossplane may read custom groups (any
  // group with a dot that Kubernetes itself does not own) and events.
  crossplane: [{ group: '', resources: ['events'] }],
  // The tenant page: quota use, who can do what (RBAC objects, never the
  // Secrets they guard) and Kyverno's PolicyReports.
  tenants: [
    { group: '', resources: ['namespaces', 'resourcequotas'] },
    {
      group: 'rbac.authorization.k8s.io',
      resources: [
        'roles',
        'rolebindings',
        'clusterroles',
        'clusterrolebindings',
      ],
    },
    { group: 'wgpolicyk8s.io', resources: ['policyreports'] },
  ],
  // Argo CD's and Flux's own objects, and the workloads and namespaces that
  // carry their tracking labels.
  gitops: [
    { group: '', resources: ['namespaces'] },
    {
      group: 'apps',
      resources: ['deployments', 'statefulsets', 'daemonsets'],
    },
    ...Object.values(GITOPS_KINDS).map(k => ({
      group: k.group,
      resources: [k.plural],
    })),
  ],
  // A problem's Pod or workload and its events; the previous container's
  // log is the one subresource (see isBoundedPreviousLogRead).
  evidence: [
    { group: '', resources: ['pods', 'events'] },
    WORKLOADS,
    { group: 'batch', resources: ['jobs', 'cronjobs'] },
  ],
  // Drift compares whatever Paved rendered, so it reads any kind: see
  // isAllowedRead (still never a Secret, never a subresource).
  drift: [],
};

/** API groups Kubernetes itself serves: never "custom" for Crossplane. */
const isKubernetesGroup = (group: string) =>
  group === '' || !group.includes('.') || /(^|\.)k8s\.io$/.test(group);

type ParsedPath =
  | { type: 'version' }
  | { type: 'discovery' }
  | { type: 'resource'; group: string; resource: string; subresource?: string };

function parse(apiPath: string): ParsedPath | undefined {
  const path = apiPath.split('?')[0].replace(/\/+$/, '');
  if (path === '/version') return { type: 'version' };
  const s = path.split('/').slice(1).map(decodeURIComponent);
  let rest: string[];
  let group: string;
  if (s[0] === 'api') {
    if (s.length <= 2) return { type: 'discovery' };
    group = '';
    rest = s.slice(2);
  } else if (s[0] === 'apis') {
    if (s.length <= 3) return { type: 'discovery' };
    group = s[1];
    rest = s.slice(3);
  } else {
    return undefined;
  }
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  const [resource, , subresource, ...more] = rest;
  if (!resource || (more.length > 0 && subresource !== 'proxy'))
    return undefined;
  return {
    type: 'resource',
    group,
    resource,
    ...(subresource ? { subresource } : {}),
  };
}

const PREVIOUS_LOG =
  /^\/api\/v1\/namespaces\/[a-z0-9-]+\/pods\/[a-z0-9.-]+\/log\?(.*)$/;

/**
 * A previous container's log, bounded by lines and bytes: the only log
 * Paved reads, and never without its limits.
 */
export function isBoundedPreviousLogRead(apiPath: string): boolean {
  const m = PREVIOUS_LOG.exec(apiPath);
  if (!m) return false;
  const q = new URLSearchParams(m[1]);
  return (
    q.get('previous') === 'true' &&
    Number(q.get('tailLines')) > 0 &&
    Number(q.get('limitBytes')) > 0
  );
}

/** Whether a feature may GET this API path. */
export function isAllowedRead(feature: PavedFeature, apiPath: string): boolean {
  const p = parse(apiPath);
  if (!p) return false;
  if (p.type === 'version' || p.type === 'discovery') return true;
  if (p.resource === 'secrets') return false;
  if (p.subresource === 'log') {
    return feature === 'evidence' && isBoundedPreviousLogRead(apiPath);
  }
  if (p.subresource) {
    // OpenCost's API, reached through its Service: the one subresource.
    return (
      feature === 'cost' &&
      p.group === '' &&
      p.resource === 'services' &&
      p.subresource === 'proxy'
    );
  }
  if (feature === 'crossplane' && !isKubernetesGroup(p.group)) return true;
  if (feature === 'drift') return true;
  return READS[feature].some(
    r => r.group === p.group && r.resources.includes(p.resource),
  );
}

/** Refuses, before anything is sent, a read outside the feature's list. */
export function assertAllowedRead(
  feature: PavedFeature,
  apiPath: string,
): void {
  if (!isAllowedRead(feature, apiPath)) {
    throw new NotAllowedError(
      `Paved's ${feature} reads do not include GET ${apiPath.split('?')[0]}`,
    );
  }
}
