/*
 * "Onboard a tenant" end to end: the template file itself, run by the real
 * scaffolder backend with this module, against the local Kubernetes API test
 * double. First the scaffolder's dry run (nothing reaches the cluster), then
 * for real (the tenant's objects exist in the double), then again (every
 * object unchanged).
 */
import { parseAllDocuments } from 'yaml';
import {
  formDefaults,
  logOf,
  outputOf,
  readTemplate,
  ScaffolderHarness,
  startScaffolderHarness,
  userAuth as auth,
} from './__testUtils__/scaffolderHarness';

jest.setTimeout(120_000);

const template = readTemplate('templates/tenant/template.yaml');
const templateRef = `template:default/${template.metadata.name}`;
const defaults = formDefaults(template);

const values = {
  ...defaults,
  name: 'e2e',
  team: 'e2e-team',
  project: 'shop',
  costCenter: 'cc-9',
  tier: 2,
  environments: ['dev', 'prod'],
  delivery: 'apply',
  cluster: 'double',
  // The double serves no Kyverno CRDs; the guardrails converge in
  // convergence/tenants.convergence.test.ts.
  guardrails: false,
};

let harness: ScaffolderHarness;
const api = (method: string, route: string, body?: unknown) =>
  harness.api(method, route, body);
const runTask = (input: Record<string, unknown> = values) =>
  harness.runTask(templateRef, input);

const tenantObjects = () =>
  [
    ['v1', 'Namespace', undefined, 'e2e-dev'],
    ['v1', 'Namespace', undefined, 'e2e-prod'],
    ['v1', 'ResourceQuota', 'e2e-dev', 'tenant-quota'],
    ['v1', 'ResourceQuota', 'e2e-prod', 'tenant-quota'],
    ['v1', 'LimitRange', 'e2e-prod', 'container-defaults'],
    ['rbac.authorization.k8s.io/v1', 'Role', 'e2e-dev', 'tenant-admin'],
    ['rbac.authorization.k8s.io/v1', 'Role', 'e2e-dev', 'tenant-developer'],
    [
      'rbac.authorization.k8s.io/v1',
      'RoleBinding',
      'e2e-prod',
      'tenant-developer',
    ],
    ['networking.k8s.io/v1', 'NetworkPolicy', 'e2e-dev', 'default-deny-all'],
    ['networking.k8s.io/v1', 'NetworkPolicy', 'e2e-prod', 'allow-dns'],
    ['networking.k8s.io/v1', 'NetworkPolicy', 'e2e-prod', 'allow-same-tenant'],
  ].map(([apiVersion, kind, ns, name]) => ({
    ref: `${kind} ${ns ? `${ns}/` : ''}${name}`,
    found: harness.cluster.store.find(
      apiVersion as string,
      kind as string,
      ns,
      name as string,
    ),
  }));

beforeAll(async () => {
  // The real catalog with Paved's module beside the scaffolder:
  // paved:catalog:register-tenant posts the tenant there (templates still
  // come from the catalog mock).
  harness = await startScaffolderHarness([template], { realCatalog: true });
});

afterAll(() => harness?.stop());

describe('the "Kubernetes cluster baseline" template through the scaffolder backend', () => {
  const baseline = readTemplate('templates/cluster-baseline/template.yaml');
  const baselineDefaults = formDefaults(baseline);

  it.each([1, 2, 3, 4, 5])(
    'dry run at tier %i renders, validates and would apply',
    async tier => {
      harness.cluster.clearRequests();
      const result = await api('POST', '/v2/dry-run', {
        template: baseline,
        values: {
          ...baselineDefaults,
          name: `base-${tier}`,
          tier,
          team: 'platform',
          project: 'paved',
          costCenter: 'cc-1',
          delivery: 'apply',
          cluster: 'double',
        },
        secrets: {},
        directoryContents: [],
      });
      const log = (
        result.log as Array<{ body: { message: string; status?: string } }>
      )
        .map(l => l.body.message)
        .join('\n');
      expect(log).not.toMatch(/error|failed/i);
      expect(log).toMatch(new RegExp(`would apply Namespace .* to double`));
      const files = (result.directoryContents as Array<{ path: string }>).map(
        f => f.path,
      );
      expect(files).toContain(`clusters/base-${tier}/README.md`);
      expect(harness.cluster.requests.filter(r => r.method !== 'GET')).toEqual(
        [],
      );
    },
  );
});

