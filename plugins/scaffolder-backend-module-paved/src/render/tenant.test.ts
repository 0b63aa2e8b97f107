import {
  evaluateAccess,
  rbacPolicy,
  readTenantAnnotations,
} from '@paved/plugin-paved-common';
import { parse, parseAllDocuments } from 'yaml';
import { checkTenantInput } from '../actions/tenantScaffold';
import { renderTenant, TenantInput } from './tenant';
import { validateFiles } from '../validate/models';
import { ordersTenant } from '../__testUtils__/tenantInputs';

const tenant = ordersTenant;

const objectsIn = (path: string) => {
  const file = renderTenant(tenant).find(f => f.path === path);
  return parseAllDocuments(file!.content).map(d => d.toJS());
};

describe('renderTenant', () => {
  it('quotas storage and object counts as well as CPU, memory and pods', () => {
    const quota = objectsIn('manifests/resource-limits.yaml').find(
      o => o.kind === 'ResourceQuota' && o.metadata.namespace === 'orders-dev',
    );
    expect(quota.spec.hard).toEqual({
      'requests.cpu': '4',
      'requests.memory': '8Gi',
      'limits.cpu': '4',
      'limits.memory': '8Gi',
      pods: '20',
      'requests.storage': '100Gi',
      'count/services': '10',
      'count/secrets': '30',
    });
  });

  it('opens only the allowed egress, per namespace, on top of default deny', () => {
    const policies = objectsIn('manifests/network-policies.yaml').filter(
      o => o.metadata.namespace === 'orders-prod',
    );
    expect(policies.map(p => p.metadata.name)).toEqual([
      'default-deny-all',
      'allow-dns',
      'allow-same-tenant',
      'allow-egress',
    ]);
    expect(policies[3].spec.egress).toEqual([
      {
        to: [{ ipBlock: { cidr: '10.20.0.0/16' } }],
        ports: [{ protocol: 'TCP', port: 5432 }],
      },
    ]);
  });

  it('writes no egress policy when none is allowed', () => {
    const names = renderTenant({ ...tenant, allowedEgress: [] })
      .find(f => f.path === 'manifests/network-policies.yaml')!
      .objects!.map(o => o.metadata.name);
    expect(names).not.toContain('allow-egress');
  });

  it('writes a catalog entity whose annotations find namespaces, tier and budget', () => {
    const file = renderTenant(tenant).find(f => f.path === 'catalog-info.yaml');
    const entity = parse(file!.content);
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: { name: 'tenant-orders' },
      spec: { type: 'kubernetes-tenant', owner: 'group:default/orders-team' },
    });
    expect(readTenantAnnotations(entity.metadata.annotations)).toEqual({
      tenant: 'orders',
      tier: 2,
      namespaces: ['orders-dev', 'orders-prod'],
      monthlyBudget: 1500,
      costCenter: 'cc-7',
      isolation: 'namespace',
    });
    expect(entity.metadata.annotations).toMatchObject({
      'backstage.io/kubernetes-label-selector': 'paved.dev/tenant=orders',
      'backstage.io/kubernetes-cluster': 'paved-local',
    });
  });

  it('gives tenant-admin what its runbooks use: events, exec, traffic objects', () => {
    const objects = objectsIn('manifests/rbac.yaml');
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Role/tenant-admin',
      'Role/tenant-developer',
      'RoleBinding/tenant-admin',
      'RoleBinding/tenant-developer',
      'Role/tenant-admin',
      'Role/tenant-developer',
      'RoleBinding/tenant-admin',
      'RoleBinding/tenant-developer',
    ]);
    const policy = rbacPolicy(objects);
    const as = (group: string) => ({ username: 'someone', groups: [group] });
    const may = (group: string, verb: string, resource: string, extra = {}) =>
      evaluateAccess(policy, as(group), {
        verb,
        resource,
        namespace: 'orders-prod',
        ...extra,
      }).allowed;
    const net = { group: 'networking.k8s.io' };
    expect({
      adminEvents: may('orders-admins', 'list', 'events'),
      adminExec: may('orders-admins', 'create', 'pods', {
        subresource: 'exec',
      }),
      adminIngress: may('orders-admins', 'patch', 'ingresses', net),
      adminPolicies: may('orders-admins', 'delete', 'networkpolicies', net),
      adminRoutes: may('orders-admins', 'create', 'httproutes', {
        group: 'gateway.networking.k8s.io',
      }),
      devEvents: may('orders-devs', 'list', 'events'),
      devLogs: may('orders-devs', 'get', 'pods', { subresource: 'log' }),
      devPortForward: may('orders-devs', 'create', 'pods', {
        subresource: 'portforward',
      }),
      devExec: may('orders-devs', 'create', 'pods', { subresource: 'exec' }),
      devSecrets: may('orders-devs', 'get', 'secrets'),
      devIngress: may('orders-devs', 'patch', 'ingresses', net),
      devReadsIngress: may('orders-devs', 'get', 'ingresses', net),
    }).toEqual({
      adminEvents: true,
      adminExec: true,
      adminIngress: true,
      adminPolicies: true,
      adminRoutes: true,
      devEvents: true,
      devLogs: true,
      devPortForward: true,
      devExec: false,
      devSecrets: false,
      devIngress: false,
      devReadsIngress: true,
    });
  });

  it('still validates every object against its schema', async () => {
    expect(await validateFiles(renderTenant(tenant))).toEqual([]);
  });
});

