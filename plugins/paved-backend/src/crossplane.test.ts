import { mockCredentials } from '@backstage/backend-test-utils';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { CROSSPLANE_ENTITIES } from './__testUtils__/crossplaneEntities';
import { startPavedTestBackend } from './__testUtils__/testBackend';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

const asUser = { Authorization: mockCredentials.user.header() };
const route = (name: string) =>
  `/api/paved/crossplane/entity/default/component/${name}`;

// The first test loads @kubernetes/client-node through Jest's transform.
jest.setTimeout(60_000);

const byName = (claims: any[], name: string) =>
  claims.find(c => c.root.ref.name === name);
const names = (node: any): string[] =>
  node.children.map((c: any) => c.ref.name);

/** A claim of the faulty entity, whose composite lists what the test needs. */
function faultyClaim(name: string, xr: string): any {
  return {
    apiVersion: 'platform.paved.dev/v1alpha1',
    kind: 'PostgreSQLInstance',
    metadata: {
      name,
      namespace: 'payments',
      labels: { 'backstage.io/kubernetes-id': 'faulty' },
    },
    spec: {
      parameters: { size: 'small', storageGB: 20 },
      resourceRef: {
        apiVersion: 'platform.paved.dev/v1alpha1',
        kind: 'XPostgreSQLInstance',
        name: xr,
      },
    },
    status: {
      conditions: [
        { type: 'Synced', status: 'True', reason: 'ReconcileSuccess' },
        { type: 'Ready', status: 'False', reason: 'Waiting' },
      ],
    },
  };
}

function composite(name: string, refs: object[]): any {
  return {
    apiVersion: 'platform.paved.dev/v1alpha1',
    kind: 'XPostgreSQLInstance',
    metadata: { name },
    spec: {
      compositionRef: { name: 'xpostgresqlinstances-aws' },
      resourceRefs: refs,
    },
    status: {
      conditions: [
        { type: 'Synced', status: 'True', reason: 'ReconcileSuccess' },
        { type: 'Ready', status: 'True', reason: 'Available' },
      ],
    },
  };
}

const s3 = (name: string) => ({
  apiVersion: 's3.aws.upbound.io/v1beta1',
  kind: 'Bucket',
  name,
});

