import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { startPavedTestBackend } from '../../__testUtils__/testBackend';
import { isAllowedRead } from '../clusters/readAllowList';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

const component = (name: string, annotations: Record<string, string>) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:default/team', lifecycle: 'x' },
  } as Entity);

const ENTITIES: Entity[] = [
  component('checkout-web', {
    'backstage.io/kubernetes-id': 'checkout-web',
    'argocd/app-selector': 'app.kubernetes.io/part-of=storefront',
  }),
  component('payments-api', { 'backstage.io/kubernetes-id': 'payments-api' }),
  component('ledger-worker', { 'backstage.io/kubernetes-id': 'ledger-worker' }),
  component('named', {
    'argocd/app-name': 'payments-api,not-there',
    'argocd/app-namespace': 'argocd',
  }),
  component('tracked-shop', { 'backstage.io/kubernetes-id': 'tracked-shop' }),
  component('plain', { 'backstage.io/kubernetes-id': 'nothing-here' }),
  component('bad', { 'argocd/app-name': 'Bad_Name' }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'tenant-payments',
      namespace: 'default',
      annotations: {
        'paved.dev/tenant': 'payments',
        'paved.dev/namespaces': 'payments,payments-staging',
      },
    },
    spec: { type: 'kubernetes-tenant', owner: 'group:default/team' },
  },
];

/** Workloads whose tracking labels name GitOps objects of the fixtures. */
const TRACKED_WORKLOADS = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'shop',
      namespace: 'shop',
      labels: {
        'backstage.io/kubernetes-id': 'tracked-shop',
        'app.kubernetes.io/name': 'shop',
        'argocd.argoproj.io/instance': 'storefront-preview',
        'kustomize.toolkit.fluxcd.io/name': 'payments-policies',
        'kustomize.toolkit.fluxcd.io/namespace': 'payments',
      },
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'shop' } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'shop' } },
        spec: { containers: [{ name: 'shop', image: 'shop:1' }] },
      },
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: 'shop-cache',
      namespace: 'shop',
      labels: { 'backstage.io/kubernetes-id': 'tracked-shop' },
      annotations: {
        'argocd.argoproj.io/tracking-id':
          'argocd_ledger-worker:apps/StatefulSet:shop/shop-cache',
      },
    },
    spec: {
      serviceName: 'shop-cache',
      selector: { matchLabels: { app: 'shop-cache' } },
      template: {
        metadata: { labels: { app: 'shop-cache' } },
        spec: { containers: [{ name: 'cache', image: 'redis:7' }] },
      },
    },
  },
];

const asUser = { Authorization: mockCredentials.user.header() };
const route = (name: string, kind = 'component') =>
  `/api/paved/gitops/entity/default/${kind}/${name}`;
const rows = (cluster: any) =>
  cluster.data.objects.map(
    (o: any) =>
      `${o.kind} ${o.namespace}/${o.name} ${o.sync}/${o.health} [${o.foundBy}]`,
  );

jest.setTimeout(60_000);

