import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { startPavedTestBackend } from './__testUtils__/testBackend';
import { CROSSPLANE_ENTITIES } from './__testUtils__/crossplaneEntities';

jest.setTimeout(120_000);

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

const ENTITY_NAMES = CROSSPLANE_ENTITIES.map(e => e.metadata.name);

/** Every GET route the router declares, read from its source so new routes are walked too. */
function routePatterns(): string[] {
  const source = readFileSync(join(__dirname, 'router.ts'), 'utf8');
  return [...source.matchAll(/router\.get\(\s*'([^']+)'/g)].map(m => m[1]);
}

/** Concrete paths for a pattern: every entity, or the cluster. */
function pathsFor(pattern: string): string[] {
  const fill = (name: string) =>
    pattern
      .replace(':namespace', 'default')
      .replace(':kind', 'component')
      .replace(/:[a-zA-Z]+/g, name);
  if (pattern.includes('/entity/')) return ENTITY_NAMES.map(fill);
  return [fill('paved-local')];
}

/**
 * Every Secret value in the double, as stored (base64) and decoded, that is
 * not also public in some other object (a database's address is in its
 * managed resource's status; the user name `payments` is a namespace).
 */
function secretValues(double: Double): string[] {
  const secrets = double.store.listObjects('v1', 'Secret') as any[];
  const publicText = double.registry
    .storageResources()
    .filter(rt => !(rt.group === '' && rt.kind === 'Secret'))
    .flatMap(rt =>
      double.store.listObjects(
        rt.group ? `${rt.group}/${rt.version}` : rt.version,
        rt.kind,
      ),
    )
    // A last-applied manifest may hold a pasted password: still a secret.
    .map(o => {
      const annotations = { ...o.metadata.annotations };
      delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
      return JSON.stringify({ ...o, metadata: { ...o.metadata, annotations } });
    })
    .join('\n');
  const values: string[] = [];
  for (const secret of secrets) {
    for (const encoded of Object.values<string>(secret.data ?? {})) {
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      for (const v of [encoded, decoded]) {
        // Short values (a port number) would match by accident.
        if (v.length >= 6 && !publicText.includes(v)) values.push(v);
      }
    }
  }
  return values;
}

describe('no Secret value ever leaves the backend', () => {
  let double: Double;

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
  });
  afterAll(() => double.close());

  it('walks every response of every route', async () => {
    const { server } = await startPavedTestBackend(CROSSPLANE_ENTITIES, [
      { name: 'paved-local', url: double.url },
    ]);
    const secrets = secretValues(double);
    expect(secrets).toEqual(
      expect.arrayContaining([
        'pvd-xp-7Hq2LmV9sR4t',
        'cHZkLXhwLTdIcTJMbVY5c1I0dA==',
      ]),
    );
    const patterns = routePatterns();
    expect(patterns).toEqual(
      expect.arrayContaining([
        '/crossplane/entity/:namespace/:kind/:name',
        '/crossplane/entity/:namespace/:kind/:name/yaml',
        '/crossplane/entity/:namespace/:kind/:name/events',
        '/crossplane/entity/:namespace/:kind/:name/details',
        '/crossplane/xrds/:cluster',
      ]),
    );
    let walked = 0;
    let crossplaneClaims = 0;
    const crossplaneObjects = { yaml: 0, events: 0 };
    let crossplaneDetails = 0;
    let offers = 0;
    for (const pattern of patterns) {
      for (const path of pathsFor(pattern)) {
        const res = await request(server)
          .get(`/api/paved${path}`)
          .set({ Authorization: mockCredentials.user.header() });
        walked += 1;
        const body = res.text;
        for (const value of secrets) {
          if (body.includes(value)) {
            throw new Error(
              `${path} (HTTP ${res.status}) leaks a Secret value (${value.length} characters)`,
            );
          }
        }
        if (
          pattern === '/crossplane/entity/:namespace/:kind/:name' &&
          res.status === 200
        ) {
          crossplaneClaims += res.body.clusters[0].data.claims.length;
        }
        // The YAML, events and details routes answered with what they hold.
        if (/\/(yaml|events)$/.test(pattern) && res.status === 200) {
          const view = pattern.endsWith('/yaml') ? 'yaml' : 'events';
          crossplaneObjects[view] += res.body.clusters[0].data.objects.length;
        }
        if (pattern.endsWith('/details') && res.status === 200) {
          crossplaneDetails += res.body.clusters[0].data.claims.length;
        }
        if (pattern.startsWith('/crossplane/xrds/') && res.status === 200) {
          // The XRDs' schemas travel; nothing of a Secret does.
          offers += res.body.clusters[0].data.offers.length;
        }
      }
    }
    expect(walked).toBeGreaterThanOrEqual(patterns.length);
    // The walk read real claims, including the one whose secret exists.
    expect(crossplaneClaims).toBeGreaterThanOrEqual(5);
    // ...every object's redacted YAML and events, and the panels behind each claim.
    expect(crossplaneObjects.yaml).toBeGreaterThanOrEqual(15);
    expect(crossplaneObjects.events).toBeGreaterThanOrEqual(15);
    expect(crossplaneDetails).toBe(crossplaneClaims);
    // ...and the XRD offers the request form reads.
    expect(offers).toBeGreaterThanOrEqual(3);

    // And no request ever asked for Secret data: only metadata of one Secret at a time.
    const secretRequests = double.requests.filter(r =>
      /\/secrets(\/|$)/.test(r.path),
    );
    expect(secretRequests.length).toBeGreaterThan(0);
    for (const r of secretRequests) {
      expect(r.method).toBe('GET');
      expect(r.path).toMatch(/^\/api\/v1\/namespaces\/[^/]+\/secrets\/[^/]+$/);
      expect(r.accept).toBe(
        'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
      );
    }
  });
});