describe('the "Onboard a tenant" template through the scaffolder backend', () => {
  it('dry run: renders and validates, creates nothing in the cluster', async () => {
    harness.cluster.clearRequests();
    const result = await api('POST', '/v2/dry-run', {
      template,
      values,
      secrets: {},
      directoryContents: [],
    });
    const log = (result.log as Array<{ body: { message: string } }>)
      .map(l => l.body.message)
      .join('\n');
    expect(result.steps.map((s: { id: string }) => s.id)).toEqual(
      template.spec.steps.map((s: { id: string }) => s.id),
    );
    expect(log).toMatch(/would apply Namespace e2e-dev to double/);
    const files = (result.directoryContents as Array<{ path: string }>).map(
      f => f.path,
    );
    expect(files).toEqual(
      expect.arrayContaining([
        'tenants/e2e/manifests/namespaces.yaml',
        'tenants/e2e/manifests/resource-limits.yaml',
        'tenants/e2e/catalog-info.yaml',
      ]),
    );
    expect(harness.cluster.requests.filter(r => r.method !== 'GET')).toEqual(
      [],
    );
    expect(
      tenantObjects()
        .filter(o => o.found)
        .map(o => o.ref),
    ).toEqual([]);
  });

  it.each([
    [{ tier: 2 }, []],
    [{ tier: 3 }, ['tenants/e2e/manifests/gitops/appproject.yaml']],
    [
      {
        tier: 2,
        gitops: 'flux',
        gitopsRepoUrl: 'https://github.com/acme/e2e-apps',
      },
      ['tenants/e2e/manifests/gitops/flux.yaml'],
    ],
  ])(
    'dry run with %j writes the GitOps files %j',
    async (patch, gitopsFiles) => {
      const result = await api('POST', '/v2/dry-run', {
        template,
        values: { ...values, ...patch },
        secrets: {},
        directoryContents: [],
      });
      const files = (result.directoryContents as Array<{ path: string }>).map(
        f => f.path,
      );
      expect(files.filter(f => f.includes('/manifests/gitops/'))).toEqual(
        gitopsFiles,
      );
    },
  );

  it('for real: the tenant exists in the cluster afterwards', async () => {
    const { status, events } = await runTask();
    expect({
      status,
      log: status === 'completed' ? '' : logOf(events),
    }).toEqual({
      status: 'completed',
      log: '',
    });
    expect(
      tenantObjects()
        .filter(o => !o.found)
        .map(o => o.ref),
    ).toEqual([]);
    const ns = harness.cluster.store.find(
      'v1',
      'Namespace',
      undefined,
      'e2e-prod',
    ) as any;
    expect(ns.metadata.labels).toMatchObject({
      'paved.dev/tenant': 'e2e',
      'cost-center': 'cc-9',
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
    expect(logOf(events)).toMatch(/Namespace e2e-dev created/);
  });

  it('again: every object is reported unchanged', async () => {
    const { status, events } = await runTask();
    expect(status).toBe('completed');
    const log = logOf(events);
    const applyLines = log
      .split('\n')
      .filter(
        l => /^apply /.test(l) && / (created|configured|unchanged)$/.test(l),
      );
    expect(applyLines.length).toBeGreaterThan(10);
    expect(applyLines.filter(l => !/ unchanged$/.test(l))).toEqual([]);
    expect(JSON.stringify(outputOf(events))).toMatch(/e2e-dev, e2e-prod/);
  });
});

describe('"Onboard a tenant" registers the tenant in the real catalog on the apply path', () => {
  const tenantValues = { ...values, name: 'e2ecat', environments: ['dev'] };
  const entityUrl = () =>
    `${harness.baseUrl}/api/catalog/entities/by-name/resource/default/tenant-e2ecat`;
  const fetchEntity = () => fetch(entityUrl(), { headers: auth });

  const run = () => runTask(tenantValues);

  it('dry run registers nothing', async () => {
    const result = await api('POST', '/v2/dry-run', {
      template,
      values: tenantValues,
      secrets: {},
      directoryContents: [],
    });
    const log = (result.log as Array<{ body: { message: string } }>)
      .map(l => l.body.message)
      .join('\n');
    expect(log).toMatch(
      /would register resource:default\/tenant-e2ecat in the catalog/,
    );
    expect((await fetchEntity()).status).toBe(404);
  });

  it('the apply run registers the tenant entity, and a second run leaves it unchanged', async () => {
    const first = await run();
    expect({ status: first.status, log: logOf(first.events) }).toMatchObject({
      status: 'completed',
      log: expect.stringMatching(
        /register .*resource:default\/tenant-e2ecat created in the catalog/,
      ),
    });
    let entity: any;
    for (let i = 0; i < 120 && !entity; i++) {
      const res = await fetchEntity();
      if (res.status === 200) entity = await res.json();
      else await new Promise(r => setTimeout(r, 250));
    }
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'tenant-e2ecat',
        annotations: {
          'paved.dev/tenant': 'e2ecat',
          'paved.dev/namespaces': 'e2ecat-dev',
          'paved.dev/tier': '2',
          'backstage.io/kubernetes-cluster': 'double',
        },
      },
      spec: { type: 'kubernetes-tenant', owner: 'group:default/e2e-team' },
    });
    expect(outputOf(first.events)?.links).toEqual([
      expect.objectContaining({
        title: 'The tenant in the catalog',
        entityRef: 'resource:default/tenant-e2ecat',
      }),
    ]);
    // The namespaces the entity names exist in the cluster.
    expect(
      harness.cluster.store.find('v1', 'Namespace', undefined, 'e2ecat-dev'),
    ).toBeDefined();

    const second = await run();
    expect(second.status).toBe('completed');
    expect(logOf(second.events)).toMatch(
      /register .*resource:default\/tenant-e2ecat unchanged in the catalog/,
    );
  });
});

