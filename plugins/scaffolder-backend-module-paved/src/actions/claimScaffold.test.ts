import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_ADMIN_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { listFiles, makeContext } from '../__testUtils__/actionContext';
import { createClaimScaffoldAction } from './claimScaffold';

let cluster: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
beforeAll(async () => {
  cluster = await startKubernetesApiTestDouble({ port: 0 });
});
afterAll(() => cluster.close());

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

const request = {
  cluster: 'double',
  xrd: 'xpostgresqlinstances.platform.paved.dev',
  name: 'orders-db',
  namespace: 'payments',
  owner: 'group:default/payments-team',
  component: 'payments-api',
  parameters: 'size: small\nstorageGB: 50\n',
  team: 'payments-team',
  project: 'shop',
  environment: 'prod',
  costCenter: 'cc-1001',
};

async function run(input: Record<string, unknown>) {
  const c = await makeContext(input);
  const error = await createClaimScaffoldAction({ config: config() })
    .handler(c.ctx)
    .then(
      () => undefined,
      e => e,
    );
  return { ...c, error, files: await listFiles(c.workspacePath) };
}

describe('paved:claim:scaffold', () => {
  it('writes a claim for the XRD read from the cluster, with defaults, owner and cost labels', async () => {
    cluster.clearRequests();
    const { error, files, workspacePath, outputs } = await run(request);
    expect(error).toBeUndefined();
    expect(files).toEqual(['claims/payments/orders-db/claim.yaml']);
    const claim = parse(
      await readFile(path.join(workspacePath, files[0]), 'utf8'),
    );
    expect(claim).toEqual({
      apiVersion: 'platform.paved.dev/v1alpha1',
      kind: 'PostgreSQLInstance',
      metadata: {
        name: 'orders-db',
        namespace: 'payments',
        labels: {
          'app.kubernetes.io/managed-by': 'paved-scaffolder',
          team: 'payments-team',
          project: 'shop',
          environment: 'prod',
          'cost-center': 'cc-1001',
          'backstage.io/kubernetes-id': 'payments-api',
        },
        annotations: {
          'paved.dev/owner': 'group:default/payments-team',
          'paved.dev/xrd': 'xpostgresqlinstances.platform.paved.dev',
        },
      },
      spec: {
        // engineVersion and backupRetentionDays: the XRD's defaults.
        parameters: {
          size: 'small',
          storageGB: 50,
          engineVersion: '16',
          backupRetentionDays: 7,
        },
        compositionRef: { name: 'xpostgresqlinstances-aws' },
        writeConnectionSecretToRef: { name: 'orders-db-conn' },
      },
    });
    expect(outputs).toMatchObject({
      path: 'claims/payments/orders-db',
      kind: 'PostgreSQLInstance',
      claimReference:
        'PostgreSQLInstance.platform.paved.dev/payments/orders-db',
    });
    // Read through discovery, and only read.
    expect(cluster.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /apis/apiextensions.crossplane.io',
      'GET /apis/apiextensions.crossplane.io/v2',
      'GET /apis/apiextensions.crossplane.io/v2/compositeresourcedefinitions/xpostgresqlinstances.platform.paved.dev',
    ]);
  });

  it('writes a v2 namespaced composite with its composition under spec.crossplane', async () => {
    const { error, workspacePath } = await run({
      ...request,
      xrd: 'appbuckets.storage.paved.dev',
      name: 'media',
      namespace: 'checkout',
      parameters: { region: 'eu-west-1' },
    });
    expect(error).toBeUndefined();
    const claim = parse(
      await readFile(
        path.join(workspacePath, 'claims/checkout/media/claim.yaml'),
        'utf8',
      ),
    );
    expect(claim.kind).toBe('AppBucket');
    expect(claim.spec).toEqual({
      region: 'eu-west-1',
      crossplane: { compositionRef: { name: 'appbuckets-aws' } },
    });
  });

  it.each([
    [{ storageGB: 50 }, 'parameters.size: is required by the XRD'],
    [
      { size: 'huge', storageGB: 50 },
      'parameters.size: must be one of "small", "medium", "large"',
    ],
    [{ size: 'small', storageGB: 5 }, 'parameters.storageGB: must be >= 20'],
    [
      { size: 'small', storageGB: 5000 },
      'parameters.storageGB: must be <= 1000',
    ],
    [
      { size: 'small', storageGB: 'lots' },
      'parameters.storageGB: must be integer',
    ],
    [
      { size: 'small', storageGB: 50, iops: 3000 },
      'parameters.iops: is not a field of the XRD',
    ],
    ['size: [', 'parameters: is not valid YAML'],
  ])(
    'refuses %j naming the field, writing nothing',
    async (parameters, message) => {
      const { error, files } = await run({ ...request, parameters });
      expect(error?.name).toBe('InputError');
      expect(error.message).toContain(message);
      expect(files).toEqual([]);
    },
  );

  it('refuses a bad bucket prefix against the XRD pattern', async () => {
    const { error, files } = await run({
      ...request,
      xrd: 'xbuckets.platform.paved.dev',
      parameters: { region: 'eu-west-1', bucketPrefix: 'Not_Valid' },
    });
    expect(error.message).toContain(
      'parameters.bucketPrefix: must match pattern',
    );
    expect(files).toEqual([]);
  });

  it('refuses bad names, an unknown XRD and an unknown cluster, naming each', async () => {
    const bad = await run({
      ...request,
      name: 'Orders_DB',
      costCenter: '',
      owner: 'payments team',
    });
    expect(bad.error.message).toMatch(
      /name: "Orders_DB" is not a DNS-1123 label/,
    );
    expect(bad.error.message).toMatch(
      /costCenter: "" is not a valid label value/,
    );
    expect(bad.error.message).toMatch(
      /owner: "payments team" is not an entity ref/,
    );
    const unknown = await run({
      ...request,
      xrd: 'xqueues.platform.paved.dev',
    });
    expect(unknown.error.message).toBe(
      'xrd: "xqueues.platform.paved.dev" is not a CompositeResourceDefinition on cluster "double"',
    );
    const elsewhere = await run({ ...request, cluster: 'prod' });
    expect(elsewhere.error.message).toMatch(/cluster: "prod" is not a cluster/);
    for (const r of [bad, unknown, elsewhere]) expect(r.files).toEqual([]);
  });

  it('never writes outside the workspace', async () => {
    const { error, files } = await run({ ...request, outputPath: '../escape' });
    expect(error.message).toMatch(/leaves the workspace/);
    expect(files).toEqual([]);
  });
});
