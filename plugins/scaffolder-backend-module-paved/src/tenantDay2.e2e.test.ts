/*
 * Day 2 end to end: the "Onboard a tenant", "Change a tenant" and "Offboard
 * a tenant" template files, run by the real scaffolder backend with this
 * module beside the real catalog and Paved's catalog module, against the
 * Kubernetes API test double. Each step runs as the scaffolder's dry run
 * first (nothing reaches the cluster or the catalog), then for real, and
 * the catalog reflects it: the entity appears, its annotations change, it
 * goes.
 */
import { DEFAULT_ADMIN_TOKEN } from '@paved/kubernetes-api-test-double';
import { applyManifests } from './apply/applyManifests';
import { crdFor } from './convergence/__testUtils__/simulateCluster';
import {
  formDefaults,
  logOf,
  readTemplate,
  ScaffolderHarness,
  startScaffolderHarness,
  userAuth as auth,
} from './__testUtils__/scaffolderHarness';

jest.setTimeout(180_000);

const onboardTemplate = readTemplate('templates/tenant/template.yaml');
const changeTemplate = readTemplate('templates/tenant-change/template.yaml');
const offboardTemplate = readTemplate(
  'templates/tenant-offboard/template.yaml',
);
const ref = (t: any) => `template:default/${t.metadata.name}`;

// Tier 3 so that the tenant may move to gVisor; guardrails on (the test
// installs the Kyverno Policy CRD, and the double enforces the Policy).
const onboardValues = {
  ...formDefaults(onboardTemplate),
  name: 'day2',
  team: 'day2-team',
  project: 'shop',
  costCenter: 'cc-2',
  tier: 3,
  environments: ['dev', 'prod'],
  gitops: 'none',
  delivery: 'apply',
  cluster: 'double',
};
const changeBase = {
  ...formDefaults(changeTemplate),
  name: 'day2',
  cluster: 'double',
  delivery: 'apply',
};
const offboardBase = {
  ...formDefaults(offboardTemplate),
  name: 'day2',
  cluster: 'double',
};

let harness: ScaffolderHarness;

const dryRun = async (template: any, values: Record<string, unknown>) => {
  const result = await harness.api('POST', '/v2/dry-run', {
    template,
    values,
    secrets: {},
    directoryContents: [],
  });
  return (result.log as Array<{ body: { message: string } }>)
    .map(l => l.body.message)
    .join('\n');
};

/** Requests that could change the cluster (GETs never do). */
const writes = () =>
  harness.cluster.requests
    .filter(r => r.method !== 'GET')
    .map(r => `${r.method} ${r.path}`);

const fetchEntity = async () => {
  const res = await fetch(
    `${harness.baseUrl}/api/catalog/entities/by-name/resource/default/tenant-day2`,
    { headers: auth },
  );
  return res.status === 200 ? res.json() : undefined;
};

/** Waits for the catalog to show what the test expects (it processes in the background). */
async function catalogShows(expected: (entity: any) => boolean): Promise<any> {
  let entity: any;
  for (let i = 0; i < 240; i++) {
    entity = await fetchEntity();
    if (expected(entity)) return entity;
    await new Promise(r => setTimeout(r, 250));
  }
  return entity;
}

const quotaOf = (ns: string) =>
  (harness.cluster.store.find('v1', 'ResourceQuota', ns, 'tenant-quota') as any)
    ?.spec.hard;

beforeAll(async () => {
  harness = await startScaffolderHarness(
    [onboardTemplate, changeTemplate, offboardTemplate],
    { realCatalog: true },
  );
  await applyManifests(
    {
      name: 'double',
      url: harness.cluster.url,
      authProvider: 'serviceAccount',
      serviceAccountToken: DEFAULT_ADMIN_TOKEN,
      skipTLSVerify: false,
    },
    [
      crdFor({
        group: 'kyverno.io',
        version: 'v1',
        kind: 'Policy',
        plural: 'policies',
        namespaced: true,
      }) as any,
    ],
    { force: false, dryRun: false },
  );
});
afterAll(() => harness?.stop());
beforeEach(() => harness.cluster.clearRequests());