describe('paved.crossplane.read is decided per user', () => {
  let double: Double;
  let server: any;

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
    ({ server } = await startPavedTestBackend(
      CROSSPLANE_ENTITIES,
      [{ name: 'paved-local', url: double.url }],
      {
        // alice may read claims; bob may read health but not claims.
        permissions: (name, user) =>
          name !== 'paved.crossplane.read' || user === 'user:default/alice'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      },
    ));
  });
  afterAll(() => double.close());

  const path = '/api/paved/crossplane/entity/default/component/ledger-worker';

  it('allows alice', async () => {
    const res = await request(server)
      .get(path)
      .set({
        Authorization: mockCredentials.user.header('user:default/alice'),
      });
    expect(res.status).toBe(200);
  });

  it('refuses bob with 403 and calls no cluster', async () => {
    double.clearRequests();
    const res = await request(server)
      .get(path)
      .set({ Authorization: mockCredentials.user.header('user:default/bob') });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('paved.crossplane.read');
    expect(double.requests).toEqual([]);
    // bob keeps what his other permissions allow.
    const health = await request(server)
      .get('/api/paved/health/entity/default/component/ledger-worker')
      .set({ Authorization: mockCredentials.user.header('user:default/bob') });
    expect(health.status).toBe(200);
  });

  it('refuses service callers: claims are read on behalf of a user', async () => {
    const res = await request(server)
      .get(path)
      .set({ Authorization: mockCredentials.service.header() });
    expect(res.status).toBe(403);
  });

  it('refuses everyone when the policy denies', async () => {
    const denied = await startPavedTestBackend(
      CROSSPLANE_ENTITIES,
      [{ name: 'paved-local', url: double.url }],
      { permissions: AuthorizeResult.DENY },
    );
    const res = await request(denied.server)
      .get(path)
      .set({ Authorization: mockCredentials.user.header() });
    expect(res.status).toBe(403);
  });
});
