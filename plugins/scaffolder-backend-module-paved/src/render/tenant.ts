import { getTier, TierNumber } from '@paved/plugin-paved-common';
import {
  NamespaceSpec,
  namespaceObject,
  networkPolicies,
  resourceLimits,
  tenantRbac,
} from './namespaceBaseline';
import { costLabels, MANAGED_BY } from './labels';
import { renderReadme } from './readme';
import { manifestFile } from './yaml';
import {
  ContainerDefaults,
  KubeObject,
  QuotaInput,
  RenderedFile,
} from './types';

export type TenantInput = {
  name: string;
  team: string;
  project: string;
  costCenter: string;
  tier: TierNumber;
  environments: string[];
  quota: QuotaInput;
  defaults: ContainerDefaults;
  groups: { admin: string; developer: string };
  gitops: 'argocd' | 'none';
  gitopsRepoUrl?: string;
};

export function tenantNamespaceName(tenant: string, env: string): string {
  return `${tenant}-${env}`;
}

function nsSpec(t: TenantInput, env: string): NamespaceSpec {
  return {
    name: tenantNamespaceName(t.name, env),
    tier: t.tier,
    tenant: t.name,
    cost: {
      team: t.team,
      project: t.project,
      environment: env,
      costCenter: t.costCenter,
    },
  };
}

/** An Argo CD project that lets the tenant deploy only into its own namespaces. */
function appProject(t: TenantInput): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: t.name,
      namespace: 'argocd',
      labels: {
        'app.kubernetes.io/managed-by': MANAGED_BY,
        'paved.dev/tenant': t.name,
        ...costLabels({
          team: t.team,
          project: t.project,
          environment: 'all',
          costCenter: t.costCenter,
        }),
      },
    },
    spec: {
      description: `Tenant ${t.name} (team ${t.team})`,
      sourceRepos: [t.gitopsRepoUrl ?? '*'],
      destinations: t.environments.map(env => ({
        server: 'https://kubernetes.default.svc',
        namespace: tenantNamespaceName(t.name, env),
      })),
      // Tenants never create cluster-scoped objects through GitOps.
      clusterResourceWhitelist: [],
      namespaceResourceBlacklist: [
        { group: '', kind: 'ResourceQuota' },
        { group: '', kind: 'LimitRange' },
        { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
      ],
    },
  };
}

/** Every file of a tenant's onboarding, in memory; nothing is written here. */
export function renderTenant(t: TenantInput): RenderedFile[] {
  const tier = getTier(t.tier);
  const specs = t.environments.map(env => nsSpec(t, env));
  const files: RenderedFile[] = [
    manifestFile('manifests/namespaces.yaml', specs.map(namespaceObject), [
      'namespace',
      'pod-security-restricted',
    ]),
    manifestFile(
      'manifests/resource-limits.yaml',
      specs.flatMap(s => resourceLimits(s, t.quota, t.defaults)),
      ['quota-limitrange'],
    ),
    manifestFile(
      'manifests/network-policies.yaml',
      specs.flatMap(networkPolicies),
      ['network-policy'],
    ),
    manifestFile(
      'manifests/rbac.yaml',
      specs.flatMap(s => tenantRbac(s, t.groups)),
      ['namespace-rbac'],
    ),
  ];
  if (t.gitops === 'argocd') {
    files.push(
      manifestFile('manifests/gitops/appproject.yaml', [appProject(t)], [
        'gitops-app-of-apps',
      ]),
    );
  }
  files.push(
    renderReadme({
      title: `Tenant ${t.name}`,
      intro: [
        `Onboards tenant \`${t.name}\` (team \`${t.team}\`, cost centre \`${t.costCenter}\`) ` +
          `on a tier ${tier.tier} (${tier.title}) cluster: one namespace per environment ` +
          `(${t.environments.join(', ')}), each with a quota, container defaults, ` +
          `default-deny networking that still allows DNS and traffic between the ` +
          `tenant's own namespaces, Pod Security \`${tier.podSecurity.enforce}\` and ` +
          `tenant-admin / tenant-developer roles bound to ` +
          `\`${t.groups.admin}\` and \`${t.groups.developer}\`.`,
      ],
      tier: t.tier,
      files,
      checkTierSpec: false,
    }),
  );
  return files;
}
