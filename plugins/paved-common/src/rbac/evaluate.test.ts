import {
  canAccess,
  clusterRoleRules,
  evaluateAccess,
  rbacPolicy,
  rbacSelectorMatches,
  rbacUserFor,
  ruleAllows,
  rulesFor,
  subjectsWhoCan,
} from './evaluate';
import { AccessAttributes, PolicyRule, RbacUser } from './types';

const RBAC = 'rbac.authorization.k8s.io/v1';

const clusterRole = (
  name: string,
  rules: PolicyRule[],
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: RBAC,
  kind: 'ClusterRole',
  metadata: { name, ...((extra.metadata as object) ?? {}) },
  rules,
  ...(extra.aggregationRule ? { aggregationRule: extra.aggregationRule } : {}),
});
const role = (namespace: string, name: string, rules: PolicyRule[]) => ({
  apiVersion: RBAC,
  kind: 'Role',
  metadata: { name, namespace },
  rules,
});
const binding = (
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  name: string,
  roleRef: { kind: string; name: string },
  subjects: object[],
  namespace?: string,
) => ({
  apiVersion: RBAC,
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
  subjects,
});
const group = (name: string) => ({
  kind: 'Group',
  apiGroup: 'rbac.authorization.k8s.io',
  name,
});
const user = (name: string) => ({
  kind: 'User',
  apiGroup: 'rbac.authorization.k8s.io',
  name,
});

const policy = rbacPolicy([
  // Aggregation: `tenant-view` collects every role labelled aggregate-to-view,
  // including `extra-view`, itself aggregated from `crd-view`.
  clusterRole('tenant-view', [], {
    aggregationRule: {
      clusterRoleSelectors: [
        { matchLabels: { 'paved.dev/aggregate-to-view': 'true' } },
      ],
    },
  }),
  clusterRole(
    'pods-view',
    [
      {
        apiGroups: [''],
        resources: ['pods', 'pods/log'],
        verbs: ['get', 'list'],
      },
    ],
    { metadata: { labels: { 'paved.dev/aggregate-to-view': 'true' } } },
  ),
  clusterRole('extra-view', [], {
    metadata: { labels: { 'paved.dev/aggregate-to-view': 'true' } },
    aggregationRule: {
      clusterRoleSelectors: [
        {
          matchExpressions: [
            { key: 'paved.dev/crd', operator: 'Exists' },
            { key: 'tier', operator: 'NotIn', values: ['internal'] },
          ],
        },
      ],
    },
  }),
  clusterRole(
    'crd-view',
    [{ apiGroups: ['example.org'], resources: ['widgets'], verbs: ['get'] }],
    { metadata: { labels: { 'paved.dev/crd': 'widgets' } } },
  ),
  clusterRole(
    'internal-crd-view',
    [{ apiGroups: ['example.org'], resources: ['gadgets'], verbs: ['get'] }],
    { metadata: { labels: { 'paved.dev/crd': 'gadgets', tier: 'internal' } } },
  ),
  clusterRole('everything', [
    { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    { nonResourceURLs: ['*'], verbs: ['*'] },
  ]),
  clusterRole('health', [
    { nonResourceURLs: ['/healthz', '/readyz/*'], verbs: ['get'] },
  ]),
  clusterRole('scale-anything', [
    { apiGroups: ['*'], resources: ['*/scale'], verbs: ['update'] },
  ]),
  role('acme-dev', 'deployer', [
    {
      apiGroups: ['apps'],
      resources: ['deployments'],
      verbs: ['get', 'list', 'update'],
    },
    {
      apiGroups: [''],
      resources: ['configmaps'],
      resourceNames: ['app-config'],
      verbs: ['get', 'update'],
    },
  ]),
  binding(
    'ClusterRoleBinding',
    'admins',
    { kind: 'ClusterRole', name: 'everything' },
    [group('platform-admins')],
  ),
  binding(
    'ClusterRoleBinding',
    'health',
    { kind: 'ClusterRole', name: 'health' },
    [group('system:authenticated')],
  ),
  binding(
    'ClusterRoleBinding',
    'hpa',
    { kind: 'ClusterRole', name: 'scale-anything' },
    [{ kind: 'ServiceAccount', name: 'hpa', namespace: 'kube-system' }],
  ),
  binding(
    'RoleBinding',
    'deployers',
    { kind: 'Role', name: 'deployer' },
    [user('alice'), { kind: 'ServiceAccount', name: 'ci' }],
    'acme-dev',
  ),
  binding(
    'RoleBinding',
    'viewers',
    { kind: 'ClusterRole', name: 'tenant-view' },
    [group('acme-developers'), group('system:serviceaccounts:acme-dev')],
    'acme-dev',
  ),
  binding(
    'RoleBinding',
    'dangling',
    { kind: 'Role', name: 'gone' },
    [user('bob')],
    'acme-dev',
  ),
  // Not RBAC: ignored.
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'x', namespace: 'acme-dev' },
  },
]);

