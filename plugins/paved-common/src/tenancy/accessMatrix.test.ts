import { rbacPolicy } from '../rbac/evaluate';
import {
  TENANT_ACCESS_CHECKS,
  TenantAccessInput,
  tenantAccessMatrix,
  tenantAccessSummary,
  tenantWhoCan,
} from './accessMatrix';
import { TENANT_ROLE_NAMES, tenantRoleRules } from './tenantRoles';

const acme: TenantAccessInput = {
  name: 'acme',
  namespaces: ['acme-dev', 'acme-prod'],
  groups: { 'tenant-admin': 'acme-admins', 'tenant-developer': 'acme-devs' },
};
const globex: TenantAccessInput = {
  name: 'globex',
  namespaces: ['globex-dev'],
  groups: {
    'tenant-admin': 'globex-admins',
    'tenant-developer': 'globex-devs',
  },
};

/** Roles and bindings the way the tenant render lays them down. */
const objectsFor = (t: TenantAccessInput) =>
  t.namespaces.flatMap(namespace =>
    TENANT_ROLE_NAMES.flatMap(name => [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name, namespace },
        rules: tenantRoleRules(name),
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name, namespace },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects: [{ kind: 'Group', name: t.groups[name] }],
      },
    ]),
  );

// The role decisions of docs/tenants.md, check by check.
const EXPECTED: Record<string, Record<string, boolean>> = {
  'get-secrets': { 'tenant-admin': true, 'tenant-developer': false },
  'list-pods': { 'tenant-admin': true, 'tenant-developer': true },
  'get-pod-logs': { 'tenant-admin': true, 'tenant-developer': true },
  exec: { 'tenant-admin': true, 'tenant-developer': false },
  'port-forward': { 'tenant-admin': true, 'tenant-developer': true },
  'list-events': { 'tenant-admin': true, 'tenant-developer': true },
  'edit-ingresses': { 'tenant-admin': true, 'tenant-developer': false },
  'edit-network-policies': { 'tenant-admin': true, 'tenant-developer': false },
};

describe('tenantAccessMatrix', () => {
  const policy = rbacPolicy([...objectsFor(acme), ...objectsFor(globex)]);
  const matrix = tenantAccessMatrix(policy, [acme, globex]);

  it('asks every check for every member in every namespace and cluster-wide', () => {
    // 2 tenants x 2 roles x (3 namespaces + all namespaces) x checks
    expect(matrix.cells).toHaveLength(2 * 2 * 4 * TENANT_ACCESS_CHECKS.length);
    expect(Object.keys(EXPECTED).sort()).toEqual(
      TENANT_ACCESS_CHECKS.map(c => c.id).sort(),
    );
  });

  it.each(
    TENANT_ACCESS_CHECKS.flatMap(c =>
      TENANT_ROLE_NAMES.map(role => [c.id, role] as const),
    ),
  )('%s for %s: own namespaces as decided, others never', (check, role) => {
    for (const cell of matrix.cells.filter(
      c => c.check === check && c.member.role === role,
    )) {
      const own = cell.namespaceTenant === cell.member.tenant;
      expect([cell.namespace, cell.allowed]).toEqual([
        cell.namespace,
        own ? EXPECTED[check][role] : false,
      ]);
    }
  });

  it('finds no breach in the rendered roles', () => {
    expect(matrix.breaches).toEqual([]);
  });

  it('reports a breach when a RoleBinding reaches another tenant', () => {
    const widened = rbacPolicy([
      ...objectsFor(acme),
      ...objectsFor(globex),
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'oops', namespace: 'globex-dev' },
        roleRef: { kind: 'Role', name: 'tenant-developer' },
        subjects: [{ kind: 'Group', name: 'acme-devs' }],
      },
    ]);
    const breaches = tenantAccessMatrix(widened, [acme, globex]).breaches;
    expect(
      breaches.map(b => `${b.member.group} ${b.check} ${b.namespace}`),
    ).toEqual([
      'acme-devs list-pods globex-dev',
      'acme-devs get-pod-logs globex-dev',
      'acme-devs port-forward globex-dev',
      'acme-devs list-events globex-dev',
    ]);
    expect(breaches[0].reason).toContain('RoleBinding "oops/globex-dev"');
  });
});

describe('tenantAccessSummary', () => {
  it('says what each role may do in the tenant, and that nobody else may', () => {
    const policy = rbacPolicy([...objectsFor(acme), ...objectsFor(globex)]);
    const summary = tenantAccessSummary(policy, acme, [globex]);
    expect(summary.breaches).toEqual([]);
    expect(
      Object.fromEntries(
        summary.rows.map(r => [
          r.check,
          [r.roles['tenant-admin'], r.roles['tenant-developer']],
        ]),
      ),
    ).toEqual(
      Object.fromEntries(
        Object.entries(EXPECTED).map(([check, roles]) => [
          check,
          [
            roles['tenant-admin'] ? 'all' : 'none',
            roles['tenant-developer'] ? 'all' : 'none',
          ],
        ]),
      ),
    );
  });

  it('says "some" when a role is missing from one namespace', () => {
    const policy = rbacPolicy(
      objectsFor(acme).filter(
        o =>
          !(o.metadata.namespace === 'acme-prod' && o.kind === 'RoleBinding'),
      ),
    );
    const row = tenantAccessSummary(policy, acme).rows.find(
      r => r.check === 'list-pods',
    )!;
    expect(row.roles).toEqual({
      'tenant-admin': 'some',
      'tenant-developer': 'some',
    });
  });
});

describe('tenantWhoCan', () => {
  it('lists who may do each check in the tenant, through which bindings', () => {
    const policy = rbacPolicy([
      ...objectsFor(acme),
      ...objectsFor(globex),
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'cluster-admin' },
        rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'platform-admins' },
        roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'Group', name: 'platform-admins' }],
      },
    ]);
    const rows = tenantWhoCan(policy, acme.namespaces);
    const exec = rows.find(r => r.check === 'exec')!;
    expect(exec.subjects).toEqual([
      {
        subject: { kind: 'Group', name: 'platform-admins' },
        namespaces: ['acme-dev', 'acme-prod'],
        clusterWide: true,
        via: ['ClusterRoleBinding platform-admins (ClusterRole cluster-admin)'],
      },
      {
        subject: { kind: 'Group', name: 'acme-admins' },
        namespaces: ['acme-dev', 'acme-prod'],
        clusterWide: false,
        via: [
          'RoleBinding acme-dev/tenant-admin (Role tenant-admin)',
          'RoleBinding acme-prod/tenant-admin (Role tenant-admin)',
        ],
      },
    ]);
    const logs = rows.find(r => r.check === 'get-pod-logs')!;
    expect(logs.subjects.map(e => e.subject.name)).toEqual([
      'platform-admins',
      'acme-admins',
      'acme-devs',
    ]);
  });
});