describe('"Onboard a tenant" passes the form\'s Crossplane claims to the action', () => {
  const claim = {
    kind: 'PostgreSQLInstance',
    apiVersion: 'database.example.org/v1alpha1',
    name: 'orders-db',
    environment: 'prod',
    parameters: 'storageGB: 20\nversion: "16"\nhighAvailability: true\n',
  };
  const dryRun = (claims: unknown[]) =>
    api('POST', '/v2/dry-run', {
      template,
      values: { ...values, claims },
      secrets: {},
      directoryContents: [],
    });

  it('writes each claim into its environment with typed parameters', async () => {
    const result = await dryRun([
      claim,
      {
        ...claim,
        name: 'cache',
        kind: 'RedisCache',
        environment: undefined,
        parameters: undefined,
      },
    ]);
    const file = (
      result.directoryContents as Array<{ path: string; base64Content: string }>
    ).find(f => f.path === 'tenants/e2e/manifests/claims.yaml');
    expect(file).toBeDefined();
    const docs = parseAllDocuments(
      Buffer.from(file!.base64Content, 'base64').toString('utf8'),
    ).map(d => d.toJS());
    expect(docs).toMatchObject([
      {
        apiVersion: 'database.example.org/v1alpha1',
        kind: 'PostgreSQLInstance',
        metadata: { name: 'orders-db', namespace: 'e2e-prod' },
        spec: {
          parameters: { storageGB: 20, version: '16', highAvailability: true },
          writeConnectionSecretToRef: { name: 'orders-db-connection' },
        },
      },
      {
        kind: 'RedisCache',
        metadata: { name: 'cache', namespace: 'e2e-dev' },
        spec: { parameters: {} },
      },
    ]);
  });

  it.each([
    [{ parameters: '- a\n- b' }, /claims\[0\]\.parameters: must be a mapping/],
    [
      { environment: 'qa' },
      /claims\[0\]\.environment: \\"qa\\" is not one of the tenant's environments/,
    ],
    // The form's own schema refuses this one before the action runs.
    [{ apiVersion: 'v1' }, /claims\[0\]\.apiVersion does not match pattern/],
  ])('refuses %j naming the field', async (patch, message) => {
    await expect(dryRun([{ ...claim, ...patch }])).rejects.toThrow(message);
  });
});