const alice = rbacUserFor({ kind: 'User', name: 'alice' });
const dev = rbacUserFor({
  kind: 'User',
  name: 'carol',
  groups: ['acme-developers'],
});
const admin = rbacUserFor({
  kind: 'User',
  name: 'root',
  groups: ['platform-admins'],
});
const ciSa = rbacUserFor({
  kind: 'ServiceAccount',
  name: 'ci',
  namespace: 'acme-dev',
});
const otherSa = rbacUserFor({
  kind: 'ServiceAccount',
  name: 'ci',
  namespace: 'globex-dev',
});
const hpa = rbacUserFor({
  kind: 'ServiceAccount',
  name: 'hpa',
  namespace: 'kube-system',
});
const bob = rbacUserFor({ kind: 'User', name: 'bob' });
const anonymous = rbacUserFor({ kind: 'User', name: 'system:anonymous' });

const ns = 'acme-dev';

describe('evaluateAccess', () => {
  const cases: [string, RbacUser, AccessAttributes, boolean][] = [
    // Role through a RoleBinding to a User.
    [
      'user via Role',
      alice,
      { verb: 'update', group: 'apps', resource: 'deployments', namespace: ns },
      true,
    ],
    [
      'verb not in Role',
      alice,
      { verb: 'delete', group: 'apps', resource: 'deployments', namespace: ns },
      false,
    ],
    [
      'wrong API group',
      alice,
      {
        verb: 'get',
        group: 'extensions',
        resource: 'deployments',
        namespace: ns,
      },
      false,
    ],
    [
      'RoleBinding does not reach another namespace',
      alice,
      {
        verb: 'get',
        group: 'apps',
        resource: 'deployments',
        namespace: 'globex-dev',
      },
      false,
    ],
    [
      'RoleBinding does not reach across all namespaces',
      alice,
      { verb: 'list', group: 'apps', resource: 'deployments' },
      false,
    ],
    // resourceNames
    [
      'resourceNames: the named object',
      alice,
      {
        verb: 'get',
        resource: 'configmaps',
        name: 'app-config',
        namespace: ns,
      },
      true,
    ],
    [
      'resourceNames: another object',
      alice,
      { verb: 'get', resource: 'configmaps', name: 'other', namespace: ns },
      false,
    ],
    [
      'resourceNames: no name (list) is refused',
      alice,
      { verb: 'get', resource: 'configmaps', namespace: ns },
      false,
    ],
    // ServiceAccount subject without a namespace takes the binding's.
    [
      'service account of the binding namespace',
      ciSa,
      { verb: 'get', group: 'apps', resource: 'deployments', namespace: ns },
      true,
    ],
    [
      'same-named service account elsewhere',
      otherSa,
      { verb: 'get', group: 'apps', resource: 'deployments', namespace: ns },
      false,
    ],
    // Groups, including system groups.
    [
      'group via aggregated ClusterRole',
      dev,
      { verb: 'get', resource: 'pods', subresource: 'log', namespace: ns },
      true,
    ],
    [
      'system:serviceaccounts:<ns> group',
      ciSa,
      { verb: 'list', resource: 'pods', namespace: ns },
      true,
    ],
    [
      'subresource needs its own rule',
      dev,
      { verb: 'create', resource: 'pods', subresource: 'exec', namespace: ns },
      false,
    ],
    [
      'nested aggregation',
      dev,
      { verb: 'get', group: 'example.org', resource: 'widgets', namespace: ns },
      true,
    ],
    [
      'aggregation honours NotIn',
      dev,
      { verb: 'get', group: 'example.org', resource: 'gadgets', namespace: ns },
      false,
    ],
    [
      'system:authenticated reaches a non-resource URL',
      alice,
      { verb: 'get', path: '/healthz' },
      true,
    ],
    [
      'non-resource prefix wildcard',
      alice,
      { verb: 'get', path: '/readyz/etcd' },
      true,
    ],
    [
      'non-resource URL not listed',
      alice,
      { verb: 'get', path: '/metrics' },
      false,
    ],
    [
      'anonymous is not authenticated',
      anonymous,
      { verb: 'get', path: '/healthz' },
      false,
    ],
    // Wildcards
    [
      '* everything, cluster scope',
      admin,
      {
        verb: 'delete',
        group: 'rbac.authorization.k8s.io',
        resource: 'clusterroles',
      },
      true,
    ],
    [
      '* everything, any namespace',
      admin,
      {
        verb: 'create',
        resource: 'pods',
        subresource: 'exec',
        namespace: 'globex-dev',
      },
      true,
    ],
    ['* non-resource', admin, { verb: 'get', path: '/metrics' }, true],
    [
      '*/scale',
      hpa,
      {
        verb: 'update',
        group: 'apps',
        resource: 'deployments',
        subresource: 'scale',
        namespace: ns,
      },
      true,
    ],
    [
      '*/scale is not the resource itself',
      hpa,
      { verb: 'update', group: 'apps', resource: 'deployments', namespace: ns },
      false,
    ],
    // Dangling binding
    [
      'binding to a missing Role',
      bob,
      { verb: 'get', resource: 'pods', namespace: ns },
      false,
    ],
  ];

  it.each(cases)('%s', (_name, who, attrs, expected) => {
    expect(evaluateAccess(policy, who, attrs).allowed).toBe(expected);
    expect(canAccess(policy, who, attrs)).toBe(expected);
  });

  it('names the binding, role and subject that allowed', () => {
    const d = evaluateAccess(policy, dev, {
      verb: 'get',
      resource: 'pods',
      subresource: 'log',
      namespace: ns,
    });
    expect(d.grant).toMatchObject({
      binding: { kind: 'RoleBinding', name: 'viewers', namespace: ns },
      role: { kind: 'ClusterRole', name: 'tenant-view' },
      subject: { kind: 'Group', name: 'acme-developers' },
    });
    expect(d.reason).toBe(
      'RBAC: allowed by RoleBinding "viewers/acme-dev" of ClusterRole "tenant-view" to Group "acme-developers"',
    );
    const sa = evaluateAccess(policy, ciSa, {
      verb: 'get',
      group: 'apps',
      resource: 'deployments',
      namespace: ns,
    });
    expect(sa.reason).toBe(
      'RBAC: allowed by RoleBinding "deployers/acme-dev" of Role "deployer" to ServiceAccount "ci/acme-dev"',
    );
    expect(
      evaluateAccess(policy, admin, { verb: 'get', resource: 'nodes' }).reason,
    ).toBe(
      'RBAC: allowed by ClusterRoleBinding "admins" of ClusterRole "everything" to Group "platform-admins"',
    );
  });

  it('says why it denied, and reports a binding to a missing role', () => {
    const d = evaluateAccess(policy, bob, {
      verb: 'get',
      resource: 'secrets',
      name: 'db',
      namespace: ns,
    });
    expect(d.allowed).toBe(false);
    expect(d.grant).toBeUndefined();
    expect(d.reason).toContain(
      'User "bob" cannot get resource "secrets" named "db" in API group "" in the namespace "acme-dev"',
    );
    expect(d.errors).toEqual([
      'role.rbac.authorization.k8s.io "gone" not found',
    ]);
  });

  it('ignores namespaced objects without a namespace, and foreign kinds', () => {
    const p = rbacPolicy([
      {
        kind: 'RoleBinding',
        metadata: { name: 'x' },
        roleRef: { kind: 'ClusterRole', name: 'y' },
        subjects: [],
      },
      {
        apiVersion: 'v1',
        kind: 'Role',
        metadata: { name: 'not-rbac', namespace: 'a' },
      },
      null,
      'text',
    ]);
    expect(p.roleBindings.size).toBe(0);
    expect(p.roles.size).toBe(0);
  });
});

