import { tenantRoles } from '../tenant';
import { clusterRbac } from '../platform/clusterRbac';
import { RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import type { BaselineContext } from './context';

/** From tier 4 groups come from the OIDC provider, with the API server's prefix. */
export const groupPrefix = (tier: number) => (tier >= 4 ? 'oidc:' : '');

/**
 * RBAC from tier 2: the tenant admin and developer roles (the same ones
 * `paved:tenant:scaffold` renders) per workload namespace, the
 * aggregated cluster roles from tier 3 (one set per team), OIDC groups
 * from tier 4.
 */
export function rbacFiles(b: BaselineContext): RenderedFile[] {
  const c = b.input;
  if (c.tier < 2) return [];
  const prefix = groupPrefix(c.tier);
  const rbac = [
    ...b.workloadNs.flatMap(n =>
      tenantRoles(n, {
        admin: `${prefix}${n.tenant}-admins`,
        developer: `${prefix}${n.tenant}-developers`,
      }),
    ),
    ...clusterRbac({
      tier: c.tier,
      adminGroup: c.adminGroup,
      teams: c.tier >= 3 ? c.teams : [c.team],
      groupPrefix: prefix,
    }),
  ];
  return [
    manifestFile('manifests/rbac.yaml', rbac, [
      'namespace-rbac',
      ...(c.tier >= 3 ? ['aggregated-rbac'] : []),
      ...(c.tier >= 4 ? ['oidc-rbac'] : []),
    ]),
  ];
}
