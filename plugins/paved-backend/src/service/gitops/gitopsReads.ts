import { NotAllowedError } from '@backstage/errors';
import { GITOPS_KINDS } from '@paved/plugin-paved-common';

/**
 * What the GitOps route may GET, by API group and resource: the GitOps
 * controllers' own objects, the workloads and namespaces that carry their
 * tracking labels, and discovery. Checked before every read, inside the
 * Kubernetes proxy's own allow-list checks; never a Secret.
 */
const READS: Record<string, readonly string[]> = {
  '': ['namespaces'],
  apps: ['deployments', 'statefulsets', 'daemonsets'],
  ...Object.fromEntries(
    Object.values(GITOPS_KINDS).map(k => [k.group, [k.plural]]),
  ),
};

/** Whether the GitOps route may GET this API path (no subresources). */
export function isGitOpsRead(apiPath: string): boolean {
  const path = apiPath.split('?')[0].replace(/\/+$/, '');
  const s = path.split('/').slice(1).map(decodeURIComponent);
  let group: string;
  let rest: string[];
  if (s[0] === 'api' && s[1] === 'v1') {
    group = '';
    rest = s.slice(2);
  } else if (s[0] === 'apis' && s.length >= 3) {
    group = s[1];
    rest = s.slice(3);
  } else {
    return false;
  }
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  const [resource, , subresource] = rest;
  if (!resource || subresource !== undefined || rest.length > 2) return false;
  return READS[group]?.includes(resource) ?? false;
}

/** Refuses, before anything is sent, a read outside the GitOps list. */
export function assertGitOpsRead(apiPath: string): void {
  if (!isGitOpsRead(apiPath)) {
    throw new NotAllowedError(
      `Paved's gitops reads do not include GET ${apiPath.split('?')[0]}`,
    );
  }
}
