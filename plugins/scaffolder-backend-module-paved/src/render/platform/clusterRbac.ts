import { TierNumber } from '@paved/plugin-paved-common';
import { MANAGED_BY } from '../labels';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { KubeObject, manifest } from '../types';

const label = { 'app.kubernetes.io/managed-by': MANAGED_BY };
const AGGREGATE_LABEL = 'rbac.paved.dev/aggregate-to-platform-viewer';

const group = (name: string) => ({
  apiGroup: 'rbac.authorization.k8s.io',
  kind: 'Group',
  name,
});

/**
 * Cluster-level RBAC by tier (seed 002: per-namespace roles at tier 2,
 * hierarchical and aggregated from tier 3, bound to OIDC groups across
 * clusters from tier 4). Tier 3's viewer role is aggregated: add-ons and
 * teams extend it by labelling a ClusterRole, never by editing it.
 */
export function clusterRbac(o: {
  tier: TierNumber;
  adminGroup: string;
  teams: string[];
  /** The API server's OIDC groups prefix from tier 4. */
  groupPrefix: string;
}): KubeObject[] {
  if (o.tier < 3) return [];
  const out: KubeObject[] = [
    manifest<IClusterRole>({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'paved-platform-viewer', labels: label },
      aggregationRule: {
        clusterRoleSelectors: [{ matchLabels: { [AGGREGATE_LABEL]: 'true' } }],
      },
      // Filled in by the controller manager from the selected roles.
      rules: [],
    }),
    manifest<IClusterRole>({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: {
        name: 'paved-view-cluster-shape',
        labels: { ...label, [AGGREGATE_LABEL]: 'true' },
      },
      rules: [
        {
          apiGroups: [''],
          resources: ['namespaces', 'nodes'],
          verbs: ['get', 'list', 'watch'],
        },
        {
          apiGroups: ['storage.k8s.io'],
          resources: ['storageclasses'],
          verbs: ['get', 'list', 'watch'],
        },
      ],
    }),
    manifest<IClusterRoleBinding>({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'paved-platform-viewers', labels: label },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'paved-platform-viewer',
      },
      subjects: o.teams.map(t => group(`${o.groupPrefix}${t}-developers`)),
    }),
  ];
  if (o.tier >= 4) {
    // Federated identity: the same OIDC groups mean the same rights on
    // every cluster of the fleet; admins alone are cluster-admin.
    out.push(
      manifest<IClusterRoleBinding>({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'paved-platform-admins', labels: label },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'cluster-admin',
        },
        subjects: [group(`${o.groupPrefix}${o.adminGroup}`)],
      }),
      manifest<IClusterRoleBinding>({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'paved-platform-auditors', labels: label },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'view',
        },
        subjects: [group(`${o.groupPrefix}platform-auditors`)],
      }),
    );
  }
  return out;
}
