import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_ADMIN_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import { createKubernetesApplyAction } from './kubernetesApply';
import { createTenantScaffoldAction } from './tenantScaffold';
import { makeContext } from '../__testUtils__/actionContext';

// The first render loads every kubernetes-models schema: slow on a busy machine.
jest.setTimeout(30_000);

let cluster: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
beforeAll(async () => {
  cluster = await startKubernetesApiTestDouble({ port: 0 });
});
afterAll(() => cluster.close());

const configFor = (extra: Array<Record<string, string>> = []) =>
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
              ...extra,
            ],
          },
        ],
      },
    },
  });

const tenant = {
  name: 'orders',
  team: 'orders-team',
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
  groups: { admin: 'orders-admins', developer: 'orders-developers' },
  // The double serves no Kyverno CRDs; the tenant's guardrails are a
  // Kyverno Policy, tested in convergence/tenants.convergence.test.ts.
  guardrails: false,
  gitops: 'none',
  outputPath: 'out',
};

async function scaffolded(isDryRun = false) {
  const c = await makeContext(tenant, { isDryRun });
  await createTenantScaffoldAction({ config: configFor() }).handler(c.ctx);
  return c;
}

describe('paved:kubernetes:apply', () => {
  it('does nothing in a scaffolder dry run', async () => {
    const { workspacePath } = await scaffolded();
    const { ctx, outputs } = await makeContext(
      { cluster: 'double', path: 'out/manifests' },
      { isDryRun: true },
    );
    ctx.workspacePath = workspacePath;
    cluster.clearRequests();
    await createKubernetesApplyAction({ config: configFor() }).handler(ctx);
    expect(cluster.requests.filter(r => r.method !== 'GET')).toEqual([]);
    expect(outputs.created).toBe(0);
  });

  it('uses the server dry run, then applies, then finds everything unchanged', async () => {
    const { workspacePath } = await scaffolded();
    const action = createKubernetesApplyAction({ config: configFor() });
    const run = async (dryRun: boolean) => {
      const { ctx, outputs } = await makeContext({
        cluster: 'double',
        path: 'out/manifests',
        dryRun,
      });
      ctx.workspacePath = workspacePath;
      await action.handler(ctx);
      return outputs;
    };
    const dry = await run(true);
    // Per environment: namespace, 3 policies, 2 roles, 2 bindings, quota,
    // the priority-class quota, limit range and the PodMonitor scrape entry.
    expect(dry.created).toBe(24);
    expect(
      cluster.store.find('v1', 'Namespace', undefined, 'orders-dev'),
    ).toBeUndefined();

    const first = await run(false);
    expect(first.created).toBe(24);
    expect((first.applied as any[])[0]).toEqual({
      object: 'Namespace orders-dev',
      result: 'created',
    });
    expect(
      cluster.store.find('v1', 'ResourceQuota', 'orders-prod', 'tenant-quota'),
    ).toBeDefined();
    expect(
      cluster.store.find(
        'networking.k8s.io/v1',
        'NetworkPolicy',
        'orders-dev',
        'default-deny-all',
      ),
    ).toBeDefined();
    const patch = cluster.requests.find(r => r.method === 'PATCH');
    expect(patch?.query).toMatchObject({
      fieldManager: 'paved-scaffolder',
      force: 'false',
    });

    const second = await run(false);
    expect(
      (second.applied as any[]).filter(a => a.result !== 'unchanged'),
    ).toEqual([]);
    expect(second).toMatchObject({ created: 0, configured: 0, unchanged: 24 });
  });

  it('stops at a failure, naming the object, the Status and what was applied', async () => {
    const { workspacePath } = await scaffolded();
    const { ctx, outputs } = await makeContext({
      cluster: 'double',
      path: 'out/manifests',
    });
    ctx.workspacePath = workspacePath;
    cluster.failNext('/api/v1/namespaces/orders-dev/resourcequotas', 403, {
      method: 'PATCH',
      message: 'quota says no',
    });
    await expect(
      createKubernetesApplyAction({ config: configFor() }).handler(ctx),
    ).rejects.toThrow(
      /ResourceQuota orders-dev\/tenant-quota failed: 403 Forbidden: quota says no\. Already applied: Namespace orders-dev/,
    );
    expect((outputs.applied as any[]).length).toBe(18);
  });

  it('refuses unknown clusters and auth it cannot use server-side', async () => {
    const config = configFor([
      {
        name: 'oidc-one',
        url: 'https://x',
        authProvider: 'oidc',
        oidcTokenProvider: 'okta',
      },
    ]);
    const action = createKubernetesApplyAction({ config });
    const a = await makeContext({ cluster: 'nope', path: '.' });
    await expect(action.handler(a.ctx)).rejects.toThrow(
      /cluster: "nope" is not a cluster.*known: double, oidc-one/,
    );
    const b = await makeContext({ cluster: 'oidc-one', path: '.' });
    await expect(action.handler(b.ctx)).rejects.toThrow(/authProvider "oidc"/);
    const c = await makeContext({ cluster: 'double', path: '../..' });
    await expect(action.handler(c.ctx)).rejects.toThrow(
      /path: .*leaves the workspace/,
    );
  });
});
