import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tenantRoleRules } from '@paved/plugin-paved-common';
import {
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_RESTRICTED_TOKEN,
  DEFAULT_TOKENS,
  DEFAULT_VIEWER_TOKEN,
} from '../auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '../startServer';
import { KubeObject } from '../types';

const RBAC = 'rbac.authorization.k8s.io/v1';
const SSAR = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
const SAR = '/apis/authorization.k8s.io/v1/subjectaccessreviews';
const CI_TOKEN = 'acme-ci-token';

/** Two tenants' namespaces with the tenant roles, bound to their groups. */
function tenantObjects(): KubeObject[] {
  const out: KubeObject[] = [];
  for (const tenant of ['acme', 'globex']) {
    const namespace = `${tenant}-dev`;
    out.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace },
    });
    for (const [role, group] of [
      ['tenant-admin', `${tenant}-admins`],
      ['tenant-developer', `${tenant}-developers`],
    ] as const) {
      out.push(
        {
          apiVersion: RBAC,
          kind: 'Role',
          metadata: { name: role, namespace },
          rules: tenantRoleRules(role),
        } as KubeObject,
        {
          apiVersion: RBAC,
          kind: 'RoleBinding',
          metadata: { name: role, namespace },
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'Role',
            name: role,
          },
          subjects: [
            {
              apiGroup: 'rbac.authorization.k8s.io',
              kind: 'Group',
              name: group,
            },
          ],
        } as KubeObject,
      );
    }
  }
  // acme's CI service account deploys in acme-dev through the developer role.
  out.push({
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { name: 'ci', namespace: 'acme-dev' },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: 'tenant-developer',
    },
    subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'acme-dev' }],
  } as KubeObject);
  return out;
}

let double: KubernetesApiTestDouble;
beforeAll(async () => {
  double = await startKubernetesApiTestDouble({
    objects: tenantObjects(),
    tokens: {
      ...DEFAULT_TOKENS,
      // A token with no rules of its own: only RBAC speaks for it.
      [CI_TOKEN]: {
        user: 'system:serviceaccount:acme-dev:ci',
        groups: ['system:serviceaccounts', 'system:serviceaccounts:acme-dev'],
        allow: [],
      },
    },
  });
});
afterAll(() => double.close());

