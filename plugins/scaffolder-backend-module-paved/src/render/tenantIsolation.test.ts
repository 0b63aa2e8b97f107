import {
  evaluateAccess,
  rbacPolicy,
  rbacUserFor,
  TENANT_ACCESS_CHECKS,
  TENANT_ROLE_NAMES,
  TenantAccessInput,
  tenantAccessMatrix,
  TIER_NUMBERS,
  TierNumber,
  ISOLATION_LEVELS,
  IsolationLevel,
  isolationIncludes,
  tierShipsGvisor,
} from '@paved/plugin-paved-common';
import { TenantIsolationInput } from './tenant/inputs';
import { clusterRbac } from './platform/clusterRbac';
import { renderTenant, TenantInput, tenantNamespaceName } from './tenant';
import { KubeObject } from './types';

/**
 * Seed 003's isolation lab as a test: from one tenant, can you read another
 * tenant's secrets, pods, logs, exec into its pods or list its events? Each
 * must fail, on every tier, with the platform's cluster-level RBAC in place.
 * The evaluator answers from the rendered manifests, exactly as written.
 */

const base = (name: string, tier: TierNumber, prefix: string): TenantInput => ({
  name,
  team: name,
  project: 'shop',
  costCenter: 'cc-1',
  tier,
  environments: ['dev', 'prod'],
  quota: { cpu: '4', memory: '8Gi', pods: 20 },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '256Mi',
  },
  // The cluster baseline binds `<team>-developers` cluster-wide from tier 3.
  groups: {
    admin: `${prefix}${name}-admins`,
    developer: `${prefix}${name}-developers`,
  },
  gitops: 'flux',
  gitopsRepoUrl: `https://git.example.com/${name}.git`,
});

const accessInput = (t: TenantInput): TenantAccessInput => ({
  name: t.name,
  namespaces: t.environments.map(env => tenantNamespaceName(t.name, env)),
  groups: {
    'tenant-admin': t.groups.admin,
    'tenant-developer': t.groups.developer,
  },
});

const renderedObjects = (t: TenantInput): KubeObject[] =>
  renderTenant(t).flatMap(f => f.objects ?? []);

/** Each isolation tier with what it needs (a node pool from dedicated-nodes). */
const isolationFor = (
  level: IsolationLevel,
  name: string,
): TenantIsolationInput =>
  isolationIncludes(level, 'dedicated-nodes')
    ? { level, nodePool: { name } }
    : { level };

function setup(tier: TierNumber, level: IsolationLevel = 'namespace') {
  const prefix = tier >= 4 ? 'oidc:' : '';
  const acme = {
    ...base('acme', tier, prefix),
    isolation: isolationFor(level, 'acme'),
  };
  const globex = {
    ...base('globex', tier, prefix),
    isolation: isolationFor(level, 'globex'),
  };
  const objects = [
    ...renderedObjects(acme),
    ...renderedObjects(globex),
    ...clusterRbac({
      tier,
      adminGroup: 'platform-admins',
      teams: ['acme', 'globex'],
      groupPrefix: prefix,
    }),
  ];
  return {
    acme,
    globex,
    objects,
    tenants: [accessInput(acme), accessInput(globex)],
  };
}

// Own namespaces, as docs/tenants.md decides.
const OWN: Record<string, Record<string, boolean>> = {
  'get-secrets': { 'tenant-admin': true, 'tenant-developer': false },
  'list-pods': { 'tenant-admin': true, 'tenant-developer': true },
  'get-pod-logs': { 'tenant-admin': true, 'tenant-developer': true },
  exec: { 'tenant-admin': true, 'tenant-developer': false },
  'port-forward': { 'tenant-admin': true, 'tenant-developer': true },
  'list-events': { 'tenant-admin': true, 'tenant-developer': true },
  'edit-ingresses': { 'tenant-admin': true, 'tenant-developer': false },
  'edit-network-policies': { 'tenant-admin': true, 'tenant-developer': false },
};

/**
 * Every cluster tier with the default isolation tier, and every isolation
 * tier on each cluster tier that can run it (gVisor from tier 3).
 */
const MATRIX_CASES: Array<[string, TierNumber, IsolationLevel]> = [
  ...TIER_NUMBERS.map(
    t => [`tier ${t}`, t, 'namespace'] as [string, TierNumber, IsolationLevel],
  ),
  ...ISOLATION_LEVELS.filter(l => l !== 'namespace').flatMap(level =>
    TIER_NUMBERS.filter(tierShipsGvisor).map(
      t =>
        [`tier ${t}, isolation ${level}`, t, level] as [
          string,
          TierNumber,
          IsolationLevel,
        ],
    ),
  ),
];