describe('checkTenantInput: egress, storage, object counts and budget', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    [
      'a CIDR without a prefix',
      { allowedEgress: [{ cidr: '10.0.0.1' }] },
      'allowedEgress[0].cidr',
    ],
    [
      'an octet above 255',
      { allowedEgress: [{ cidr: '10.0.300.0/16' }] },
      'allowedEgress[0].cidr',
    ],
    [
      'a prefix above 32',
      { allowedEgress: [{ cidr: '10.0.0.0/40' }] },
      'allowedEgress[0].cidr',
    ],
    [
      'port 0',
      { allowedEgress: [{ cidr: '10.0.0.0/8', ports: [0] }] },
      'allowedEgress[0].ports',
    ],
    [
      'port 70000',
      { allowedEgress: [{ cidr: '10.0.0.0/8', ports: [70000] }] },
      'allowedEgress[0].ports',
    ],
    [
      'egress that is not a list',
      { allowedEgress: '10.0.0.0/8' },
      'allowedEgress',
    ],
    [
      'a storage quota that is not a quantity',
      { quota: { ...tenant.quota, storage: 'lots' } },
      'quota.storage',
    ],
    [
      'an object count for an unknown kind',
      { quota: { ...tenant.quota, objects: { pods2: 1 } } },
      'quota.objects.pods2',
    ],
    [
      'a negative object count',
      { quota: { ...tenant.quota, objects: { services: -1 } } },
      'quota.objects.services',
    ],
    [
      'a fractional object count',
      { quota: { ...tenant.quota, objects: { secrets: 1.5 } } },
      'quota.objects.secrets',
    ],
    ['a negative budget', { monthlyBudget: -5 }, 'monthlyBudget'],
    ['a budget given as text', { monthlyBudget: '100' }, 'monthlyBudget'],
  ];

  it.each(cases)('refuses %s', (_what, patch, field) => {
    expect(() => checkTenantInput({ ...tenant, ...patch })).toThrow(
      new RegExp(`${field.replace(/[.[\]]/g, m => `\\${m}`)}: `),
    );
  });

  it('accepts IPv6 CIDRs and no egress at all', () => {
    expect(() =>
      checkTenantInput({ ...tenant, allowedEgress: [{ cidr: 'fd00::/8' }] }),
    ).not.toThrow();
    expect(() =>
      checkTenantInput({ ...tenant, allowedEgress: undefined }),
    ).not.toThrow();
  });
});

