import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { CROSSPLANE_ENTITIES } from '../../__testUtils__/crossplaneEntities';
import { startPavedTestBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

const route = (name: string, view = '') =>
  `/api/paved/crossplane/entity/default/component/${name}${view}`;
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${user}`),
});
const nodes = (node: any): any[] => [node, ...node.children.flatMap(nodes)];

describe('Crossplane listing, YAML and events are separate permissions', () => {
  let double: Double;
  let server: any;

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
    // lister: the tree only; yamler: + YAML; eventer: + events; nobody: none.
    const grants: Record<string, string[]> = {
      'user:default/lister': ['paved.crossplane.read'],
      'user:default/yamler': [
        'paved.crossplane.read',
        'paved.crossplane.yaml.read',
      ],
      'user:default/eventer': [
        'paved.crossplane.read',
        'paved.crossplane.events.read',
      ],
    };
    ({ server } = await startPavedTestBackend(
      CROSSPLANE_ENTITIES,
      [{ name: 'paved-local', url: double.url }],
      {
        permissions: (name, user) =>
          !name.startsWith('paved.crossplane.') ||
          (grants[user ?? ''] ?? []).includes(name)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      },
    ));
  });
  afterAll(() => double.close());

  it('gives the lister the tree without YAML or events, and 403 for both views', async () => {
    const tree = await request(server)
      .get(route('ledger-worker'))
      .set(as('lister'));
    expect(tree.status).toBe(200);
    expect(tree.body.access).toEqual({ yaml: false, events: false });
    const all = nodes(tree.body.clusters[0].data.claims[0].root);
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.every(n => n.yaml === undefined && n.events.length === 0)).toBe(
      true,
    );
    // The tree's facts stay: the failing managed resource and its reason.
    expect(tree.body.clusters[0].data.claims[0].firstNotReady).toMatchObject({
      reason: 'ReconcileError',
    });

    for (const view of ['/yaml', '/events']) {
      const res = await request(server)
        .get(route('ledger-worker', view))
        .set(as('lister'));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(
        `paved.crossplane.${view.slice(1)}.read`,
      );
    }
    // The panels are part of listing.
    const details = await request(server)
      .get(route('ledger-worker', '/details'))
      .set(as('lister'));
    expect(details.status).toBe(200);
  });

  it('gives YAML, redacted, only to a holder of paved.crossplane.yaml.read', async () => {
    const res = await request(server)
      .get(route('ledger-worker', '/yaml'))
      .set(as('yamler'));
    expect(res.status).toBe(200);
    const objects = res.body.clusters[0].data.objects;
    const rds = objects.find((o: any) => o.ref.name === 'ledger-db-q9m4d-rds');
    expect(rds.yaml).toContain('kind: Instance');
    expect(objects.map((o: any) => o.yaml).join('\n')).not.toMatch(
      /pvd-xp-7Hq2LmV9sR4t/,
    );
    const tree = await request(server)
      .get(route('ledger-worker'))
      .set(as('yamler'));
    expect(tree.body.access).toEqual({ yaml: true, events: false });
    expect(tree.body.clusters[0].data.claims[0].root.yaml).toContain(
      'kind: PostgreSQLInstance',
    );
    const events = await request(server)
      .get(route('ledger-worker', '/events'))
      .set(as('yamler'));
    expect(events.status).toBe(403);
  });

  it('gives events only to a holder of paved.crossplane.events.read', async () => {
    const res = await request(server)
      .get(route('ledger-worker', '/events'))
      .set(as('eventer'));
    expect(res.status).toBe(200);
    const rds = res.body.clusters[0].data.objects.find(
      (o: any) => o.ref.name === 'ledger-db-q9m4d-rds',
    );
    expect(rds.events[0]).toMatchObject({ type: 'Warning' });
    expect(
      (
        await request(server)
          .get(route('ledger-worker', '/yaml'))
          .set(as('eventer'))
      ).status,
    ).toBe(403);
  });

  it('refuses every view without the listing permission, reading no cluster', async () => {
    double.clearRequests();
    for (const view of ['', '/yaml', '/events', '/details']) {
      const res = await request(server)
        .get(route('ledger-worker', view))
        .set(as('nobody'));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('paved.crossplane.read');
    }
    expect(double.requests).toEqual([]);
  });
});

describe('the panels behind a claim, against the double', () => {
  let double: Double;
  let restricted: Double;
  let server: any;
  const noProviders = 'paved-no-providers-token';

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
    // Its own tokens replace the double's defaults: a second double.
    restricted = await startKubernetesApiTestDouble({
      port: 0,
      tokens: {
        [noProviders]: {
          user: 'system:serviceaccount:paved:no-providers',
          allow: [{ verbs: ['get', 'list'] }],
          deny: [
            {
              apiGroups: ['pkg.crossplane.io'],
              resources: ['providers'],
            },
          ],
        },
      },
    });
    ({ server } = await startPavedTestBackend(CROSSPLANE_ENTITIES, [
      { name: 'paved-local', url: double.url },
      {
        name: 'no-providers',
        url: restricted.url,
        serviceAccountToken: noProviders,
      },
    ]));
  });
  afterAll(() => Promise.all([double.close(), restricted.close()]));

  const detailsOf = async (entity: string, cluster = 'paved-local') => {
    const res = await request(server)
      .get(route(entity, '/details'))
      .set({ Authorization: mockCredentials.user.header() });
    expect(res.status).toBe(200);
    const result = res.body.clusters.find((c: any) => c.cluster === cluster);
    expect(result.error).toBeUndefined();
    return result.data.claims;
  };

  it("shows ledger-db's XRD, pipeline, revision, unhealthy RDS provider and functions", async () => {
    const [claim] = await detailsOf('ledger-worker');
    expect(claim.claim).toMatchObject({
      kind: 'PostgreSQLInstance',
      name: 'ledger-db',
    });
    expect(claim.xrd).toMatchObject({
      ok: true,
      value: {
        name: 'xpostgresqlinstances.platform.paved.dev',
        kind: 'XPostgreSQLInstance',
        claimKind: 'PostgreSQLInstance',
        established: { status: 'True' },
        versions: [
          {
            name: 'v1alpha1',
            served: true,
            referenceable: true,
            specProperties: ['parameters'],
          },
        ],
      },
    });
    expect(claim.composition).toEqual({
      ok: true,
      value: {
        name: 'xpostgresqlinstances-aws',
        mode: 'Pipeline',
        compositeType: 'XPostgreSQLInstance (platform.paved.dev/v1alpha1)',
        steps: [
          { step: 'compose', functionRef: 'function-patch-and-transform' },
          { step: 'ready', functionRef: 'function-auto-ready' },
        ],
        resources: [],
      },
    });
    expect(claim.compositionRevision.value).toMatchObject({
      revision: 2,
      latestRevision: 2,
    });
    const { providers, unmatchedGroups } = claim.providers.value;
    expect(unmatchedGroups).toEqual([]);
    expect(
      providers.map((p: any) => [p.name, p.healthy.status, p.revision]),
    ).toEqual([
      ['provider-aws-rds', 'False', 2],
      ['provider-aws-s3', 'True', 1],
    ]);
    expect(providers[0]).toMatchObject({
      installed: { status: 'True' },
      healthy: { reason: 'UnhealthyPackageRevision' },
      currentRevision: 'provider-aws-rds-e4f5a6b7c8d9',
      groups: ['rds.aws.upbound.io'],
    });
    expect(
      claim.functions.value.map((f: any) => [
        f.name,
        f.found,
        f.healthy.status,
      ]),
    ).toEqual([
      ['function-patch-and-transform', true, 'True'],
      ['function-auto-ready', true, 'True'],
    ]);
  });

  it("finds a v2 composite's XRD and its namespaced managed resources' provider", async () => {
    const claims = await detailsOf('checkout-web');
    const media = claims.find((c: any) => c.claim.name === 'checkout-media');
    expect(media.xrd.value).toMatchObject({
      name: 'appbuckets.storage.paved.dev',
      scope: 'Namespaced',
    });
    expect(media.providers.value.providers.map((p: any) => p.name)).toEqual([
      'provider-aws-s3',
    ]);
  });

  it('shows a 403 on Providers in that panel only', async () => {
    const [claim] = await detailsOf('ledger-worker', 'no-providers');
    expect(claim.providers).toMatchObject({
      ok: false,
      statusCode: 403,
      problem: expect.stringContaining('not allowed to read Providers'),
    });
    expect(claim.xrd.ok).toBe(true);
    expect(claim.composition.ok).toBe(true);
    expect(claim.functions.ok).toBe(true);
  });
});
