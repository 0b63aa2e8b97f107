import { TENANT_ROLE_NAMES, TierNumber } from '@paved/plugin-paved-common';
import { pluralOf } from '../platform/addons';
import { KubeObject, manifest } from '../types';
import { KUBERNETES_PROVIDER_CONFIG } from '../tenant/claim';
import { composedTypes } from '../tenant/composition';
import { IDeploymentRuntimeConfig, IKubernetesProviderConfig } from './crds';

/*
 * provider-kubernetes writes the Tenant Composition's objects. It runs as a
 * service account named here (Crossplane would otherwise generate one per
 * package revision, which no ClusterRoleBinding could name) and acts as
 * itself (InjectedIdentity): no kubeconfig Secret to mint or rotate.
 *
 * Its ClusterRole is derived from what the Composition composes, so a new
 * composed kind cannot ship without the right to write it. Writing the
 * tenant Roles and their bindings needs RBAC's `escalate` and `bind`:
 * both are limited to the two tenant role names, which works because the
 * provider runs with server-side apply, so every write names its object.
 */

export const PROVIDER_KUBERNETES = {
  name: 'provider-kubernetes',
  namespace: 'crossplane-system',
  package: 'xpkg.upbound.io/upbound/provider-kubernetes:v0.15.0',
  /** Also the DeploymentRuntimeConfig's name. */
  serviceAccount: 'provider-kubernetes',
} as const;

/** The user the provider's requests reach the API server as. */
export const PROVIDER_KUBERNETES_USER = `system:serviceaccount:${PROVIDER_KUBERNETES.namespace}:${PROVIDER_KUBERNETES.serviceAccount}`;

export const PROVIDER_KUBERNETES_CLUSTER_ROLE =
  'paved:provider-kubernetes:tenants';

const WRITE = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** Where the Composition's object kinds live: `kind` → API group. */
function composedGroups(tier: TierNumber): Map<string, string[]> {
  const byGroup = new Map<string, string[]>();
  for (const { apiVersion, kind } of composedTypes(tier)) {
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    byGroup.set(group, [...(byGroup.get(group) ?? []), pluralOf(kind)]);
  }
  return byGroup;
}

/** The rules provider-kubernetes needs to compose a tier's tenants, and no more. */
export function providerKubernetesRules(tier: TierNumber) {
  const rules = [...composedGroups(tier)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, resources]) => ({
      apiGroups: [group],
      resources: [...new Set(resources)].sort(),
      verbs: WRITE,
    }));
  return [
    ...rules,
    {
      apiGroups: ['rbac.authorization.k8s.io'],
      resources: ['roles'],
      verbs: ['bind', 'escalate'],
      resourceNames: [...TENANT_ROLE_NAMES],
    },
  ];
}

/** The DeploymentRuntimeConfig the Provider points at. */
export function providerKubernetesRuntimeConfig(
  labels: Record<string, string>,
): KubeObject {
  return manifest<IDeploymentRuntimeConfig>({
    apiVersion: 'pkg.crossplane.io/v1beta1',
    kind: 'DeploymentRuntimeConfig',
    metadata: { name: PROVIDER_KUBERNETES.serviceAccount, labels },
    spec: {
      deploymentTemplate: {
        spec: {
          selector: {},
          template: {
            spec: {
              containers: [
                {
                  name: 'package-runtime',
                  // Named writes, so `escalate` can be limited by name.
                  args: ['--enable-server-side-apply'],
                },
              ],
            },
          },
        },
      },
      serviceAccountTemplate: {
        metadata: { name: PROVIDER_KUBERNETES.serviceAccount },
      },
    },
  });
}

/**
 * What lets provider-kubernetes compose tenants: its ClusterRole and
 * binding, and the ProviderConfig the Composition's Objects name. The
 * ProviderConfig waits for the provider to serve its kind (sync wave 1).
 */
export function providerKubernetesAccess(
  tier: TierNumber,
  labels: Record<string, string>,
): KubeObject[] {
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: PROVIDER_KUBERNETES_CLUSTER_ROLE, labels },
      rules: providerKubernetesRules(tier),
    } as KubeObject,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: PROVIDER_KUBERNETES_CLUSTER_ROLE, labels },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: PROVIDER_KUBERNETES_CLUSTER_ROLE,
      },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: PROVIDER_KUBERNETES.serviceAccount,
          namespace: PROVIDER_KUBERNETES.namespace,
        },
      ],
    } as KubeObject,
    manifest<IKubernetesProviderConfig>({
      apiVersion: 'kubernetes.crossplane.io/v1alpha1',
      kind: 'ProviderConfig',
      metadata: {
        name: KUBERNETES_PROVIDER_CONFIG,
        labels,
        annotations: { 'argocd.argoproj.io/sync-wave': '1' },
      },
      spec: { credentials: { source: 'InjectedIdentity' } },
    }),
  ];
}
