/*
 * paved:tenant:change and paved:tenant:offboard against the Kubernetes API
 * test double, with the catalog as an in-memory TenantCatalog. Bad inputs
 * are refused with a named error and nothing is written: no write request
 * reaches the double, no file lands in the workspace, the catalog keeps the
 * entity.
 */
import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_ADMIN_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { listFiles, makeContext } from '../__testUtils__/actionContext';
import { applyManifests } from '../apply/applyManifests';
import { renderTenant, TenantInput } from '../render/tenant';
import { manifestObjects } from '../day2/loadTenant';
import { TenantEntity } from '../day2/recoverTenant';
import { TenantCatalog } from '../day2/tenantCatalog';
import { crdFor } from '../convergence/__testUtils__/simulateCluster';
import {
  TENANT_CLAIM_API_VERSION,
  TENANT_CLAIM_KIND,
  TENANT_CLAIM_NAMESPACE,
} from '../render/tenant/claim';
import { checkTenantInput } from './tenantScaffold';
import { createTenantChangeAction } from './tenantChange';
import { createTenantOffboardAction } from './tenantOffboard';

jest.setTimeout(60_000);

let cluster: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
const config = () =>
  mockServices.rootConfig({
    data: {
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'double',
                url: cluster.url,
                authProvider: 'serviceAccount',
                serviceAccountToken: DEFAULT_ADMIN_TOKEN,
              },
            ],
          },
        ],
      },
    },
  });

/** The catalog's tenant entities, and what was asked of it. */
const entities = new Map<string, TenantEntity>();
const unregistered: string[] = [];
const catalog: TenantCatalog = {
  async getTenant(tenant) {
    return entities.get(tenant);
  },
  async unregisterTenant(tenant) {
    unregistered.push(tenant);
    return entities.delete(tenant) ? 'deleted' : 'absent';
  },
};

// Tier 2 without guardrails or GitOps: the double serves no Kyverno or
// Argo CD kinds (isolation tiers are covered by day2/changeTenant.test.ts).
const base = (name: string): TenantInput =>
  checkTenantInput({
    name,
    team: `${name}-team`,
    project: 'shop',
    costCenter: 'cc-7',
    tier: 2,
    environments: ['dev', 'prod'],
    quota: { cpu: '4', memory: '8Gi', pods: 20 },
    defaults: {
      cpuRequest: '100m',
      cpuLimit: '500m',
      memoryRequest: '128Mi',
      memoryLimit: '256Mi',
    },
    groups: { admin: `${name}-admins`, developer: `${name}-developers` },
    gitops: 'none',
    guardrails: false,
    cluster: 'double',
  });

const doubleCluster = () => ({
  name: 'double',
  url: cluster.url,
  authProvider: 'serviceAccount',
  serviceAccountToken: DEFAULT_ADMIN_TOKEN,
  skipTLSVerify: false,
});

/** Onboards a tenant the way the apply path does. */
async function onboard(t: TenantInput) {
  const files = renderTenant(t);
  await applyManifests(doubleCluster(), manifestObjects(files), {
    force: false,
    dryRun: false,
  });
  entities.set(
    t.name,
    parse(files.find(f => f.path === 'catalog-info.yaml')!.content),
  );
}

/** What the quota controller would write: current use in each namespace. */
function setUse(namespace: string, used: Record<string, string>) {
  const q = cluster.store.find(
    'v1',
    'ResourceQuota',
    namespace,
    'tenant-quota',
  ) as any;
  cluster.store.put({ ...q, status: { hard: q.spec.hard, used } });
}

function putPod(namespace: string, name: string, phase: string) {
  cluster.store.put({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { 'paved.dev/tenant': 'x' } },
    spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] },
    status: { phase },
  } as any);
}

const writes = () =>
  cluster.requests
    .filter(r => r.method !== 'GET')
    .map(r => `${r.method} ${r.path}`);
const secretReads = () =>
  cluster.requests.filter(r => /\/secrets(\/|$|\?)/.test(r.path));

const quotaOf = (ns: string) =>
  (cluster.store.find('v1', 'ResourceQuota', ns, 'tenant-quota') as any)?.spec
    .hard;

