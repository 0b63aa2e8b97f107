import { parseKindSelector } from './match';
import { wildcardMatch } from './wildcard';

/**
 * The generic part of the `resourceFilters` Kyverno's Helm chart configures:
 * Kyverno never sees these requests. `[*\/*,kyverno,*]` stands for the
 * chart's webhook namespaceSelector, which leaves out Kyverno's own namespace.
 */
export const KYVERNO_DEFAULT_RESOURCE_FILTERS = [
  '[Event,*,*]',
  '[*/*,kube-system,*]',
  '[*/*,kube-public,*]',
  '[*/*,kube-node-lease,*]',
  '[Node,*,*]',
  '[Node/?*,*,*]',
  '[APIService,*,*]',
  '[APIService/?*,*,*]',
  '[TokenReview,*,*]',
  '[SubjectAccessReview,*,*]',
  '[SelfSubjectAccessReview,*,*]',
  '[Binding,*,*]',
  '[Pod/binding,*,*]',
  '[ReplicaSet,*,*]',
  '[ReplicaSet/?*,*,*]',
  '[EphemeralReport,*,*]',
  '[ClusterEphemeralReport,*,*]',
  '[*/*,kyverno,*]',
];

interface Filter {
  group: string;
  version: string;
  kind: string;
  subresource: string;
  namespace: string;
  name: string;
}

/** Parses `[Kind,Namespace,Name]` entries (several may share one string). */
export function parseResourceFilters(entries: string[]): Filter[] {
  const out: Filter[] = [];
  for (const entry of entries) {
    for (const m of entry.matchAll(/\[([^[\]]*)\]/g)) {
      const [kind = '', namespace = '', name = ''] = m[1].split(',');
      if (kind === '') continue;
      const [group, version, k, subresource] = parseKindSelector(kind);
      out.push({ group, version, kind: k, subresource, namespace, name });
    }
  }
  return out;
}

/** Whether Kyverno's configuration filters this request out. */
export function isFilteredOut(
  filters: Filter[],
  r: {
    group: string;
    version: string;
    kind: string;
    subresource: string;
    namespace: string;
    name: string;
  },
): boolean {
  return filters.some(f => {
    if (
      !wildcardMatch(f.group, r.group) ||
      !wildcardMatch(f.version, r.version) ||
      !wildcardMatch(f.kind, r.kind) ||
      !wildcardMatch(f.subresource, r.subresource)
    )
      return false;
    if (
      wildcardMatch(f.namespace, r.namespace) &&
      wildcardMatch(f.name, r.name)
    )
      return true;
    // A Namespace counts as being in itself: [*,kube-system,*] filters it out.
    return (
      r.group === '' &&
      r.version === 'v1' &&
      r.kind === 'Namespace' &&
      wildcardMatch(f.namespace, r.name)
    );
  });
}