describe('paved backend Crossplane route', () => {
  let double: Double;
  let server: any;

  beforeAll(async () => {
    // Exact fixture times are asserted: keep them as written.
    double = await startKubernetesApiTestDouble({
      port: 0,
      fixtureTimes: 'as-written',
    });
    ({ server } = await startPavedTestBackend(CROSSPLANE_ENTITIES, [
      { name: 'paved-local', url: double.url },
    ]));
  });
  afterAll(() => double.close());

  it('shows a ready v1 claim: claim -> composite -> managed and nested composite', async () => {
    const res = await request(server).get(route('payments-api')).set(asUser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      labelSelector: 'backstage.io/kubernetes-id=payments-api',
    });
    const [cluster] = res.body.clusters;
    expect(cluster.ok).toBe(true);
    expect(cluster.data.problems).toEqual([]);
    const claim = byName(cluster.data.claims, 'payments-db');
    expect(claim).toMatchObject({
      shape: 'v1-claim',
      foundBy: 'label-selector',
      status: 'ready',
      composition: {
        name: 'xpostgresqlinstances-aws',
        found: true,
        mode: 'Pipeline',
      },
      compositionRevision: {
        name: 'xpostgresqlinstances-aws-8f4d2a7',
        found: true,
        revision: 2,
      },
      counts: {
        synced: { True: 5, False: 0, Unknown: 0, Absent: 0 },
        ready: { True: 5, False: 0, Unknown: 0, Absent: 0 },
      },
    });
    expect(claim.firstNotReady).toBeUndefined();
    expect(claim.runbookUrl).toBeUndefined();
    expect(claim.connectionSecrets).toEqual([
      { name: 'payments-db-conn', namespace: 'payments', exists: true },
      {
        name: '5d0c8a2e-payments-db',
        namespace: 'crossplane-system',
        exists: false,
      },
    ]);
    const xr = claim.root.children[0];
    expect(xr).toMatchObject({
      role: 'composite',
      ref: { kind: 'XPostgreSQLInstance', name: 'payments-db-x7k2p' },
      state: 'ready',
      ready: {
        status: 'True',
        reason: 'Available',
        lastTransitionTime: '2026-11-03T15:14:40Z',
      },
    });
    expect(names(xr)).toEqual([
      'payments-db-x7k2p-rds',
      'payments-db-x7k2p-backups',
    ]);
    expect(xr.children[1]).toMatchObject({ role: 'composite', state: 'ready' });
    expect(names(xr.children[1])).toEqual(['payments-db-x7k2p-backups-s3']);
    // Redacted YAML: the inline password in last-applied never travels.
    expect(claim.root.yaml).toContain('kind: PostgreSQLInstance');
    expect(claim.root.yaml).toContain('[redacted]');
  });

  it('shows a failing claim with the managed resource first, its provider error, events and the runbook', async () => {
    const res = await request(server).get(route('ledger-worker')).set(asUser);
    const [cluster] = res.body.clusters;
    const claim = byName(cluster.data.claims, 'ledger-db');
    expect(claim.status).toBe('not-ready');
    expect(claim.firstNotReady).toMatchObject({
      ref: { kind: 'Instance', name: 'ledger-db-q9m4d-rds' },
      role: 'managed',
      condition: 'Synced',
      reason: 'ReconcileError',
      message: expect.stringContaining('Cannot find version 15.1 for postgres'),
    });
    expect(claim.runbookUrl).toBe(
      '/docs/default/system/paved/runbooks/crossplane-claim-not-ready/',
    );
    const xr = claim.root.children[0];
    expect(names(xr)).toEqual([
      'ledger-db-q9m4d-rds',
      'ledger-db-q9m4d-backups',
    ]);
    expect(xr.children[0].events).toEqual([
      expect.objectContaining({
        type: 'Warning',
        reason: 'CannotCreateExternalResource',
        count: 23,
      }),
    ]);
    expect(xr.events[0]).toMatchObject({ reason: 'ComposeResources' });
    expect(claim.root.events[0]).toMatchObject({
      reason: 'ConfigureCompositeResource',
    });
    expect(claim.counts.synced).toEqual({
      True: 4,
      False: 1,
      Unknown: 0,
      Absent: 0,
    });
    expect(claim.counts.ready).toEqual({
      True: 2,
      False: 3,
      Unknown: 0,
      Absent: 0,
    });
    expect(claim.connectionSecrets[0]).toEqual({
      name: 'ledger-db-conn',
      namespace: 'payments',
      exists: false,
    });
    // Lists were scoped to the entity's namespace and labels.
    const claimList = double.requests.find(
      r =>
        r.path ===
        '/apis/platform.paved.dev/v1alpha1/namespaces/payments/postgresqlinstances',
    );
    expect(claimList?.query.labelSelector).toBe(
      'backstage.io/kubernetes-id=ledger-worker',
    );
  });

  it('shows a claim being deleted and a v2 namespaced composite without a claim', async () => {
    const res = await request(server).get(route('checkout-web')).set(asUser);
    const { claims, problems } = res.body.clusters[0].data;
    expect(problems).toEqual([]);
    const deleting = byName(claims, 'checkout-assets-old');
    expect(deleting).toMatchObject({
      shape: 'v1-claim',
      status: 'deleting',
      root: {
        state: 'deleting',
        deleting: {
          since: '2026-11-21T04:30:00Z',
          finalizers: ['finalizer.apiextensions.crossplane.io'],
        },
      },
      firstNotReady: {
        ref: { name: 'checkout-assets-old-2xv8s-s3' },
        message: expect.stringContaining('BucketNotEmpty'),
      },
    });
    const v2 = byName(claims, 'checkout-media');
    expect(v2).toMatchObject({
      shape: 'v2-composite',
      status: 'ready',
      root: {
        role: 'composite',
        ref: { kind: 'AppBucket', namespace: 'checkout' },
      },
      composition: { name: 'appbuckets-aws', found: true },
      compositionRevision: { name: 'appbuckets-aws-c0d9e8f', revision: 1 },
      connectionSecrets: [],
    });
    expect(v2.root.children).toEqual([
      expect.objectContaining({
        role: 'managed',
        state: 'ready',
        ref: expect.objectContaining({
          apiVersion: 's3.aws.m.upbound.io/v1beta1',
          name: 'checkout-media-s3',
          namespace: 'checkout',
        }),
      }),
    ]);
  });

  it('finds claims by annotation and says which references it could not read', async () => {
    const res = await request(server).get(route('annotated')).set(asUser);
    expect(res.status).toBe(200);
    expect(res.body.invalidReferences).toEqual([
      expect.objectContaining({ entry: 'not-a-reference' }),
    ]);
    const { claims, problems } = res.body.clusters[0].data;
    expect(claims.map((c: any) => [c.root.ref.name, c.foundBy])).toEqual([
      ['ledger-db', 'annotation'],
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subject: 'Bucket checkout/gone',
          statusCode: 404,
        }),
        expect.objectContaining({
          subject: 'Widget payments/w',
          message: 'API group example.org is not served by this cluster',
        }),
      ]),
    );
  });

  it('answers an empty list for an entity without claims', async () => {
    const res = await request(server).get(route('empty')).set(asUser);
    expect(res.body.clusters[0].data).toEqual({ claims: [], problems: [] });
    expect(res.body.claimReferences).toEqual([]);
  });

  it('answers 404 for an entity that is not in the catalog', async () => {
    const res = await request(server).get(route('no-such')).set(asUser);
    expect(res.status).toBe(404);
  });
});