describe('clusterRoleRules', () => {
  it('unions matching roles, follows nested aggregation and survives cycles', () => {
    const p = rbacPolicy([
      clusterRole(
        'a',
        [{ verbs: ['get'], apiGroups: [''], resources: ['a'] }],
        {
          metadata: { labels: { agg: 'b' } },
          aggregationRule: {
            clusterRoleSelectors: [{ matchLabels: { agg: 'a' } }],
          },
        },
      ),
      clusterRole(
        'b',
        [{ verbs: ['get'], apiGroups: [''], resources: ['b'] }],
        {
          metadata: { labels: { agg: 'a' } },
          aggregationRule: {
            clusterRoleSelectors: [{ matchLabels: { agg: 'b' } }],
          },
        },
      ),
    ]);
    expect(
      clusterRoleRules(p, 'a')
        .map(r => r.resources![0])
        .sort(),
    ).toEqual(['a', 'b']);
    expect(clusterRoleRules(p, 'missing')).toEqual([]);
  });

  it('takes an empty selector to match every other ClusterRole', () => {
    const p = rbacPolicy([
      clusterRole('all', [], {
        aggregationRule: { clusterRoleSelectors: [{}] },
      }),
      clusterRole('x', [{ verbs: ['get'], apiGroups: [''], resources: ['x'] }]),
    ]);
    expect(clusterRoleRules(p, 'all')).toHaveLength(1);
  });
});

