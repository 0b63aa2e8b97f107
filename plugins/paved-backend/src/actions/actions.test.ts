import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { CROSSPLANE_ENTITIES } from '../__testUtils__/crossplaneEntities';
import { startPavedTestBackend } from '../__testUtils__/testBackend';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
type Server = Awaited<ReturnType<typeof startPavedTestBackend>>['server'];

// The first proxy call loads @kubernetes/client-node through Jest's transform.
jest.setTimeout(120_000);

const ACTIONS = '/api/paved/.backstage/actions/v1/actions';
const invokePath = (name: string) =>
  `${ACTIONS}/${encodeURIComponent(`paved:${name}`)}/invoke`;

const DENIED_USER = 'user:default/outsider';
const asDeveloper = { Authorization: mockCredentials.user.header() };
const asDenied = { Authorization: mockCredentials.user.header(DENIED_USER) };
const asService = { Authorization: mockCredentials.service.header() };
const asNobody = { Authorization: mockCredentials.none.header() };

const tenant: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'tenant-payments',
    namespace: 'default',
    annotations: {
      'paved.dev/tenant': 'payments',
      'paved.dev/tier': '3',
      'paved.dev/namespaces': 'payments',
    },
  },
  spec: { type: 'kubernetes-tenant', owner: 'group:default/team-payments' },
};

const adr = (
  name: string,
  spec: Record<string, unknown>,
  about: string[],
): Entity => ({
  apiVersion: 'paved.dev/v1alpha1',
  kind: 'ADR',
  metadata: { name, namespace: 'default', title: `Title of ${name}` },
  spec: { owner: 'team-payments', ...spec },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/team-payments' },
    ...about.map(targetRef => ({ type: 'decidesAbout', targetRef })),
  ],
});

const item = (id: string, status: string, dependsOn?: string[]) => ({
  id,
  title: `Item ${id}`,
  status,
  ...(dependsOn ? { dependsOn } : {}),
  progress: { done: 0, total: 0 },
});

const ROADMAP: Entity = {
  apiVersion: 'paved.dev/v1alpha1',
  kind: 'Roadmap',
  metadata: { name: 'platform', namespace: 'default', title: 'Platform' },
  spec: {
    owner: 'platform',
    phases: [
      {
        title: 'Phase 1',
        progress: { done: 0, total: 0 },
        items: [item('1.1', 'done'), item('1.2', 'in-progress')],
      },
      {
        title: 'Phase 2',
        progress: { done: 0, total: 0 },
        items: [
          item('2.1', 'planned', ['1.1']),
          item('2.2', 'planned', ['1.1', '1.2']),
          item('2.3', 'blocked'),
          item('2.4', 'planned', ['roadmap:default/other#K8S-12']),
          item('2.5', 'done', ['1.2']),
        ],
      },
    ],
  },
};

const ENTITIES: Entity[] = [
  ...CROSSPLANE_ENTITIES,
  tenant,
  adr(
    'adr-0001-use-sqlite',
    { status: 'superseded', number: 1, date: '2024-01-10' },
    ['component:default/payments-api'],
  ),
  adr(
    'adr-0002-use-postgresql',
    { status: 'accepted', number: 2, date: '2024-03-02' },
    ['component:default/payments-api', 'component:default/ledger-worker'],
  ),
  adr('adr-0003-other', { status: 'accepted', number: 3 }, [
    'component:default/checkout-web',
  ]),
  ROADMAP,
];

/** Every action with an input that the double's fixtures answer. */
const CLUSTER_CALLS: {
  name: string;
  input: Record<string, unknown>;
  route: string;
  permission: string;
}[] = [
  {
    name: 'get-component-health',
    input: { entityRef: 'component:default/ledger-worker' },
    route: '/api/paved/health/entity/default/component/ledger-worker',
    permission: 'paved.health.read',
  },
  {
    name: 'get-cluster-health',
    input: { cluster: 'paved-local' },
    route: '/api/paved/health/cluster/paved-local',
    permission: 'paved.health.read',
  },
  {
    name: 'get-conformance',
    input: { entityRef: 'resource:default/tenant-payments' },
    route: '/api/paved/conformance/entity/default/resource/tenant-payments',
    permission: 'paved.conformance.read',
  },
  {
    name: 'get-entity-cost',
    input: { entityRef: 'component:default/payments-api', window: 'last7d' },
    route:
      '/api/paved/cost/entity/default/component/payments-api?window=last7d',
    permission: 'paved.cost.read',
  },
  {
    name: 'get-crossplane-claims',
    input: { entityRef: 'component:default/annotated' },
    route: '/api/paved/crossplane/entity/default/component/annotated',
    permission: 'paved.crossplane.read',
  },
];