describe('Crossplane faults: the card shows what it could read and says what it could not', () => {
  let double: Double;
  let server: any;
  const restrictedToken = 'no-rds-token';

  beforeAll(async () => {
    const many = Array.from({ length: 500 }, (_, i) => s3(`many-${i}`));
    double = await startKubernetesApiTestDouble({
      port: 0,
      objects: [
        faultyClaim('no-composite', 'xr-that-is-gone'),
        faultyClaim('mixed', 'mixed-xr'),
        composite('mixed-xr', [
          s3('ledger-db-q9m4d-backups-s3'),
          s3('deleted-mid-read'),
          {
            apiVersion: 'ec2.aws.upbound.io/v1beta1',
            kind: 'SecurityGroup',
            name: 'sg',
          },
          {
            apiVersion: 's3.aws.upbound.io/v1beta1',
            kind: 'BucketPolicy',
            name: 'p',
          },
          {
            apiVersion: 'rds.aws.upbound.io/v1beta1',
            kind: 'Instance',
            name: 'ledger-db-q9m4d-rds',
          },
          s3('fails-500'),
        ]),
        {
          ...s3('deleted-mid-read'),
          metadata: { name: 'deleted-mid-read' },
          spec: {},
        },
        { ...s3('fails-500'), metadata: { name: 'fails-500' }, spec: {} },
        faultyClaim('huge', 'huge-xr'),
        composite('huge-xr', many),
      ].map(({ name: _n, ...o }: any) => o),
      tokens: {
        [restrictedToken]: {
          user: 'system:serviceaccount:crossplane:no-rds',
          allow: [{ verbs: ['get', 'list'] }],
          deny: [
            {
              apiGroups: ['', 'rds.aws.upbound.io'],
              resources: ['secrets', 'instances'],
            },
          ],
        },
      },
    });
    ({ server } = await startPavedTestBackend(CROSSPLANE_ENTITIES, [
      {
        name: 'paved-local',
        url: double.url,
        serviceAccountToken: restrictedToken,
      },
    ]));
  });
  afterAll(() => double.close());

  it('reports each fault beside what it read', async () => {
    // The managed resource vanishes between the composite's read and its own.
    double.failNext(
      '/apis/s3.aws.upbound.io/v1beta1/buckets/deleted-mid-read',
      404,
      {
        message: 'buckets.s3.aws.upbound.io "deleted-mid-read" not found',
      },
    );
    double.failNext('/apis/s3.aws.upbound.io/v1beta1/buckets/fails-500', 500, {
      message: 'etcdserver: request timed out',
    });
    const res = await request(server).get(route('faulty')).set(asUser);
    expect(res.status).toBe(200);
    const [cluster] = res.body.clusters;
    expect(cluster.ok).toBe(true);
    const { claims, problems } = cluster.data;

    const noComposite = byName(claims, 'no-composite');
    expect(noComposite.status).toBe('not-ready');
    expect(noComposite.root.children[0]).toMatchObject({
      state: 'missing',
      role: 'composite',
      problem: expect.stringContaining('not found'),
    });
    expect(noComposite.firstNotReady).toMatchObject({ reason: 'Missing' });

    const mixed = byName(claims, 'mixed');
    const states = Object.fromEntries(
      mixed.root.children[0].children.map((c: any) => [
        c.ref.name,
        [c.state, c.problem],
      ]),
    );
    expect(states).toEqual({
      'ledger-db-q9m4d-backups-s3': ['ready', undefined],
      'deleted-mid-read': ['missing', expect.stringContaining('not found')],
      sg: [
        'unreadable',
        expect.stringContaining('ec2.aws.upbound.io/v1beta1 is not served'),
      ],
      p: [
        'unreadable',
        expect.stringContaining('Kind BucketPolicy is not served'),
      ],
      'ledger-db-q9m4d-rds': ['unreadable', expect.stringContaining('403')],
      'fails-500': ['unreadable', expect.stringContaining('500')],
    });
    // Not-ready first, then what could not be read, then ready.
    expect(mixed.root.children[0].children.map((c: any) => c.state)).toEqual([
      'missing',
      'unreadable',
      'unreadable',
      'unreadable',
      'unreadable',
      'ready',
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subject: 'Instance ledger-db-q9m4d-rds',
          statusCode: 403,
        }),
        expect.objectContaining({
          subject: 'Bucket fails-500',
          statusCode: 500,
        }),
        expect.objectContaining({
          subject: 'XPostgreSQLInstance huge-xr',
          message:
            'lists 500 composed resources; the first 100 were read, 400 were not',
        }),
      ]),
    );
    const huge = byName(claims, 'huge');
    expect(huge.root.children[0].children).toHaveLength(100);
    // Secrets are forbidden to this token: "could not check", never "absent".
    expect(
      problems.some((p: any) => p.subject.startsWith('connection secret')),
    ).toBe(false);
  });

  it('says a connection secret could not be checked when the cluster forbids it', async () => {
    const res = await request(server).get(route('ledger-worker')).set(asUser);
    const claim = byName(res.body.clusters[0].data.claims, 'ledger-db');
    expect(claim.connectionSecrets[0]).toMatchObject({
      name: 'ledger-db-conn',
      problem: expect.stringContaining('403'),
    });
    expect(claim.connectionSecrets[0].exists).toBeUndefined();
  });
});