describe('rule and selector matching', () => {
  it.each([
    [
      { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
      { verb: 'patch', group: 'x.io', resource: 'y' },
      true,
    ],
    [
      { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
      { verb: 'get', resource: 'pods', subresource: 'log' },
      false,
    ],
    [
      { verbs: ['get'], apiGroups: [''], resources: ['pods/*'] },
      { verb: 'get', resource: 'pods', subresource: 'log' },
      false,
    ],
    [
      { verbs: ['get'], apiGroups: [''], resources: ['pods/log'] },
      { verb: 'get', resource: 'pods', subresource: 'log' },
      true,
    ],
    [
      { verbs: ['get'], nonResourceURLs: ['/api/*'] },
      { verb: 'get', path: '/api/v1' },
      true,
    ],
    [
      { verbs: ['get'], nonResourceURLs: ['/api'] },
      { verb: 'get', path: '/api/v1' },
      false,
    ],
    [
      { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
      { verb: 'get', path: '/pods' },
      false,
    ],
    [
      { verbs: ['get'], nonResourceURLs: ['*'] },
      { verb: 'get', resource: 'pods' },
      false,
    ],
  ] as [PolicyRule, AccessAttributes, boolean][])(
    '%j allows %j: %s',
    (rule, attrs, expected) => {
      expect(ruleAllows(rule, attrs)).toBe(expected);
    },
  );

  it.each([
    [{}, {}, true],
    [{ matchLabels: { a: '1' } }, { a: '1', b: '2' }, true],
    [{ matchLabels: { a: '1' } }, { a: '2' }, false],
    [
      { matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '2'] }] },
      { a: '2' },
      true,
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'In', values: ['1'] }] },
      {},
      false,
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] },
      {},
      true,
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] },
      { a: '' },
      false,
    ],
    [{ matchExpressions: [{ key: 'a', operator: 'Bogus' }] }, { a: '' }, false],
  ])('selector %j on %j: %s', (selector, labels, expected) => {
    expect(rbacSelectorMatches(selector, labels)).toBe(expected);
  });

  it('gives users the groups the authenticator would', () => {
    expect(
      rbacUserFor({ kind: 'ServiceAccount', name: 'ci', namespace: 'a' }),
    ).toEqual({
      username: 'system:serviceaccount:a:ci',
      groups: [
        'system:serviceaccounts',
        'system:serviceaccounts:a',
        'system:authenticated',
      ],
    });
    expect(
      rbacUserFor({ kind: 'User', name: 'system:anonymous' }).groups,
    ).toEqual(['system:unauthenticated']);
    expect(rbacUserFor({ kind: 'Group', name: 'g' })).toEqual({
      username: '',
      groups: ['g'],
    });
  });
});

describe('rulesFor', () => {
  it('lists the rules of every binding naming the user, cluster and namespace', () => {
    const r = rulesFor(policy, dev, ns);
    expect(r.rules).toEqual(
      expect.arrayContaining([
        { verbs: ['get'], nonResourceURLs: ['/healthz', '/readyz/*'] },
        {
          apiGroups: [''],
          resources: ['pods', 'pods/log'],
          verbs: ['get', 'list'],
        },
        { apiGroups: ['example.org'], resources: ['widgets'], verbs: ['get'] },
      ]),
    );
    expect(r.rules).toHaveLength(3);
    expect(rulesFor(policy, dev).rules).toHaveLength(1);
    expect(rulesFor(policy, dev, 'globex-dev').rules).toHaveLength(1);
  });

  it('reports bindings to missing roles', () => {
    expect(rulesFor(policy, bob, ns).errors).toEqual([
      'role.rbac.authorization.k8s.io "gone" not found',
    ]);
  });
});

describe('subjectsWhoCan', () => {
  it('lists every subject allowed, through which binding and role', () => {
    const who = subjectsWhoCan(policy, {
      verb: 'list',
      resource: 'pods',
      namespace: ns,
    }).map(
      g =>
        `${g.subject.kind}:${g.subject.name} via ${g.binding.kind}/${g.binding.name} (${g.role.kind}/${g.role.name})`,
    );
    expect(who).toEqual([
      'Group:platform-admins via ClusterRoleBinding/admins (ClusterRole/everything)',
      'Group:acme-developers via RoleBinding/viewers (ClusterRole/tenant-view)',
      'Group:system:serviceaccounts:acme-dev via RoleBinding/viewers (ClusterRole/tenant-view)',
    ]);
  });

  it('fills in the namespace of a service account subject from its binding', () => {
    const who = subjectsWhoCan(policy, {
      verb: 'update',
      group: 'apps',
      resource: 'deployments',
      namespace: ns,
    });
    expect(who.map(g => g.subject)).toContainEqual({
      kind: 'ServiceAccount',
      name: 'ci',
      namespace: ns,
    });
  });
});