describe('paved backend GitOps status route', () => {
  let primary: Double;
  let secondary: Double;

  beforeAll(async () => {
    primary = await startKubernetesApiTestDouble({
      port: 0,
      objects: TRACKED_WORKLOADS as any,
    });
    secondary = await startKubernetesApiTestDouble({ port: 0 });
  });
  afterAll(async () => {
    await primary.close();
    await secondary.close();
  });
  beforeEach(async () => {
    // A cluster that failed aborts its other reads, but the proxy may still
    // deliver them after the answer: let them land before the log is
    // cleared, so the next test's "nothing was read" sees only its own.
    const deadline = Date.now() + 5_000;
    let seen = -1;
    while (Date.now() < deadline) {
      const now = primary.requests.length + secondary.requests.length;
      if (now === seen) break;
      seen = now;
      await new Promise(r => setTimeout(r, 250));
    }
    for (const d of [primary, secondary]) {
      d.clearRequests();
      d.clearFaults();
    }
  });

  const oneCluster = () => [{ name: 'paved-local', url: primary.url }];
  const twoClusters = () => [
    { name: 'paved-local', url: primary.url },
    { name: 'paved-second', url: secondary.url },
  ];

  it('finds Argo CD Applications by argocd/app-selector, with sync, health, revision, time and message', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, oneCluster());
    const res = await request(server).get(route('checkout-web')).set(asUser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/checkout-web',
      scope: 'component',
      appSelector: 'app.kubernetes.io/part-of=storefront',
      notFound: [],
    });
    const [cluster] = res.body.clusters;
    expect(cluster).toMatchObject({ cluster: 'paved-local', ok: true });
    expect(rows(cluster)).toEqual([
      'Application argocd/checkout-web OutOfSync/Degraded [app-selector]',
      'Application argocd/checkout-web-assets Unknown/Missing [app-selector]',
    ]);
    const web = cluster.data.objects[0];
    expect(web).toMatchObject({
      tool: 'argocd',
      revision: '9b2e41d7c0a35f18e6d4b7a2c9f0e1d3a5b8c6f2',
      source: expect.stringContaining('overlays/production/web @ main'),
      message: expect.stringContaining('admission webhook'),
      lastSyncTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // Degraded and out of sync are problems with the sync-failed runbook.
    const signals = cluster.data.problems.map(
      (p: any) => `${p.signal} ${p.object.name} ${p.runbook?.id}`,
    );
    expect(signals).toEqual(
      expect.arrayContaining([
        'gitops-degraded checkout-web gitops-sync-failed',
        'gitops-out-of-sync checkout-web gitops-sync-failed',
        'gitops-sync-failed checkout-web gitops-sync-failed',
        'gitops-missing checkout-web-assets gitops-sync-failed',
      ]),
    );
    expect(cluster.data.problems[0].severity).toBe('critical');
    expect(cluster.data.notServed).toEqual([]);
  });

  it("finds Flux objects labelled with the component's label selector", async () => {
    const { server } = await startPavedTestBackend(ENTITIES, oneCluster());
    const api = await request(server).get(route('payments-api')).set(asUser);
    expect(rows(api.body.clusters[0])).toEqual([
      'Kustomization payments/payments-api Synced/Healthy [entity-label]',
    ]);
    expect(api.body.clusters[0].data.objects[0]).toMatchObject({
      tool: 'flux',
      revision: expect.stringContaining('v3.4.1@sha1:'),
      problems: [],
    });
    const ledger = await request(server)
      .get(route('ledger-worker'))
      .set(asUser);
    expect(rows(ledger.body.clusters[0])).toEqual([
      'HelmRelease payments/ledger-worker Unknown/Progressing [entity-label]',
    ]);
    expect(ledger.body.clusters[0].data.objects[0]).toMatchObject({
      revision: '1.8.2',
      attemptedRevision: '1.8.3',
    });
  });

  it('finds Applications by argocd/app-name and names the ones no cluster has', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, oneCluster());
    const res = await request(server).get(route('named')).set(asUser);
    expect(res.status).toBe(200);
    expect(rows(res.body.clusters[0])).toEqual([
      'Application argocd/payments-api Synced/Healthy [app-name]',
    ]);
    expect(res.body.notFound).toEqual([
      { kind: 'Application', namespace: 'argocd', name: 'not-there' },
    ]);
    // Only the annotation's namespace was listed.
    expect(
      primary.requests.filter(r => r.path.startsWith('/apis/argoproj.io')),
    ).toEqual([
      expect.objectContaining({
        path: expect.stringMatching(
          /^\/apis\/argoproj\.io\/v1alpha1\/namespaces\/argocd\/applications/,
        ),
      }),
    ]);
  });

  it("follows the tracking labels and annotations on the component's workloads", async () => {
    const { server } = await startPavedTestBackend(ENTITIES, oneCluster());
    const res = await request(server).get(route('tracked-shop')).set(asUser);
    expect(res.status).toBe(200);
    expect(rows(res.body.clusters[0])).toEqual([
      'Kustomization payments/payments-policies OutOfSync/Degraded [tracking]',
      'Application argocd/storefront-preview OutOfSync/Healthy [tracking]',
      'Application argocd/ledger-worker Synced/Progressing [tracking]',
    ]);
    const stalled = res.body.clusters[0].data.problems.find(
      (p: any) => p.object.name === 'payments-policies',
    );
    expect(stalled).toMatchObject({
      signal: 'gitops-stalled',
      reason: 'BuildFailed',
      runbook: { id: 'gitops-sync-failed' },
    });
  });

  it('shows a tenant what deploys into its namespaces, suspended releases included', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, oneCluster());
    const res = await request(server)
      .get(route('tenant-payments', 'resource'))
      .set(asUser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      scope: 'tenant',
      namespaces: ['payments', 'payments-staging'],
    });
    expect(rows(res.body.clusters[0])).toEqual([
      'Kustomization payments/payments-policies OutOfSync/Degraded [tenant-namespace]',
      'Application argocd/ledger-worker Synced/Progressing [tenant-namespace]',
      'HelmRelease payments/ledger-worker Unknown/Progressing [tenant-namespace]',
      'HelmRelease payments/payments-redis Synced/Suspended [tenant-namespace]',
      'Application argocd/payments-api Synced/Healthy [tenant-namespace]',
      'Kustomization payments/payments-api Synced/Healthy [tenant-namespace]',
    ]);
    const redis = res.body.clusters[0].data.objects[3];
    expect(redis).toMatchObject({ suspended: true });
    expect(redis.problems.map((p: any) => p.signal)).toEqual([
      'gitops-suspended',
    ]);
  });

  it('says which kinds a cluster does not serve, rather than failing', async () => {
    const bare = await startKubernetesApiTestDouble({
      port: 0,
      fixturesDir: false,
    });
    try {
      const { server } = await startPavedTestBackend(ENTITIES, [
        { name: 'paved-local', url: bare.url },
      ]);
      const res = await request(server)
        .get(route('tenant-payments', 'resource'))
        .set(asUser);
      expect(res.status).toBe(200);
      expect(res.body.clusters[0]).toMatchObject({
        ok: true,
        data: {
          objects: [],
          notServed: ['Application', 'Kustomization', 'HelmRelease'],
        },
      });
    } finally {
      await bare.close();
    }
  });

  it.each([401, 403, 500])(
    'turns HTTP %i from one cluster into that cluster’s error, beside the other’s answer',
    async status => {
      secondary.failNext('/apis/argoproj.io/v1alpha1/applications', status, {
        message: `applications is forbidden ${status}`,
      });
      const { server } = await startPavedTestBackend(ENTITIES, twoClusters());
      const res = await request(server).get(route('checkout-web')).set(asUser);
      expect(res.status).toBe(200);
      const byName = Object.fromEntries(
        res.body.clusters.map((c: any) => [c.cluster, c]),
      );
      expect(byName['paved-local']).toMatchObject({ ok: true });
      expect(byName['paved-local'].data.objects).toHaveLength(2);
      expect(byName['paved-second']).toMatchObject({
        ok: false,
        error: {
          statusCode: status,
          message: expect.stringContaining(
            `applications is forbidden ${status}`,
          ),
        },
      });
    },
  );

  it('refuses a user without paved.gitops.read with 403, before any cluster is read', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, twoClusters(), {
      permissions: name =>
        name === 'paved.gitops.read'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    const res = await request(server).get(route('checkout-web')).set(asUser);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/paved\.gitops\.read/);
    expect(primary.requests).toEqual([]);
    expect(secondary.requests).toEqual([]);
  });

  it('names a bad argocd annotation with 400, before any cluster is read', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, oneCluster());
    const res = await request(server).get(route('bad')).set(asUser);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /'Bad_Name' in annotation argocd\/app-name/,
    );
    expect(primary.requests).toEqual([]);
  });

  it('reads with GET only, inside its own list, never a Secret', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, oneCluster());
    for (const name of ['checkout-web', 'tracked-shop', 'plain', 'named']) {
      expect((await request(server).get(route(name)).set(asUser)).status).toBe(
        200,
      );
    }
    await request(server).get(route('tenant-payments', 'resource')).set(asUser);
    expect(primary.requests.length).toBeGreaterThan(15);
    for (const r of primary.requests) {
      expect(r.method).toBe('GET');
      expect(r.path).not.toMatch(/secrets/);
      expect(isAllowedRead('gitops', r.path)).toBe(true);
    }
  });
});

describe("the gitops feature's allow-list", () => {
  it.each([
    ['/apis/argoproj.io/v1alpha1/applications', true],
    ['/apis/argoproj.io/v1alpha1/namespaces/argocd/applications?limit=1', true],
    ['/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations', true],
    ['/apis/helm.toolkit.fluxcd.io/v2/namespaces/a/helmreleases', true],
    ['/apis/apps/v1/namespaces/a/deployments', true],
    ['/api/v1/namespaces/payments', true],
    ['/api/v1/namespaces/payments/secrets', false],
    ['/api/v1/secrets', false],
    ['/api/v1/namespaces/a/pods', false],
    ['/apis/argoproj.io/v1alpha1/appprojects', false],
    ['/apis/argoproj.io/v1alpha1/namespaces/a/applications/x/status', false],
    ['/apis/source.toolkit.fluxcd.io/v1/gitrepositories', false],
  ])('%s: %s', (path, allowed) => {
    expect(isAllowedRead('gitops', path)).toBe(allowed);
  });
});