describe('renderTenant: monitoring, GitOps applications and Crossplane claims', () => {
  const kindsIn = (t: TenantInput, path: string) =>
    renderTenant(t)
      .find(f => f.path === path)
      ?.objects?.map(
        o => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`,
      );

  it('adds a scrape entry per namespace for pods naming a metrics port', () => {
    const file = renderTenant(tenant).find(
      f => f.path === 'manifests/monitoring.yaml',
    );
    expect(file?.objects?.map(o => o.metadata.namespace)).toEqual([
      'orders-dev',
      'orders-prod',
    ]);
    expect(file?.objects?.[0]).toMatchObject({
      kind: 'PodMonitor',
      spec: {
        selector: { matchLabels: { 'paved.dev/tenant': 'orders' } },
        podMetricsEndpoints: [{ port: 'metrics' }],
      },
    });
  });

  it('adds one Argo CD application per environment when a repository is given', () => {
    const withRepo = {
      ...tenant,
      gitopsRepoUrl: 'https://github.com/acme/orders-deploy',
    };
    expect(kindsIn(withRepo, 'manifests/gitops/appproject.yaml')).toEqual([
      'AppProject argocd/orders',
      'Application argocd/orders-dev',
      'Application argocd/orders-prod',
    ]);
    expect(kindsIn(tenant, 'manifests/gitops/appproject.yaml')).toEqual([
      'AppProject argocd/orders',
    ]);
  });

  it('uses Flux in the tenant namespace, reconciling as the tenant', () => {
    const flux: TenantInput = {
      ...tenant,
      gitops: 'flux',
      gitopsRepoUrl: 'https://github.com/acme/orders-deploy',
    };
    expect(kindsIn(flux, 'manifests/gitops/flux.yaml')).toEqual(
      expect.arrayContaining([
        'GitRepository orders-dev/orders',
        'Kustomization orders-prod/orders',
        'RoleBinding orders-dev/tenant-reconciler',
      ]),
    );
    expect(kindsIn(flux, 'manifests/gitops/appproject.yaml')).toBeUndefined();
  });

  it('writes claims in the tenant namespace and validates their envelope', async () => {
    const withClaims: TenantInput = {
      ...tenant,
      claims: [
        {
          apiVersion: 'database.paved.dev/v1alpha1',
          kind: 'PostgreSQLInstance',
          name: 'orders-db',
          environment: 'prod',
          parameters: { storageGB: 20 },
        },
      ],
    };
    const files = renderTenant(withClaims);
    const claims = files.find(f => f.path === 'manifests/claims.yaml');
    expect(claims?.objects?.[0]).toMatchObject({
      kind: 'PostgreSQLInstance',
      metadata: {
        namespace: 'orders-prod',
        labels: { 'paved.dev/tenant': 'orders', 'cost-center': 'cc-7' },
      },
      spec: {
        parameters: { storageGB: 20 },
        writeConnectionSecretToRef: { name: 'orders-db-connection' },
      },
    });
    expect(await validateFiles(files)).toEqual([]);

    const broken = renderTenant({
      ...withClaims,
      claims: [{ ...withClaims.claims![0], apiVersion: 'v1' }],
    });
    expect(await validateFiles(broken)).toEqual([
      expect.objectContaining({
        file: 'manifests/claims.yaml',
        message: expect.stringContaining('apiVersion'),
      }),
    ]);
  });

  it.each([
    [{ gitops: 'flux', gitopsRepoUrl: undefined }, 'gitopsRepoUrl'],
    [{ gitops: 'helm' }, 'gitops'],
    [
      { claims: [{ apiVersion: 'a.b/v1', kind: 'X', name: 'Bad_Name' }] },
      'claims\\[0\\]\\.name',
    ],
    [
      {
        claims: [
          { apiVersion: 'a.b/v1', kind: 'X', name: 'db', environment: 'qa' },
        ],
      },
      'claims\\[0\\]\\.environment',
    ],
  ])('refuses %j, naming the field', (patch, field) => {
    expect(() => checkTenantInput({ ...tenant, ...patch })).toThrow(
      new RegExp(`${field}: `),
    );
  });
});
