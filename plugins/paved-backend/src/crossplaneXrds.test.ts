import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { CROSSPLANE_ENTITIES } from './__testUtils__/crossplaneEntities';
import { startPavedTestBackend } from './__testUtils__/testBackend';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

const asUser = { Authorization: mockCredentials.user.header() };
const route = (cluster: string) => `/api/paved/crossplane/xrds/${cluster}`;
const CROSSPLANE_GROUP = 'apiextensions.crossplane.io';

// The first test loads @kubernetes/client-node through Jest's transform.
jest.setTimeout(60_000);

/** A cluster-scoped v2 XRD without claims: only the platform creates these. */
const platformOnlyXrd = {
  apiVersion: `${CROSSPLANE_GROUP}/v2`,
  kind: 'CompositeResourceDefinition',
  metadata: { name: 'xnetworks.platform.paved.dev' },
  spec: {
    group: 'platform.paved.dev',
    scope: 'Cluster',
    names: { kind: 'XNetwork', plural: 'xnetworks' },
    versions: [
      {
        name: 'v1alpha1',
        served: true,
        referenceable: true,
        schema: { openAPIV3Schema: { type: 'object' } },
      },
    ],
  },
};

/** Removes Crossplane's CRDs, and with them its API group, from a double. */
function uninstallCrossplane(double: Double): void {
  const crd = double.store.resourceFor(
    'apiextensions.k8s.io/v1',
    'CustomResourceDefinition',
  );
  const crossplaneCrds = double.store
    .listObjects('apiextensions.k8s.io/v1', 'CustomResourceDefinition')
    .filter((o: any) => o.spec?.group === CROSSPLANE_GROUP);
  expect(crossplaneCrds.length).toBeGreaterThan(0);
  for (const o of crossplaneCrds) {
    double.store.delete(crd, undefined, o.metadata.name!);
  }
}