describe.each(MATRIX_CASES)('isolation matrix, %s', (_name, tier, level) => {
  const { objects, tenants } = setup(tier, level);
  const matrix = tenantAccessMatrix(rbacPolicy(objects), tenants);

  it('renders RBAC for both tenants', () => {
    expect(
      objects
        .filter(o => o.kind === 'RoleBinding')
        .map(o => `${o.metadata.namespace}/${o.metadata.name}`),
    ).toEqual(
      expect.arrayContaining([
        'acme-dev/tenant-admin',
        'acme-prod/tenant-developer',
        'globex-dev/tenant-admin',
        'globex-prod/tenant-developer',
      ]),
    );
  });

  it.each(
    TENANT_ACCESS_CHECKS.flatMap(c =>
      TENANT_ROLE_NAMES.map(r => [c.id, r] as const),
    ),
  )(
    '%s as %s: own namespaces as decided; the other tenant and cluster-wide never',
    (check, role) => {
      const cells = matrix.cells.filter(
        c => c.check === check && c.member.role === role,
      );
      const seen = cells.map(c => ({
        from: c.member.tenant,
        in: c.namespace || '(all namespaces)',
        allowed: c.allowed,
      }));
      const expected = cells.map(c => ({
        from: c.member.tenant,
        in: c.namespace || '(all namespaces)',
        allowed:
          c.namespaceTenant === c.member.tenant ? OWN[check][role] : false,
      }));
      expect(seen).toEqual(expected);
    },
  );

  it('reports no breach', () => {
    expect(matrix.breaches).toEqual([]);
  });

  it('reports a breach once a RoleBinding reaches the other tenant', () => {
    const binding = objects.find(
      o =>
        o.kind === 'RoleBinding' &&
        o.metadata.namespace === 'acme-dev' &&
        o.metadata.name === 'tenant-developer',
    )!;
    const widened = [
      ...objects,
      {
        ...binding,
        metadata: { ...binding.metadata, namespace: 'globex-dev' },
      },
    ];
    expect(
      tenantAccessMatrix(rbacPolicy(widened), tenants).breaches.map(
        b => `${b.member.tenant} ${b.check} in ${b.namespace}`,
      ),
    ).toContain('acme list-pods in globex-dev');
  });

  it("keeps the Flux reconciler of one tenant out of the other's namespaces", () => {
    const policy = rbacPolicy(objects);
    const reconciler = rbacUserFor({
      kind: 'ServiceAccount',
      name: 'tenant-reconciler',
      namespace: 'acme-dev',
    });
    const apply = (namespace: string) =>
      evaluateAccess(policy, reconciler, {
        verb: 'create',
        group: 'apps',
        resource: 'deployments',
        namespace,
      }).allowed;
    expect([
      apply('acme-dev'),
      apply('acme-prod'),
      apply('globex-dev'),
    ]).toEqual([true, false, false]);
  });
});

describe('the matrix catches a widened binding', () => {
  const { objects, tenants } = setup(3);
  const breachesOf = (changed: KubeObject[]) =>
    tenantAccessMatrix(rbacPolicy(changed), tenants).breaches.map(
      b =>
        `${b.member.group} ${b.check} in ${b.namespace || '(all namespaces)'}`,
    );

  it("when acme's developer RoleBinding is copied into globex's namespace", () => {
    const copy = objects.find(
      o =>
        o.kind === 'RoleBinding' &&
        o.metadata.namespace === 'acme-dev' &&
        o.metadata.name === 'tenant-developer',
    )!;
    const widened = [
      ...objects,
      {
        ...copy,
        metadata: {
          ...copy.metadata,
          name: 'acme-developer',
          namespace: 'globex-prod',
        },
      },
    ];
    expect(breachesOf(widened)).toEqual([
      'acme-developers list-pods in globex-prod',
      'acme-developers get-pod-logs in globex-prod',
      'acme-developers port-forward in globex-prod',
      'acme-developers list-events in globex-prod',
    ]);
  });

  it("when acme's admin RoleBinding becomes a ClusterRoleBinding", () => {
    const widened = objects.flatMap(o => {
      if (
        o.metadata.namespace !== 'acme-dev' ||
        o.metadata.name !== 'tenant-admin'
      )
        return [o];
      const { namespace: _ns, ...metadata } = o.metadata;
      if (o.kind === 'Role') return [{ ...o, kind: 'ClusterRole', metadata }];
      return [
        {
          ...o,
          kind: 'ClusterRoleBinding',
          metadata,
          roleRef: { ...(o as any).roleRef, kind: 'ClusterRole' },
        },
      ];
    });
    const breaches = breachesOf(widened);
    // Every check the admin role grants, in every globex namespace and cluster-wide.
    const granted = Object.keys(OWN).filter(c => OWN[c]['tenant-admin']);
    expect(breaches).toEqual(
      ['globex-dev', 'globex-prod', '(all namespaces)'].flatMap(ns =>
        granted.map(c => `acme-admins ${c} in ${ns}`),
      ),
    );
  });

  it('when an aggregated platform role starts to include pods', () => {
    const widened = [
      ...objects,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: {
          name: 'someone-else-s-addon-view',
          labels: { 'rbac.paved.dev/aggregate-to-platform-viewer': 'true' },
        },
        rules: [
          {
            apiGroups: [''],
            resources: ['pods', 'pods/log'],
            verbs: ['get', 'list'],
          },
        ],
      },
    ];
    const breaches = breachesOf(widened);
    expect(breaches).toContain('globex-developers list-pods in acme-dev');
    expect(breaches).toContain(
      'acme-developers get-pod-logs in (all namespaces)',
    );
    expect(breaches.some(b => b.includes('get-secrets'))).toBe(false);
  });
});