async function post(
  path: string,
  body: unknown,
  opts: { token?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${double.url}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${opts.token ?? DEFAULT_ADMIN_TOKEN}`,
      'Content-Type': 'application/json',
      ...opts.headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const ssar = (resourceAttributes: Record<string, string>) => ({
  apiVersion: 'authorization.k8s.io/v1',
  kind: 'SelfSubjectAccessReview',
  spec: { resourceAttributes },
});
const sar = (spec: Record<string, unknown>) => ({
  apiVersion: 'authorization.k8s.io/v1',
  kind: 'SubjectAccessReview',
  spec,
});

describe('SelfSubjectAccessReview', () => {
  it('answers for the caller, with the response shape of the API server', async () => {
    const res = await post(
      SSAR,
      ssar({ verb: 'list', resource: 'pods', namespace: 'acme-dev' }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: {
        resourceAttributes: {
          verb: 'list',
          resource: 'pods',
          namespace: 'acme-dev',
        },
      },
      status: {
        allowed: true,
        reason:
          'allowed by the test double\'s token rules for "system:serviceaccount:kube-system:paved-admin"',
      },
    });
  });

  it("reports the token's deny rules as denied", async () => {
    const res = await post(
      SSAR,
      ssar({ verb: 'get', resource: 'secrets', namespace: 'payments' }),
      {
        token: DEFAULT_VIEWER_TOKEN,
      },
    );
    expect(res.body.status).toEqual({
      allowed: false,
      denied: true,
      reason:
        'denied by the test double\'s token rules for "system:serviceaccount:kube-system:paved-viewer"',
    });
  });

  it('answers from stored RBAC for a token without rules, allowed and not', async () => {
    const allowed = await post(
      SSAR,
      ssar({
        verb: 'create',
        group: 'apps',
        resource: 'deployments',
        namespace: 'acme-dev',
      }),
      { token: CI_TOKEN },
    );
    expect(allowed.body.status).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by RoleBinding "ci/acme-dev" of Role "tenant-developer" to ServiceAccount "ci/acme-dev"',
    });
    const denied = await post(
      SSAR,
      ssar({
        verb: 'get',
        resource: 'secrets',
        namespace: 'acme-dev',
        name: 'db',
      }),
      { token: CI_TOKEN },
    );
    expect(denied.status).toBe(201);
    expect(denied.body.status.allowed).toBe(false);
    expect(denied.body.status.denied).toBeUndefined();
    // RBAC has no opinion on a denial: no reason, as from the API server.
    expect(denied.body.status).toEqual({ allowed: false });
  });

  it('answers for the impersonated user (kubectl --as, --as-group)', async () => {
    const asAcmeAdmin = {
      'Impersonate-User': 'alice',
      'Impersonate-Group': 'acme-admins',
    };
    const own = await post(
      SSAR,
      ssar({
        verb: 'create',
        resource: 'pods',
        subresource: 'exec',
        namespace: 'acme-dev',
      }),
      { headers: asAcmeAdmin },
    );
    expect(own.body.status).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by RoleBinding "tenant-admin/acme-dev" of Role "tenant-admin" to Group "acme-admins"',
    });
    const other = await post(
      SSAR,
      ssar({ verb: 'get', resource: 'secrets', namespace: 'globex-dev' }),
      { headers: asAcmeAdmin },
    );
    expect(other.body.status.allowed).toBe(false);
  });

  it('checks the non-resource attributes', async () => {
    const body = {
      kind: 'SelfSubjectAccessReview',
      spec: { nonResourceAttributes: { verb: 'get', path: '/metrics' } },
    };
    expect((await post(SSAR, body)).body.status.allowed).toBe(true);
    expect(
      (await post(SSAR, body, { token: CI_TOKEN })).body.status.allowed,
    ).toBe(false);
  });

  it('refuses a spec with both or neither attribute sets', async () => {
    const res = await post(SSAR, { kind: 'SelfSubjectAccessReview', spec: {} });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      kind: 'Status',
      reason: 'Invalid',
      message: expect.stringContaining(
        'exactly one of nonResourceAttributes or resourceAttributes must be specified',
      ),
    });
  });
});

describe('SubjectAccessReview', () => {
  it('answers for the user and groups in the spec', async () => {
    const allowed = await post(
      SAR,
      sar({
        user: 'bob',
        groups: ['acme-developers', 'system:authenticated'],
        resourceAttributes: {
          verb: 'list',
          resource: 'events',
          namespace: 'acme-dev',
        },
      }),
    );
    expect(allowed.status).toBe(201);
    expect(allowed.body).toMatchObject({
      kind: 'SubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      spec: {
        user: 'bob',
        groups: ['acme-developers', 'system:authenticated'],
      },
      status: {
        allowed: true,
        reason:
          'RBAC: allowed by RoleBinding "tenant-developer/acme-dev" of Role "tenant-developer" to Group "acme-developers"',
      },
    });
    const denied = await post(
      SAR,
      sar({
        user: 'bob',
        groups: ['acme-developers'],
        resourceAttributes: {
          verb: 'create',
          resource: 'pods',
          subresource: 'exec',
          namespace: 'acme-dev',
        },
      }),
    );
    expect(denied.body.status).toEqual({ allowed: false });
  });

  it('names the missing role in evaluationError', async () => {
    const res = await post(
      '/apis/rbac.authorization.k8s.io/v1/namespaces/acme-dev/rolebindings',
      {
        apiVersion: RBAC,
        kind: 'RoleBinding',
        metadata: { name: 'dangling' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name: 'gone',
        },
        subjects: [
          { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'dave' },
        ],
      },
    );
    expect(res.status).toBe(201);
    const review = await post(
      SAR,
      sar({
        user: 'dave',
        resourceAttributes: {
          verb: 'get',
          resource: 'pods',
          namespace: 'acme-dev',
        },
      }),
    );
    expect(review.body.status).toMatchObject({
      allowed: false,
      evaluationError: 'role.rbac.authorization.k8s.io "gone" not found',
    });
  });

  it('needs create on subjectaccessreviews, and a user or groups', async () => {
    const forbidden = await post(
      SAR,
      sar({
        user: 'bob',
        resourceAttributes: { verb: 'get', resource: 'pods' },
      }),
      { token: CI_TOKEN },
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toBe(
      'subjectaccessreviews.authorization.k8s.io is forbidden: User "system:serviceaccount:acme-dev:ci" cannot create resource "subjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope',
    );
    const invalid = await post(
      SAR,
      sar({ resourceAttributes: { verb: 'get', resource: 'pods' } }),
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.message).toContain(
      'at least one of user or group must be specified',
    );
  });
});

describe('SelfSubjectRulesReview', () => {
  const review = (namespace: string, headers?: Record<string, string>) =>
    post(
      '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
      { kind: 'SelfSubjectRulesReview', spec: { namespace } },
      { headers },
    );

  it("lists the caller's rules in a namespace", async () => {
    const asDev = {
      'Impersonate-User': 'carol',
      'Impersonate-Group': 'acme-developers',
    };
    const own = await review('acme-dev', asDev);
    expect(own.status).toBe(201);
    expect(own.body.status.incomplete).toBe(false);
    const resources = own.body.status.resourceRules.flatMap(
      (r: { resources: string[] }) => r.resources,
    );
    expect(resources).toEqual(
      expect.arrayContaining([
        'pods',
        'pods/log',
        'pods/portforward',
        'events',
      ]),
    );
    expect(resources).not.toContain('secrets');
    expect(resources).not.toContain('pods/exec');
    const other = await review('globex-dev', asDev);
    expect(other.body.status.resourceRules).toEqual([
      {
        verbs: ['create'],
        apiGroups: ['authorization.k8s.io'],
        resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
      },
    ]);
  });

  it('lists a full-access token as everything', async () => {
    const res = await review('acme-dev');
    expect(res.body.status.resourceRules[0]).toEqual({
      verbs: ['*'],
      apiGroups: ['*'],
      resources: ['*'],
    });
    expect(res.body.status.nonResourceRules).toContainEqual({
      verbs: ['*'],
      nonResourceURLs: ['*'],
    });
  });
});

describe('impersonation', () => {
  it('authorises an impersonated request by stored RBAC alone', async () => {
    const get = (namespace: string) =>
      fetch(`${double.url}/api/v1/namespaces/${namespace}/events`, {
        headers: {
          Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`,
          'Impersonate-User': 'carol',
          'Impersonate-Group': 'acme-developers',
        },
      });
    expect((await get('acme-dev')).status).toBe(200);
    const other = await get('globex-dev');
    expect(other.status).toBe(403);
    expect((await other.json()).message).toBe(
      'events is forbidden: User "carol" cannot list resource "events" in API group "" in the namespace "globex-dev"',
    );
  });

  it('needs impersonate permission', async () => {
    const res = await post(
      SSAR,
      ssar({ verb: 'list', resource: 'pods', namespace: 'acme-dev' }),
      {
        token: DEFAULT_RESTRICTED_TOKEN,
        headers: { 'Impersonate-User': 'alice' },
      },
    );
    expect(res.status).toBe(403);
    expect(res.body.message).toBe(
      'users "alice" is forbidden: User "system:serviceaccount:kube-system:paved-restricted" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
  });

  it('refuses groups without a user', async () => {
    const res = await post(SSAR, ssar({ verb: 'list', resource: 'pods' }), {
      headers: { 'Impersonate-Group': 'acme-admins' },
    });
    expect(res.status).toBe(400);
  });
});