beforeAll(async () => {
  cluster = await startKubernetesApiTestDouble({ port: 0 });
  await onboard(base('orders'));
  setUse('orders-dev', {
    'requests.cpu': '2',
    'limits.cpu': '3',
    pods: '5',
    'requests.memory': '1Gi',
  });
  setUse('orders-prod', { 'requests.cpu': '1500m', pods: '12' });
});
afterAll(() => cluster?.close());
beforeEach(() => cluster.clearRequests());

const change = () => createTenantChangeAction({ config: config(), catalog });
const offboard = () =>
  createTenantOffboardAction({ config: config(), catalog });

describe('paved:tenant:change refuses bad input, writing nothing', () => {
  it.each<[string, Record<string, unknown>, RegExp, string]>([
    [
      'a quota below current use',
      { quota: { cpu: '1500m', pods: 10 } },
      // orders-dev uses 5 Pods of the new 10: not below use.
      /quota: below current use, nothing was changed: orders-dev requests\.cpu uses 2, the new quota allows 1500m; orders-dev limits\.cpu uses 3, the new quota allows 1500m; orders-prod pods uses 12, the new quota allows 10/,
      'QuotaBelowUseError',
    ],
    [
      'memory below use in one namespace',
      { quota: { memory: '512Mi' } },
      /orders-dev requests\.memory uses 1Gi, the new quota allows 512Mi/,
      'QuotaBelowUseError',
    ],
    ['a bad quantity', { quota: { memory: 'lots' } }, /quota\.memory/, ''],
    [
      'an unknown tenant',
      { name: 'ghost' },
      /name: unknown tenant "ghost": the catalog has no resource:default\/tenant-ghost/,
      'UnknownTenantError',
    ],
    [
      'a tenant name that is no name',
      { name: 'Not A Name' },
      /name: "Not A Name" must be a tenant name/,
      '',
    ],
    [
      'a group with spaces',
      { groups: { admin: 'orders admins' } },
      /groups\.admin/,
      '',
    ],
    [
      'an unknown isolation tier',
      { isolation: { level: 'bunker' } },
      /isolation\.level/,
      '',
    ],
    [
      'a dedicated pool without its name',
      { isolation: { level: 'dedicated-nodes' } },
      /isolation\.nodePool/,
      '',
    ],
    [
      'gVisor on tier 2',
      { isolation: { level: 'sandboxed' } },
      /isolation\.level/,
      '',
    ],
    [
      'a cluster that is not configured',
      { cluster: 'elsewhere' },
      /elsewhere/,
      '',
    ],
  ])('%s', async (_, patch, message, name) => {
    const { ctx, workspacePath } = await makeContext({
      name: 'orders',
      cluster: 'double',
      delivery: 'apply',
      ...patch,
    });
    const error = await change()
      .handler(ctx)
      .then(
        () => undefined,
        e => e,
      );
    expect(error?.message).toMatch(message);
    // Onboarding's own refusals are InputErrors; day 2's have their own names.
    expect(error?.name).toBe(name || 'InputError');
    expect(writes()).toEqual([]);
    expect(await listFiles(workspacePath)).toEqual([]);
    expect(quotaOf('orders-dev')['requests.cpu']).toBe('4');
    expect(secretReads()).toEqual([]);
  });
});