const CATALOG_CALLS = [
  {
    name: 'find-adrs-by-subject',
    input: { subject: 'component:default/payments-api' },
  },
  { name: 'list-blocked-roadmap-items', input: {} },
];

describe("Paved's actions through the actions registry's HTTP interface", () => {
  let double: Double;
  let server: Server;
  /** With the services' answer caches on (per user, per method and input). */
  let caching: Server;
  /** Names of the permissions asked for, by whom. */
  let asked: { permission: string; user?: string }[];
  /** One more permission the policy denies one user. */
  let denyFor: { user: string; permission: string } | undefined;

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
    ({ server } = await startPavedTestBackend(
      ENTITIES,
      [{ name: 'paved-local', url: double.url }],
      {
        permissions: (permission, user) => {
          asked.push({ permission, user });
          const denied =
            user === DENIED_USER ||
            (user === denyFor?.user && permission === denyFor?.permission);
          return denied ? AuthorizeResult.DENY : AuthorizeResult.ALLOW;
        },
        // Fresh answers: every call reaches the cluster.
        health: { cacheTtl: 0 },
      },
    ));
    ({ server: caching } = await startPavedTestBackend(
      ENTITIES,
      [{ name: 'paved-local', url: double.url }],
      {
        permissions: AuthorizeResult.ALLOW,
        health: { cacheTtl: { minutes: 10 } },
        cost: { cacheTtl: { minutes: 10 } },
      },
    ));
  });
  afterAll(async () => {
    await double.close();
  });
  beforeEach(() => {
    asked = [];
    denyFor = undefined;
    double.clearRequests();
    double.clearFaults();
  });

  it('lists seven actions, each read-only, idempotent, not destructive, with input and output schemas', async () => {
    const res = await request(server).get(ACTIONS).set(asDeveloper);
    expect(res.status).toBe(200);
    const actions: any[] = res.body.actions;
    expect(actions.map(a => a.id).sort()).toEqual(
      [...CLUSTER_CALLS, ...CATALOG_CALLS].map(c => `paved:${c.name}`).sort(),
    );
    for (const action of actions) {
      expect(action).toMatchObject({
        pluginId: 'paved',
        attributes: { readOnly: true, destructive: false, idempotent: true },
      });
      expect(action.description.length).toBeGreaterThan(80);
      expect(action.schema.input.type).toBe('object');
      expect(action.schema.output.type).toBe('object');
    }
    const health = actions.find(a => a.name === 'get-component-health');
    expect(health.schema.input.required).toEqual(['entityRef']);
    const cost = actions.find(a => a.name === 'get-entity-cost');
    expect(cost.schema.input.properties.window.enum).toEqual(
      expect.arrayContaining(['last7d', 'last30d', 'mtd']),
    );
    expect(cost.schema.input.properties.window.enum).not.toContain('custom');
  });

  it.each(CLUSTER_CALLS)(
    "$name as a developer asks the route's permission for that user and reads the cluster",
    async ({ name, input, permission }) => {
      const invoked = await request(server)
        .post(invokePath(name))
        .set(asDeveloper)
        .send(input);
      expect(invoked.status).toBe(200);
      expect(asked).toContainEqual({ permission, user: 'user:default/mock' });
      expect(double.requests.length).toBeGreaterThan(0);
      expect(new Set(double.requests.map(r => r.user)).size).toBe(1);
    },
  );

  it.each(CLUSTER_CALLS)(
    '$name gives exactly what its card route gives',
    async ({ name, input, route }) => {
      // Figures move with the clock (restart rates, waits, cost to the
      // minute), so two computations differ. The services cache each answer
      // per user, method and input: the action computes it, and the route
      // finds the very same answer only if the action called the same
      // method with the same input for the same user.
      const invoked = await request(caching)
        .post(invokePath(name))
        .set(asDeveloper)
        .send(input);
      expect(invoked.status).toBe(200);
      const reads = double.requests.length;
      expect(reads).toBeGreaterThan(0);

      const viaRoute = await request(caching).get(route).set(asDeveloper);
      expect(viaRoute.status).toBe(200);
      expect(invoked.body.output).toEqual(viaRoute.body);
      expect(double.requests.length).toBe(reads);
    },
  );

  it('get-crossplane-claims leaves out YAML and events without their own permissions, as the route does', async () => {
    const treeOnly = {
      Authorization: mockCredentials.user.header('user:default/tree-only'),
    };
    const full = await request(server)
      .post(invokePath('get-crossplane-claims'))
      .set(asDeveloper)
      .send({ entityRef: 'component:default/ledger-worker' });
    expect(full.body.output.access).toEqual({ yaml: true, events: true });
    // Objects' YAML is a string under `yaml`; `access.yaml` is a boolean.
    const yamlIn = (body: any) => /"yaml":"/.test(JSON.stringify(body));
    expect(yamlIn(full.body.output)).toBe(true);

    denyFor = {
      user: 'user:default/tree-only',
      permission: 'paved.crossplane.yaml.read',
    };
    const res = await request(server)
      .post(invokePath('get-crossplane-claims'))
      .set(treeOnly)
      .send({ entityRef: 'component:default/ledger-worker' });
    expect(res.status).toBe(200);
    expect(res.body.output.access).toEqual({ yaml: false, events: true });
    expect(yamlIn(res.body.output)).toBe(false);
  });

  it('component health carries the problems and runbooks the card lists', async () => {
    const res = await request(server)
      .post(invokePath('get-component-health'))
      .set(asDeveloper)
      .send({ entityRef: 'component:default/ledger-worker' });
    const [cluster] = res.body.output.clusters;
    expect(cluster).toMatchObject({ cluster: 'paved-local', ok: true });
    const crash = cluster.data.problems.find(
      (p: any) => p.reason === 'CrashLoopBackOff',
    );
    expect(crash).toMatchObject({
      severity: 'critical',
      runbook: { url: expect.stringContaining('/docs/') },
    });
  });

  it.each(CLUSTER_CALLS)(
    '$name for a user the policy denies is a 403 naming the permission, and no cluster is asked',
    async ({ name, input, permission }) => {
      const res = await request(server)
        .post(invokePath(name))
        .set(asDenied)
        .send(input);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: `Missing permission ${permission}`,
      });
      expect(double.requests).toEqual([]);
    },
  );

  it.each([...CLUSTER_CALLS, ...CATALOG_CALLS])(
    '$name for a service principal is a 403: a service identity may not stand in for a person',
    async ({ name, input }) => {
      const res = await request(server)
        .post(invokePath(name))
        .set(asService)
        .send(input);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(
        /run as a signed-in user, not a 'service' principal/,
      );
      expect(asked).toEqual([]);
      expect(double.requests).toEqual([]);
    },
  );

  it('an anonymous caller is refused before any action runs', async () => {
    const res = await request(server)
      .post(invokePath('get-cluster-health'))
      .set(asNobody)
      .send({ cluster: 'paved-local' });
    expect(res.status).toBe(401);
    expect(double.requests).toEqual([]);
  });

  it.each([
    ['get-component-health', {}, 'entityRef', /Required/],
    [
      'get-component-health',
      { entityRef: 'payments-api' },
      'entityRef',
      /kind:namespace\/name/,
    ],
    [
      'get-conformance',
      { entityRef: `resource:default/${'x'.repeat(64)}` },
      'entityRef',
      /name: at most 63 characters, got 64/,
    ],
    ['get-cluster-health', { cluster: '' }, 'cluster', /at least 1/],
    ['get-cluster-health', { cluster: 7 }, 'cluster', /Expected string/],
    [
      'get-entity-cost',
      { entityRef: 'component:default/payments-api', window: 'fortnight' },
      'window',
      /Invalid enum value/,
    ],
    [
      'find-adrs-by-subject',
      { subject: 'component:default/payments-api', status: 'maybe' },
      'status',
      /Invalid enum value/,
    ],
    [
      'list-blocked-roadmap-items',
      { roadmapRef: 'platform' },
      'roadmapRef',
      /kind:namespace\/name/,
    ],
  ])(
    '%s refuses %j with a 400 naming %s, asking nobody',
    async (name, input, field, why) => {
      const res = await request(server)
        .post(invokePath(name))
        .set(asDeveloper)
        .send(input);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(
        new RegExp(`^Invalid input to action "paved:${name}"; caused by`),
      );
      const issues = JSON.parse(res.body.error.cause.message);
      expect(issues).toContainEqual(
        expect.objectContaining({
          path: [field],
          message: expect.stringMatching(why),
        }),
      );
      expect(asked).toEqual([]);
      expect(double.requests).toEqual([]);
    },
  );

  it('an unknown cluster is the 404 the route gives, as the developer', async () => {
    const res = await request(server)
      .post(invokePath('get-cluster-health'))
      .set(asDeveloper)
      .send({ cluster: 'nowhere' });
    const viaRoute = await request(server)
      .get('/api/paved/health/cluster/nowhere')
      .set(asDeveloper);
    expect(res.status).toBe(viaRoute.status);
    expect(res.body.error.message).toBe(viaRoute.body.error.message);
  });

  it('find-adrs-by-subject lists the decisions about an entity, newest first, as the Decisions page rows', async () => {
    const res = await request(server)
      .post(invokePath('find-adrs-by-subject'))
      .set(asDeveloper)
      .send({ subject: 'component:payments-api' });
    expect(res.status).toBe(200);
    expect(res.body.output).toEqual({
      subject: 'component:default/payments-api',
      decisions: [
        {
          ref: 'adr:default/adr-0002-use-postgresql',
          title: 'Title of adr-0002-use-postgresql',
          number: 2,
          status: 'accepted',
          date: '2024-03-02',
          owner: 'group:default/team-payments',
          about: [
            'component:default/payments-api',
            'component:default/ledger-worker',
          ],
        },
        {
          ref: 'adr:default/adr-0001-use-sqlite',
          title: 'Title of adr-0001-use-sqlite',
          number: 1,
          status: 'superseded',
          date: '2024-01-10',
          owner: 'group:default/team-payments',
          about: ['component:default/payments-api'],
        },
      ],
    });

    const accepted = await request(server)
      .post(invokePath('find-adrs-by-subject'))
      .set(asDeveloper)
      .send({ subject: 'component:default/payments-api', status: 'accepted' });
    expect(accepted.body.output.decisions.map((d: any) => d.ref)).toEqual([
      'adr:default/adr-0002-use-postgresql',
    ]);
  });

  it('list-blocked-roadmap-items gives the roadmap card its Blocked list', async () => {
    const res = await request(server)
      .post(invokePath('list-blocked-roadmap-items'))
      .set(asDeveloper)
      .send({ roadmapRef: 'roadmap:default/platform' });
    expect(res.status).toBe(200);
    const [roadmap] = res.body.output.roadmaps;
    expect(roadmap).toMatchObject({
      roadmapRef: 'roadmap:default/platform',
      title: 'Platform',
    });
    expect(
      roadmap.blocked.map((b: any) => [b.phase, b.item.id, b.blockedBy]),
    ).toEqual([
      [
        'Phase 2',
        '2.2',
        [{ id: '1.2', title: 'Item 1.2', status: 'in-progress' }],
      ],
      ['Phase 2', '2.3', []],
      ['Phase 2', '2.4', [{ id: 'roadmap:default/other#K8S-12' }]],
    ]);

    const all = await request(server)
      .post(invokePath('list-blocked-roadmap-items'))
      .set(asDeveloper)
      .send({});
    expect(all.body.output.roadmaps).toEqual([roadmap]);
  });

  it('list-blocked-roadmap-items refuses an entity that is not a roadmap, naming the field', async () => {
    const res = await request(server)
      .post(invokePath('list-blocked-roadmap-items'))
      .set(asDeveloper)
      .send({ roadmapRef: 'component:default/payments-api' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'roadmapRef: component:default/payments-api is a Component, not a Roadmap',
    );
  });

  it('no action can write: every one is read-only, and invoking them all sends the clusters only GETs', async () => {
    const listed = await request(server).get(ACTIONS).set(asDeveloper);
    const readOnly = listed.body.actions.map((a: any) => [a.id, a.attributes]);
    expect(readOnly).toEqual(
      listed.body.actions.map((a: any) => [
        a.id,
        { readOnly: true, destructive: false, idempotent: true },
      ]),
    );

    for (const { name, input } of [...CLUSTER_CALLS, ...CATALOG_CALLS]) {
      const res = await request(server)
        .post(invokePath(name))
        .set(asDeveloper)
        .send(input);
      expect(res.status).toBe(200);
    }
    expect(double.requests.length).toBeGreaterThan(10);
    expect([...new Set(double.requests.map(r => r.method))]).toEqual(['GET']);
  });
});