const KUBECTL = '/usr/bin/kubectl';
const describeWithKubectl = existsSync(KUBECTL) ? describe : describe.skip;

describeWithKubectl('kubectl auth can-i against the double', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'paved-can-i-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** kubectl prints yes/no and exits 0 for yes, 1 for no. */
  const canI = async (...args: string[]) => {
    const base = [
      '--server',
      double.httpsUrl,
      '--insecure-skip-tls-verify',
      '--token',
      DEFAULT_ADMIN_TOKEN,
      '--cache-dir',
      join(dir, 'cache'),
      'auth',
      'can-i',
    ];
    try {
      const { stdout } = await promisify(execFile)(
        KUBECTL,
        [...base, ...args],
        {
          env: { ...process.env, KUBECONFIG: join(dir, 'none') },
        },
      );
      return stdout.trim();
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      return (err.stdout ?? '').trim() || `error: ${err.stderr}`;
    }
  };

  it.each([
    [
      [
        'get',
        'secrets',
        '-n',
        'acme-dev',
        '--as',
        'alice',
        '--as-group',
        'acme-admins',
      ],
      'yes',
    ],
    [
      [
        'get',
        'secrets',
        '-n',
        'globex-dev',
        '--as',
        'alice',
        '--as-group',
        'acme-admins',
      ],
      'no',
    ],
    [
      [
        'create',
        'pods',
        '--subresource=exec',
        '-n',
        'acme-dev',
        '--as',
        'carol',
        '--as-group',
        'acme-developers',
      ],
      'no',
    ],
    [
      [
        'get',
        'pods',
        '--subresource=log',
        '-n',
        'acme-dev',
        '--as',
        'carol',
        '--as-group',
        'acme-developers',
      ],
      'yes',
    ],
    [
      [
        'list',
        'events',
        '-n',
        'acme-dev',
        '--as',
        'system:serviceaccount:acme-dev:ci',
      ],
      'yes',
    ],
    [
      ['list', 'pods', '-A', '--as', 'carol', '--as-group', 'acme-developers'],
      'no',
    ],
    [['delete', 'nodes'], 'yes'],
  ])('kubectl auth can-i %j → %s', async (args, expected) => {
    expect(await canI(...args)).toBe(expected);
  });

  it('--list shows what the impersonated user may do', async () => {
    const out = await canI(
      '--list',
      '-n',
      'acme-dev',
      '--as',
      'carol',
      '--as-group',
      'acme-developers',
    );
    const lines = out.split('\n');
    expect(lines[0]).toMatch(
      /^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs/,
    );
    expect(lines.some(l => /^pods\/portforward\s/.test(l))).toBe(true);
    expect(lines.some(l => /^events\s/.test(l))).toBe(true);
    expect(lines.some(l => /^secrets\s/.test(l))).toBe(false);
  });
});