describe('paved:tenant:change', () => {
  it('dry run: shows the changed objects field by field and writes nothing to the cluster', async () => {
    const { ctx, outputs } = await makeContext(
      {
        name: 'orders',
        cluster: 'double',
        quota: { cpu: '8', memory: '', pods: undefined },
        groups: { developer: 'orders-engineers' },
      },
      { isDryRun: true },
    );
    await change().handler(ctx);
    expect(outputs).toMatchObject({
      added: [],
      removed: [],
      changed: [
        'ResourceQuota orders-dev/tenant-quota',
        'ResourceQuota orders-prod/tenant-quota',
        'RoleBinding orders-dev/tenant-developer',
        'RoleBinding orders-prod/tenant-developer',
      ],
    });
    const log = ctx.logger.info.mock.calls.map((c: unknown[]) => c[0]);
    expect(log).toEqual(
      expect.arrayContaining([
        '~ ResourceQuota orders-dev/tenant-quota',
        '    spec.hard.requests.cpu: "4" -> "8"',
        '    spec.hard.limits.cpu: "4" -> "8"',
        '    subjects: [{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"orders-developers"}] -> [{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"orders-engineers"}]',
      ]),
    );
    expect(writes()).toEqual([]);
    expect(quotaOf('orders-dev')['requests.cpu']).toBe('4');
  });

  it("the action's own dryRun writes no files either", async () => {
    const { ctx, workspacePath, outputs } = await makeContext({
      name: 'orders',
      cluster: 'double',
      quota: { cpu: '8' },
      dryRun: true,
    });
    await change().handler(ctx);
    expect(outputs.changed).toHaveLength(2);
    expect(await listFiles(workspacePath)).toEqual([]);
    expect(writes()).toEqual([]);
  });

  it('pull-request delivery writes the re-rendered tenant folder and applies nothing', async () => {
    const { ctx, workspacePath } = await makeContext({
      name: 'orders',
      cluster: 'double',
      quota: { cpu: '8' },
      delivery: 'pull-request',
    });
    await change().handler(ctx);
    const files = await listFiles(workspacePath);
    expect(files).toEqual(
      expect.arrayContaining([
        'tenants/orders/catalog-info.yaml',
        'tenants/orders/manifests/resource-limits.yaml',
      ]),
    );
    // Exactly what onboarding with the new quota would write.
    const fresh = renderTenant({
      ...base('orders'),
      quota: { cpu: '8', memory: '8Gi', pods: 20 },
    });
    for (const f of fresh) {
      expect([
        f.path,
        await fs.readFile(`${workspacePath}/tenants/orders/${f.path}`, 'utf8'),
      ]).toEqual([f.path, f.content]);
    }
    expect(writes()).toEqual([]);
  });

  it('apply: changes the quota and the groups in the cluster; a second run changes nothing', async () => {
    const input = {
      name: 'orders',
      cluster: 'double',
      quota: { cpu: '8', memory: '16Gi' },
      groups: { admin: 'orders-owners' },
    };
    const first = await makeContext(input);
    await change().handler(first.ctx);
    expect(quotaOf('orders-prod')).toMatchObject({
      'requests.cpu': '8',
      'limits.memory': '16Gi',
      pods: '20',
    });
    const binding = cluster.store.find(
      'rbac.authorization.k8s.io/v1',
      'RoleBinding',
      'orders-dev',
      'tenant-admin',
    ) as any;
    expect(binding.subjects).toEqual([
      expect.objectContaining({ kind: 'Group', name: 'orders-owners' }),
    ]);
    expect(writes().every(w => w.startsWith('PATCH '))).toBe(true);

    const second = await makeContext(input);
    await change().handler(second.ctx);
    expect(second.outputs).toMatchObject({
      added: [],
      changed: [],
      removed: [],
    });
    expect(secretReads()).toEqual([]);
  });
});

describe('paved:tenant:change and hand-made changes in the cluster', () => {
  it("shows what the change would overwrite, with the cluster's value as before", async () => {
    const binding = cluster.store.find(
      'rbac.authorization.k8s.io/v1',
      'RoleBinding',
      'orders-prod',
      'tenant-admin',
    ) as any;
    const handMade = {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Group',
      name: 'contractors',
    };
    cluster.store.put({
      ...binding,
      subjects: [...binding.subjects, handMade],
    });
    const { ctx, outputs } = await makeContext(
      { name: 'orders', cluster: 'double' },
      { isDryRun: true },
    );
    await change().handler(ctx);
    expect(outputs.changed).toEqual(['RoleBinding orders-prod/tenant-admin']);
    const log = ctx.logger.info.mock.calls.map((c: unknown[]) => c[0]);
    expect(log).toContain(
      `    subjects: ${JSON.stringify([
        ...binding.subjects,
        handMade,
      ])} -> ${JSON.stringify(binding.subjects)}`,
    );
    cluster.store.put(binding);
  });
});

describe('a tenant delivered as a Tenant claim', () => {
  it('is refused by change and offboard: Crossplane owns its objects', async () => {
    await applyManifests(
      doubleCluster(),
      [
        crdFor({
          group: TENANT_CLAIM_API_VERSION.split('/')[0],
          version: TENANT_CLAIM_API_VERSION.split('/')[1],
          kind: TENANT_CLAIM_KIND,
          plural: 'tenants',
          namespaced: true,
        }) as any,
      ],
      { force: false, dryRun: false },
    );
    await onboard(base('claimed'));
    cluster.store.put({
      apiVersion: TENANT_CLAIM_API_VERSION,
      kind: TENANT_CLAIM_KIND,
      metadata: { name: 'claimed', namespace: TENANT_CLAIM_NAMESPACE },
      spec: {},
    } as any);
    cluster.clearRequests();
    for (const action of [change(), offboard()]) {
      const { ctx } = await makeContext({
        name: 'claimed',
        cluster: 'double',
        quota: { cpu: '8' },
        force: true,
      });
      await expect(action.handler(ctx)).rejects.toThrow(
        /tenant claimed is delivered as the Tenant claim paved-tenants\/claimed; change or delete that claim instead/,
      );
    }
    expect(writes()).toEqual([]);
  });
});