describe('onboard, change and offboard a tenant through the scaffolder', () => {
  it('onboard: the dry run creates nothing; the run puts the tenant in the cluster and the catalog', async () => {
    const log = await dryRun(onboardTemplate, onboardValues);
    expect(log).toMatch(/would apply Namespace day2-dev to double/);
    expect(writes()).toEqual([]);
    expect(await fetchEntity()).toBeUndefined();

    const run = await harness.runTask(ref(onboardTemplate), onboardValues);
    expect({ status: run.status, log: logOf(run.events) }).toMatchObject({
      status: 'completed',
    });
    const entity = await catalogShows(e => !!e);
    expect(entity?.metadata.annotations).toMatchObject({
      'paved.dev/tenant': 'day2',
      'paved.dev/isolation': 'namespace',
      'paved.dev/namespaces': 'day2-dev,day2-prod',
    });
    expect(
      harness.cluster.store.find(
        'kyverno.io/v1',
        'Policy',
        'day2-dev',
        'tenant-guardrails',
      ),
    ).toBeDefined();
  });

  it('change: a quota below current use is refused in the dry run, naming the namespace', async () => {
    // What the quota controller reports once workloads run.
    const q = harness.cluster.store.find(
      'v1',
      'ResourceQuota',
      'day2-dev',
      'tenant-quota',
    ) as any;
    harness.cluster.store.put({
      ...q,
      status: { hard: q.spec.hard, used: { 'requests.cpu': '3', pods: '4' } },
    });
    await expect(
      dryRun(changeTemplate, { ...changeBase, quotaCpu: '2', preview: false }),
    ).rejects.toThrow(
      /QuotaBelowUseError.*day2-dev requests\.cpu uses 3, the new quota allows 2/,
    );
    expect(writes()).toEqual([]);
  });

  const change = {
    ...changeBase,
    quotaCpu: '6',
    developerGroup: 'day2-engineers',
    isolationLevel: 'sandboxed',
  };

  it('change: the dry run and the preview show the diff and change nothing', async () => {
    const log = await dryRun(changeTemplate, { ...change, preview: false });
    expect(log).toContain('~ ResourceQuota day2-dev/tenant-quota');
    expect(log).toContain('    spec.hard.requests.cpu: "4" -> "6"');
    expect(log).toContain('~ RoleBinding day2-prod/tenant-developer');
    expect(log).toContain('~ Policy day2-dev/tenant-guardrails');
    expect(log).toMatch(/would register resource:default\/tenant-day2/);

    const preview = await harness.runTask(ref(changeTemplate), {
      ...change,
      preview: true,
    });
    expect(preview.status).toBe('completed');
    expect(logOf(preview.events)).toContain(
      'dryRun: nothing was written or applied',
    );
    // Quotas, developer bindings and guardrails (gVisor) in both
    // namespaces; nothing else differs from the cluster.
    expect(logOf(preview.events)).toMatch(
      /Tenant day2: 0 added, 6 changed, 0 removed, \d+ unchanged/,
    );
    expect(writes()).toEqual([]);
    expect(quotaOf('day2-dev')['requests.cpu']).toBe('4');
    expect(
      (await fetchEntity())?.metadata.annotations['paved.dev/isolation'],
    ).toBe('namespace');
  });

  it('change: the run applies it and the catalog entity follows', async () => {
    const run = await harness.runTask(ref(changeTemplate), {
      ...change,
      preview: false,
    });
    expect({ status: run.status, log: logOf(run.events) }).toMatchObject({
      status: 'completed',
      log: expect.stringMatching(
        /register .*resource:default\/tenant-day2 updated in the catalog/,
      ),
    });
    expect(quotaOf('day2-prod')).toMatchObject({
      'requests.cpu': '6',
      'limits.cpu': '6',
    });
    const binding = harness.cluster.store.find(
      'rbac.authorization.k8s.io/v1',
      'RoleBinding',
      'day2-dev',
      'tenant-developer',
    ) as any;
    expect(binding.subjects.map((s: any) => s.name)).toEqual([
      'day2-engineers',
    ]);
    const policy = harness.cluster.store.find(
      'kyverno.io/v1',
      'Policy',
      'day2-dev',
      'tenant-guardrails',
    ) as any;
    expect(policy.spec.rules.map((r: any) => r.name)).toContain(
      'require-gvisor',
    );
    const entity = await catalogShows(
      e => e?.metadata.annotations['paved.dev/isolation'] === 'sandboxed',
    );
    expect(entity?.metadata.annotations['paved.dev/isolation']).toBe(
      'sandboxed',
    );
  });

  it('offboard: refused while a Pod runs; the dry run lists what would go and deletes nothing', async () => {
    harness.cluster.store.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'day2-api-1', namespace: 'day2-dev' },
      spec: { containers: [{ name: 'api', image: 'busybox:1.36' }] },
      status: { phase: 'Running' },
    } as any);
    await expect(
      dryRun(offboardTemplate, { ...offboardBase, preview: false }),
    ).rejects.toThrow(
      /WorkloadsRunningError.*day2-dev\/day2-api-1 \(Running\)/,
    );

    const refused = await harness.runTask(ref(offboardTemplate), {
      ...offboardBase,
      preview: false,
    });
    expect(refused.status).toBe('failed');
    expect(logOf(refused.events)).toMatch(/day2-dev\/day2-api-1 \(Running\)/);

    const log = await dryRun(offboardTemplate, {
      ...offboardBase,
      preview: false,
      force: true,
    });
    expect(log).toContain('would delete Policy day2-dev/tenant-guardrails');
    expect(log).toMatch(
      /would delete Namespace day2-dev\n.*would delete Namespace day2-prod\n.*would remove resource:default\/tenant-day2 from the catalog/,
    );
    expect(writes()).toEqual([]);
    expect(await fetchEntity()).toBeDefined();
  });

  it('offboard: with force the tenant leaves the cluster, then the catalog', async () => {
    const run = await harness.runTask(ref(offboardTemplate), {
      ...offboardBase,
      preview: false,
      force: true,
    });
    expect({ status: run.status, log: logOf(run.events) }).toMatchObject({
      status: 'completed',
      log: expect.stringContaining(
        'resource:default/tenant-day2 removed from the catalog',
      ),
    });
    const deletes = writes();
    expect(deletes.slice(-2)).toEqual([
      'DELETE /api/v1/namespaces/day2-dev',
      'DELETE /api/v1/namespaces/day2-prod',
    ]);
    for (const ns of ['day2-dev', 'day2-prod'])
      expect(
        harness.cluster.store.find('v1', 'Namespace', undefined, ns),
      ).toBeUndefined();
    expect(await catalogShows(e => e === undefined)).toBeUndefined();
    // Day 2 never asked the cluster for a Secret.
    expect(
      harness.cluster.requests.filter(r => /\/secrets\b/.test(r.path)),
    ).toEqual([]);
  });
});