describe('GET /crossplane/xrds/:cluster', () => {
  let double: Double;
  let bare: Double;
  let server: any;

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({
      port: 0,
      objects: [platformOnlyXrd],
    });
    bare = await startKubernetesApiTestDouble({ port: 0 });
    uninstallCrossplane(bare);
    ({ server } = await startPavedTestBackend(
      CROSSPLANE_ENTITIES,
      [
        { name: 'paved-local', url: double.url },
        { name: 'bare', url: bare.url },
      ],
      {
        // Every call measured afresh: no cached answers between tests.
        health: { cacheTtl: 0 },
        // bob may read health but not Crossplane.
        permissions: (name, user) =>
          name === 'paved.crossplane.read' && user === 'user:default/bob'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      },
    ));
  });
  afterAll(async () => {
    await double.close();
    await bare.close();
  });

  it('lists the XRDs a team can request, sorted by title, with their parameter schemas', async () => {
    double.clearRequests();
    const res = await request(server).get(route('paved-local')).set(asUser);
    expect(res.status).toBe(200);
    // The convention of every other route: one result per cluster.
    expect(res.body.cluster).toBe('paved-local');
    expect(res.body.clusters).toHaveLength(1);
    const [result] = res.body.clusters;
    expect(result).toMatchObject({ cluster: 'paved-local', ok: true });
    expect(result.data.crossplane).toBe(true);
    expect(result.data.message).toBeUndefined();
    const { offers } = result.data;
    // The cluster-scoped XRD without claims is not offered.
    // Titled by their paved.dev/title annotations.
    expect(offers.map((o: any) => [o.title, o.kind, o.style])).toEqual([
      ['Application bucket (Crossplane v2)', 'AppBucket', 'v2-namespaced'],
      ['PostgreSQL database', 'PostgreSQLInstance', 'v1-claim'],
      ['S3 bucket', 'Bucket', 'v1-claim'],
    ]);

    const [appBucket, postgres, bucket] = offers;
    expect(postgres).toMatchObject({
      name: 'xpostgresqlinstances.platform.paved.dev',
      description:
        'A PostgreSQL database (Amazon RDS) with its connection secret.',
      group: 'platform.paved.dev',
      version: 'v1alpha1',
      apiVersion: 'platform.paved.dev/v1alpha1',
      established: true,
      defaultComposition: 'xpostgresqlinstances-aws',
      parametersWrapped: true,
    });
    expect(postgres.parameters.required).toEqual(['size', 'storageGB']);
    expect(postgres.parameters.properties.storageGB).toEqual({
      type: 'integer',
      description: 'Allocated storage in GiB.',
      minimum: 20,
      maximum: 1000,
    });
    expect(postgres.parameters.properties.size).toMatchObject({
      type: 'string',
      enum: ['small', 'medium', 'large'],
    });
    expect(postgres.parameters.properties.engineVersion.default).toBe('16');

    expect(bucket).toMatchObject({
      kind: 'Bucket',
      defaultComposition: 'xbuckets-aws',
      parametersWrapped: true,
      parameters: {
        required: ['region'],
        properties: {
          bucketPrefix: { pattern: '^[a-z0-9][a-z0-9-]{2,30}$' },
          versioning: { type: 'boolean', default: false },
        },
      },
    });

    expect(appBucket).toMatchObject({
      apiVersion: 'storage.paved.dev/v1alpha1',
      established: true,
      defaultComposition: 'appbuckets-aws',
      parametersWrapped: false,
      parameters: {
        type: 'object',
        properties: {
          region: {
            type: 'string',
            enum: ['eu-west-1', 'eu-central-1', 'us-east-1'],
          },
        },
      },
    });
    expect(appBucket.description).toBeUndefined();

    // Discovery (the group list, then Crossplane's version document), then
    // the XRD list: nothing else, and never a Secret.
    const paths = double.requests.map(r => r.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/apis',
        expect.stringMatching(/^\/apis\/apiextensions\.crossplane\.io\/v\d/),
      ]),
    );
    expect(paths.some(p => p.includes('/secrets'))).toBe(false);
    expect(double.requests.every(r => r.method === 'GET')).toBe(true);
    expect(
      paths.every(
        p => p === '/apis' || p.startsWith(`/apis/${CROSSPLANE_GROUP}/`),
      ),
    ).toBe(true);
  });

  it('says plainly when the cluster has no Crossplane', async () => {
    const res = await request(server).get(route('bare')).set(asUser);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      cluster: 'bare',
      clusters: [
        {
          cluster: 'bare',
          ok: true,
          data: {
            crossplane: false,
            offers: [],
            message:
              'Crossplane is not installed on bare (no apiextensions.crossplane.io API group)',
          },
          apiLatency: expect.anything(),
        },
      ],
    });
  });

  it('answers 404 naming a cluster the Kubernetes backend does not know', async () => {
    const res = await request(server).get(route('nowhere')).set(asUser);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain("'nowhere'");
  });

  // Like every other route (issue #13): a cluster's refusal or failure is
  // that cluster's result in a 200, not the route's status.
  it('answers 200 with the cluster error when the cluster refuses the read', async () => {
    double.failNext(`/apis/${CROSSPLANE_GROUP}/`, 403, {
      message:
        'compositeresourcedefinitions.apiextensions.crossplane.io is forbidden',
    });
    const res = await request(server).get(route('paved-local')).set(asUser);
    expect(res.status).toBe(200);
    expect(res.body.cluster).toBe('paved-local');
    const [result] = res.body.clusters;
    expect(result).toMatchObject({
      cluster: 'paved-local',
      ok: false,
      error: { statusCode: 403 },
    });
    expect(result.error.message).toContain('forbidden');
    expect(result.data).toBeUndefined();
  });

  it('answers 200 with the cluster error when the cluster fails', async () => {
    double.failNext(`/apis/${CROSSPLANE_GROUP}`, 500, {
      message: 'etcdserver: request timed out',
    });
    const res = await request(server).get(route('paved-local')).set(asUser);
    expect(res.status).toBe(200);
    const [result] = res.body.clusters;
    expect(result).toMatchObject({
      cluster: 'paved-local',
      ok: false,
      error: { statusCode: 500 },
    });
    expect(result.error.message).toContain('etcdserver');
  });

  it('refuses a user without paved.crossplane.read and calls no cluster', async () => {
    double.clearRequests();
    const res = await request(server)
      .get(route('paved-local'))
      .set({ Authorization: mockCredentials.user.header('user:default/bob') });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('paved.crossplane.read');
    expect(double.requests).toEqual([]);
  });

  it('refuses service callers: XRDs are read on behalf of a user', async () => {
    const res = await request(server)
      .get(route('paved-local'))
      .set({ Authorization: mockCredentials.service.header() });
    expect(res.status).toBe(403);
  });
});
