/*
 * "Onboard a tenant" end to end: the template file itself, run by the real
 * scaffolder backend with this module, against the local Kubernetes API test
 * double. First the scaffolder's dry run (nothing reaches the cluster), then
 * for real (the tenant's objects exist in the double), then again (every
 * object unchanged).
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_ADMIN_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { scaffolderModulePaved } from './module';

jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, '../../..');
const template = parse(
  readFileSync(path.join(repoRoot, 'templates/tenant/template.yaml'), 'utf8'),
);
const templateRef = `template:default/${template.metadata.name}`;

// What the form sends: the template's defaults, then what the user typed.
const defaults = Object.fromEntries(
  template.spec.parameters.flatMap((page: any) =>
    Object.entries(page.properties ?? {})
      .filter(([, p]: [string, any]) => p.default !== undefined)
      .map(([k, p]: [string, any]) => [k, p.default]),
  ),
);

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
};

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
let cluster: Double;
let backend: Awaited<ReturnType<typeof startTestBackend>>;
let baseUrl: string;

const auth = { Authorization: mockCredentials.user.header() };

async function api(method: string, route: string, body?: unknown) {
  const res = await fetch(`${baseUrl}/api/scaffolder${route}`, {
    method,
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return JSON.parse(text);
}

type TaskEvent = { type: string; body: Record<string, any> };

/** Starts a task from the catalog's template and waits for it to end. */
async function runTask(): Promise<{ status: string; events: TaskEvent[] }> {
  const { id } = await api('POST', '/v2/tasks', { templateRef, values });
  for (let i = 0; i < 600; i++) {
    const task = await api('GET', `/v2/tasks/${id}`);
    if (['completed', 'failed', 'cancelled'].includes(task.status)) {
      const events: TaskEvent[] = await api('GET', `/v2/tasks/${id}/events`);
      return { status: task.status, events };
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`task ${id} did not finish`);
}

const logOf = (events: TaskEvent[]) =>
  events
    .filter(e => e.type === 'log')
    .map(e => `${e.body.stepId ?? ''} ${e.body.message}`)
    .join('\n');

const outputOf = (events: TaskEvent[]) =>
  events.find(e => e.type === 'completion')?.body.output;

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
    found: cluster.store.find(
      apiVersion as string,
      kind as string,
      ns,
      name as string,
    ),
  }));

beforeAll(async () => {
  cluster = await startKubernetesApiTestDouble({ port: 0 });
  backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModulePaved,
      catalogServiceMock.factory({ entities: [template] }),
      mockServices.rootConfig.factory({
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
      }),
    ],
  });
  baseUrl = `http://localhost:${backend.server.port()}`;
});

afterAll(async () => {
  await backend?.stop();
  await cluster?.close();
});

describe('the "Kubernetes cluster baseline" template through the scaffolder backend', () => {
  const baseline = parse(
    readFileSync(
      path.join(repoRoot, 'templates/cluster-baseline/template.yaml'),
      'utf8',
    ),
  );
  const formDefaults = Object.fromEntries(
    baseline.spec.parameters.flatMap((page: any) =>
      Object.entries(page.properties ?? {})
        .filter(([, p]: [string, any]) => p.default !== undefined)
        .map(([k, p]: [string, any]) => [k, p.default]),
    ),
  );

  it.each([1, 2, 3, 4, 5])(
    'dry run at tier %i renders, validates and would apply',
    async tier => {
      cluster.clearRequests();
      const result = await api('POST', '/v2/dry-run', {
        template: baseline,
        values: {
          ...formDefaults,
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
      expect(cluster.requests.filter(r => r.method !== 'GET')).toEqual([]);
    },
  );
});

describe('the "Onboard a tenant" template through the scaffolder backend', () => {
  it('dry run: renders and validates, creates nothing in the cluster', async () => {
    cluster.clearRequests();
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
    expect(cluster.requests.filter(r => r.method !== 'GET')).toEqual([]);
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
    const ns = cluster.store.find(
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