describe('paved:tenant:offboard', () => {
  beforeAll(async () => {
    await onboard(base('globex'));
    putPod('globex-dev', 'globex-api-1', 'Running');
    putPod('globex-prod', 'globex-job-1', 'Succeeded');
    putPod('globex-prod', 'globex-job-2', 'Failed');
  });

  it.each<[string, Record<string, unknown>, RegExp, string]>([
    [
      'Pods still running',
      { name: 'globex' },
      /force: 1 Pod\(s\) still run in the tenant's namespaces, nothing was deleted \(stop them, or set force: true\): globex-dev\/globex-api-1 \(Running\)/,
      'WorkloadsRunningError',
    ],
    [
      'Pods still running, in a dry run too',
      { name: 'globex', dryRun: true },
      /globex-dev\/globex-api-1 \(Running\)/,
      'WorkloadsRunningError',
    ],
    [
      'an unknown tenant',
      { name: 'ghost', force: true },
      /unknown tenant "ghost"/,
      'UnknownTenantError',
    ],
  ])('refuses %s, deleting nothing', async (_, input, message, name) => {
    const { ctx } = await makeContext({ cluster: 'double', ...input });
    const error = await offboard()
      .handler(ctx)
      .then(
        () => undefined,
        e => e,
      );
    expect({ name: error?.name, message: error?.message }).toEqual({
      name,
      message: expect.stringMatching(message),
    });
    expect(writes()).toEqual([]);
    expect(entities.has('globex')).toBe(true);
    expect(unregistered).toEqual([]);
  });

  it('dry run with force: lists exactly the rendered objects that exist, namespaces last', async () => {
    // One object of the onboarding is already gone: it is not listed.
    cluster.store.delete(
      cluster.registry.find('networking.k8s.io', 'v1', 'networkpolicies')!,
      'globex-prod',
      'allow-dns',
    );
    const { ctx, outputs } = await makeContext(
      { name: 'globex', cluster: 'double', force: true },
      { isDryRun: true },
    );
    await offboard().handler(ctx);
    const rendered = manifestObjects(renderTenant(base('globex'))).map(
      o =>
        `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${
          o.metadata.name
        }`,
    );
    const expected = rendered.filter(
      r => r !== 'NetworkPolicy globex-prod/allow-dns',
    );
    const deleted = outputs.deleted as string[];
    expect([...deleted].sort()).toEqual([...expected].sort());
    expect(deleted.slice(-2)).toEqual([
      'Namespace globex-dev',
      'Namespace globex-prod',
    ]);
    expect(outputs.unregistered).toBe('dry-run');
    expect(writes()).toEqual([]);
    expect(secretReads()).toEqual([]);
  });

  it('with force: deletes the objects, namespaces last, and removes the entity', async () => {
    const { ctx, outputs } = await makeContext({
      name: 'globex',
      cluster: 'double',
      force: true,
    });
    await offboard().handler(ctx);
    const deletes = writes();
    expect(deletes.every(w => w.startsWith('DELETE '))).toBe(true);
    expect(deletes.slice(-2)).toEqual([
      'DELETE /api/v1/namespaces/globex-dev',
      'DELETE /api/v1/namespaces/globex-prod',
    ]);
    expect(
      cluster.store.find('v1', 'Namespace', undefined, 'globex-dev'),
    ).toBeUndefined();
    expect(
      cluster.store.find('v1', 'Pod', 'globex-dev', 'globex-api-1'),
    ).toBeUndefined();
    expect(outputs.unregistered).toBe('deleted');
    expect(entities.has('globex')).toBe(false);
    // The other tenant is untouched.
    expect(
      cluster.store.find('v1', 'Namespace', undefined, 'orders-dev'),
    ).toBeDefined();
    expect(secretReads()).toEqual([]);
  });
});
