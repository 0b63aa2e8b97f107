import { DEFAULT_ADMIN_TOKEN, DEFAULT_VIEWER_TOKEN } from './auth/tokens';
import { startKubernetesApiTestDouble } from './startServer';

// The Crossplane fixtures are read by Paved through discovery and plain GETs;
// these pin the shapes it depends on.
describe('Crossplane fixtures', () => {
  let double: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
  beforeAll(async () => {
    // Exact fixture times are asserted: keep them as written.
    double = await startKubernetesApiTestDouble({
      port: 0,
      fixtureTimes: 'as-written',
    });
  });
  afterAll(() => double.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${double.url}${path}`, {
      headers: { Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`, ...headers },
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('serves Crossplane, provider and generated kinds through discovery', async () => {
    const groups = (await get('/apis')).body.groups.map((g: any) => g.name);
    expect(groups).toEqual(
      expect.arrayContaining([
        'apiextensions.crossplane.io',
        'platform.paved.dev',
        'storage.paved.dev',
        'rds.aws.upbound.io',
        's3.aws.upbound.io',
        's3.aws.m.upbound.io',
      ]),
    );
    const platform = (await get('/apis/platform.paved.dev/v1alpha1')).body;
    expect(
      platform.resources
        .filter((r: any) => !r.name.includes('/'))
        .map((r: any) => [r.kind, r.name, r.namespaced]),
    ).toEqual(
      expect.arrayContaining([
        ['PostgreSQLInstance', 'postgresqlinstances', true],
        ['XPostgreSQLInstance', 'xpostgresqlinstances', false],
        ['Bucket', 'buckets', true],
        ['XBucket', 'xbuckets', false],
      ]),
    );
  });

  it('has two v1 XRDs with claims and one v2 namespaced XRD', async () => {
    const xrds = (
      await get(
        '/apis/apiextensions.crossplane.io/v1/compositeresourcedefinitions',
      )
    ).body.items;
    expect(
      xrds.map((x: any) => [x.metadata.name, x.spec.claimNames?.kind ?? null]),
    ).toEqual([
      ['appbuckets.storage.paved.dev', null],
      ['xbuckets.platform.paved.dev', 'Bucket'],
      ['xpostgresqlinstances.platform.paved.dev', 'PostgreSQLInstance'],
    ]);
  });

  it('has a ready, a failing and a deleting claim', async () => {
    const claims = (
      await get('/apis/platform.paved.dev/v1alpha1/postgresqlinstances')
    ).body.items;
    const ready = (c: any) =>
      c.status.conditions.find((x: any) => x.type === 'Ready').status;
    expect(claims.map((c: any) => [c.metadata.name, ready(c)])).toEqual([
      ['ledger-db', 'False'],
      ['payments-db', 'True'],
    ]);
    const deleting = (
      await get(
        '/apis/platform.paved.dev/v1alpha1/namespaces/checkout/buckets/checkout-assets-old',
      )
    ).body;
    expect(deleting.metadata.deletionTimestamp).toBe('2026-11-21T04:30:00Z');
    expect(deleting.metadata.finalizers).toEqual([
      'finalizer.apiextensions.crossplane.io',
    ]);
  });

  it('links provider events to the managed resource by uid', async () => {
    const mr = (
      await get(
        '/apis/rds.aws.upbound.io/v1beta1/instances/ledger-db-q9m4d-rds',
      )
    ).body;
    const events = (
      await get(
        `/api/v1/events?fieldSelector=${encodeURIComponent(
          `involvedObject.uid=${mr.metadata.uid}`,
        )}`,
      )
    ).body.items;
    expect(events.map((e: any) => [e.type, e.reason])).toEqual([
      ['Warning', 'CannotCreateExternalResource'],
    ]);
  });

  it('answers a connection secret as PartialObjectMetadata without data, and hides it from the viewer', async () => {
    const path = '/api/v1/namespaces/payments/secrets/payments-db-conn';
    const meta = await get(path, {
      Accept: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
    });
    expect(meta.body.kind).toBe('PartialObjectMetadata');
    expect(meta.body.data).toBeUndefined();
    expect(JSON.stringify(meta.body)).not.toContain('cHZkLXhw');
    const viewer = await get(path, {
      Authorization: `Bearer ${DEFAULT_VIEWER_TOKEN}`,
    });
    expect(viewer.status).toBe(403);
  });
});
