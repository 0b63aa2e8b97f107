import { tenantRoleRules } from '@paved/plugin-paved-common';
import { DEFAULT_ADMIN_TOKEN } from '../auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '../startServer';
import { KubeObject } from '../types';

/*
 * RBAC escalation prevention: acme's admins hold tenant-admin in acme-dev
 * and may hand out what they hold there, and nothing more; a controller
 * with `bind` on named roles and `escalate` on roles may write those.
 */

const RBAC = 'rbac.authorization.k8s.io/v1';
const acmeAdmin = { user: 'alice', groups: ['acme-admins'] };
const controller = {
  user: 'system:serviceaccount:crossplane-system:writer',
  groups: ['system:serviceaccounts'],
};

const role = (namespace: string, name: string, rules: unknown) =>
  ({
    apiVersion: RBAC,
    kind: 'Role',
    metadata: { name, namespace },
    rules,
  } as KubeObject);
const binding = (
  namespace: string,
  name: string,
  roleRef: { kind: string; name: string },
  group: string,
) =>
  ({
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
  } as KubeObject);

let double: KubernetesApiTestDouble;
beforeAll(async () => {
  double = await startKubernetesApiTestDouble({
    fixturesDir: false,
    objects: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'acme-dev' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } },
      role('acme-dev', 'tenant-admin', tenantRoleRules('tenant-admin')),
      role('acme-dev', 'tenant-developer', tenantRoleRules('tenant-developer')),
      binding('acme-dev', 'tenant-admin', { kind: 'Role', name: 'tenant-admin' }, 'acme-admins'),
      {
        apiVersion: RBAC,
        kind: 'ClusterRole',
        metadata: { name: 'writer' },
        rules: [
          { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: ['get', 'create', 'patch'] },
          { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['escalate'] },
          {
            apiGroups: ['rbac.authorization.k8s.io'],
            resources: ['roles'],
            verbs: ['bind'],
            resourceNames: ['tenant-developer'],
          },
        ],
      } as KubeObject,
      {
        apiVersion: RBAC,
        kind: 'ClusterRoleBinding',
        metadata: { name: 'writer' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'writer' },
        subjects: [{ kind: 'ServiceAccount', name: 'writer', namespace: 'crossplane-system' }],
      } as KubeObject,
    ],
  });
});
afterAll(() => double.close());

async function create(
  o: KubeObject,
  as?: { user: string; groups: string[] },
): Promise<{ status: number; body: any }> {
  const headers = new Headers({
    Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`,
    'Content-Type': 'application/json',
  });
  if (as) {
    headers.set('Impersonate-User', as.user);
    for (const g of as.groups) headers.append('Impersonate-Group', g);
  }
  const plural = o.kind === 'Role' ? 'roles' : 'rolebindings';
  const res = await fetch(
    `${double.url}/apis/${RBAC}/namespaces/${o.metadata.namespace}/${plural}`,
    { method: 'POST', headers, body: JSON.stringify(o) },
  );
  return { status: res.status, body: await res.json() };
}

describe('RBAC escalation prevention', () => {
  it('lets a tenant admin grant what they hold in their namespace', async () => {
    const res = await create(
      role('acme-dev', 'readers', [
        { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] },
      ]),
      acmeAdmin,
    );
    expect(res.status).toBe(201);
    const bound = await create(
      binding('acme-dev', 'devs', { kind: 'Role', name: 'tenant-developer' }, 'acme-developers'),
      acmeAdmin,
    );
    expect(bound.status).toBe(201);
  });

  it('refuses a Role with rules the writer does not hold, naming them', async () => {
    const res = await create(
      role('acme-dev', 'nodes', [
        { apiGroups: [''], resources: ['nodes'], verbs: ['get'] },
        { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      ]),
      acmeAdmin,
    );
    expect(res.status).toBe(403);
    expect(res.body.message).toContain(
      'is attempting to grant RBAC permissions not currently held',
    );
    expect(res.body.message).toContain('{APIGroups:[""], Resources:["nodes"], Verbs:["get"]}');
    expect(res.body.message).toContain('user "alice"');
  });

  it('refuses the same Role in a namespace where the writer holds nothing', async () => {
    const res = await create(
      role('kube-system', 'readers', [
        { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
      ]),
      acmeAdmin,
    );
    // RBAC refuses the create itself before escalation is asked.
    expect(res.status).toBe(403);
  });

  it('refuses binding a role whose rules the writer does not hold, unless it may bind it', async () => {
    const denied = await create(
      binding('acme-dev', 'admins-too', { kind: 'Role', name: 'tenant-admin' }, 'someone'),
      controller,
    );
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('not currently held');
    const allowed = await create(
      binding('acme-dev', 'devs-by-controller', { kind: 'Role', name: 'tenant-developer' }, 'acme-developers'),
      controller,
    );
    expect(allowed.status).toBe(201);
  });

  it('lets a writer with escalate write any Role it may create', async () => {
    const res = await create(
      role('acme-dev', 'tenant-admin-2', tenantRoleRules('tenant-admin')),
      controller,
    );
    expect(res.status).toBe(201);
  });

  it('refuses binding a missing role without bind, naming it', async () => {
    const res = await create(
      binding('acme-dev', 'ghost', { kind: 'Role', name: 'ghost' }, 'acme-developers'),
      acmeAdmin,
    );
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('role "ghost", which does not exist');
  });
});
