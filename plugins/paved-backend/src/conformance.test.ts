import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { startPavedTestBackend } from './__testUtils__/testBackend';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

const resource = (
  name: string,
  type: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', annotations },
  spec: { type, owner: 'group:default/team-payments' },
});

const ENTITIES = [
  resource('tenant-payments', 'kubernetes-tenant', {
    'paved.dev/tenant': 'payments',
    'paved.dev/tier': '3',
    'paved.dev/namespaces': 'payments',
  }),
  resource('tenant-payments-envs', 'kubernetes-tenant', {
    'paved.dev/tier': '2',
    'paved.dev/namespaces': 'payments,payments-staging',
    'backstage.io/kubernetes-cluster': 'paved-local',
  }),
  resource('paved-local', 'kubernetes-cluster', { 'paved.dev/tier': '2' }),
  resource('untiered', 'kubernetes-tenant', {
    'paved.dev/namespaces': 'payments',
  }),
  resource('badly-tiered', 'kubernetes-tenant', {
    'paved.dev/tier': 'gold',
    'paved.dev/namespaces': 'payments',
  }),
  resource('elsewhere', 'kubernetes-cluster', { 'paved.dev/tier': '1' }),
];

const startBackend = (
  clusters: { name: string; url: string }[],
  decide?: (name: string) => AuthorizeResult,
) => startPavedTestBackend(ENTITIES, clusters, { permissions: decide });

const asUser = { Authorization: mockCredentials.user.header() };
const route = (name: string) =>
  `/api/paved/conformance/entity/default/resource/${name}`;
const ruleOf = (summary: any, id: string) =>
  summary.rules.find((r: any) => r.id === id);

jest.setTimeout(60_000);

describe('paved backend conformance route', () => {
  let primary: Double;
  let secondary: Double;

  beforeAll(async () => {
    primary = await startKubernetesApiTestDouble({ port: 0 });
    secondary = await startKubernetesApiTestDouble({ port: 0 });
  });
  afterAll(async () => {
    await primary.close();
    await secondary.close();
  });
  beforeEach(() => {
    for (const d of [primary, secondary]) {
      d.clearRequests();
      d.clearFaults();
    }
  });

  it("reports a tier 3 tenant's failing workloads and pods, in every cluster, with a score", async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
      { name: 'paved-second', url: secondary.url },
    ]);
    const res = await request(server).get(route('tenant-payments')).set(asUser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'resource:default/tenant-payments',
      tier: 3,
      scope: 'tenant',
      namespaces: ['payments'],
    });
    expect(res.body.clusters.map((c: any) => [c.cluster, c.ok])).toEqual([
      ['paved-local', true],
      ['paved-second', true],
    ]);
    const summary = res.body.clusters[0].data;
    expect(summary).toMatchObject({
      tier: 3,
      podSecurityLevel: 'restricted',
      namespaces: ['payments'],
    });
    expect(summary.score).toBeGreaterThan(0);
    expect(summary.score).toBeLessThan(1);
    expect(summary.score).toBeCloseTo(summary.passed / summary.checks, 3);

    // The Job pods have no CPU limit; the ledger-worker StatefulSet writes its root.
    expect(
      ruleOf(summary, 'resources-requests-limits').failures.map(
        (f: any) => f.object,
      ),
    ).toEqual([
      {
        kind: 'Pod',
        namespace: 'payments',
        name: 'ledger-migrate-v42-9fjt5',
        container: 'migrate',
      },
      {
        kind: 'Pod',
        namespace: 'payments',
        name: 'ledger-reconcile-29920560-x7k2p',
        container: 'ledger-reconcile',
      },
    ]);
    expect(
      ruleOf(summary, 'read-only-root-filesystem').failures,
    ).toContainEqual(
      expect.objectContaining({
        object: expect.objectContaining({
          kind: 'StatefulSet',
          name: 'ledger-worker',
        }),
        message: expect.stringContaining('readOnlyRootFilesystem'),
      }),
    );
    // payments has its quota, limit range and default deny.
    for (const id of [
      'namespace-resource-quota',
      'namespace-limit-range',
      'namespace-default-deny',
    ]) {
      expect(ruleOf(summary, id)).toMatchObject({ checks: 1, passed: 1 });
    }
    expect(ruleOf(summary, 'health-probes').why).toMatch(/readiness probe/);

    // Only GETs, only the tenant's namespace, paged, and never Secrets.
    for (const double of [primary, secondary]) {
      expect(double.requests.every(r => r.method === 'GET')).toBe(true);
      expect(double.requests.filter(r => /secrets/i.test(r.path))).toEqual([]);
    }
    const paths = primary.requests.map(r => r.path);
    expect(paths).toContain('/api/v1/namespaces/payments');
    expect(paths).toContain(
      '/apis/networking.k8s.io/v1/namespaces/payments/networkpolicies',
    );
    expect(
      paths.every(
        p =>
          p.startsWith('/api/v1/namespaces/payments') ||
          (p.startsWith('/apis/') && p.includes('/namespaces/payments/')),
      ),
    ).toBe(true);
    expect(
      primary.requests.find(r => r.path === '/api/v1/namespaces/payments/pods'),
    ).toMatchObject({ query: expect.objectContaining({ limit: '500' }) });
    // Summaries only: nothing of the raw objects travels.
    expect(JSON.stringify(res.body)).not.toMatch(
      /managedFields|"spec"|"metadata"/,
    );
  });

  it('checks every non-system namespace of a cluster entity and names the ones lacking quota, limit range and default deny', async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
      { name: 'paved-second', url: secondary.url },
    ]);
    const res = await request(server).get(route('paved-local')).set(asUser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tier: 2, scope: 'cluster' });
    // Only the cluster the entity names.
    expect(res.body.clusters.map((c: any) => c.cluster)).toEqual([
      'paved-local',
    ]);
    expect(secondary.requests).toEqual([]);
    const summary = res.body.clusters[0].data;
    expect(summary.namespaces).toEqual([
      'checkout',
      'ledger-dev',
      'monitoring',
      'opencost',
      'payments',
    ]);
    for (const id of [
      'namespace-resource-quota',
      'namespace-limit-range',
      'namespace-default-deny',
    ]) {
      // opencost as its Helm chart installs it: no quota, limits or policy.
      expect(ruleOf(summary, id).failures.map((f: any) => f.object)).toEqual([
        { kind: 'Namespace', name: 'monitoring' },
        { kind: 'Namespace', name: 'opencost' },
      ]);
    }
    expect(
      ruleOf(summary, 'pod-security-labels').failures.map(
        (f: any) => f.object.name,
      ),
      // ledger-dev's Pod Security label was edited by hand to privileged:
      // the drift example (fixtures/92-drift.yaml).
    ).toEqual(['checkout', 'ledger-dev', 'monitoring', 'opencost']);
    expect(ruleOf(summary, 'production-image-digest')).toMatchObject({
      applies: false,
      fromTier: 3,
    });
    // Cluster-wide lists, paged.
    expect(primary.requests.map(r => r.path)).toEqual(
      expect.arrayContaining([
        '/api/v1/namespaces',
        '/api/v1/pods',
        '/api/v1/limitranges',
      ]),
    );
  });

  it('lists namespaces a tenant declares that the cluster does not have', async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
    ]);
    const res = await request(server)
      .get(route('tenant-payments-envs'))
      .set(asUser);
    expect(res.status).toBe(200);
    expect(res.body.clusters[0].data).toMatchObject({
      namespaces: ['payments'],
      missingNamespaces: ['payments-staging'],
    });
  });

  it('answers 400 with what to add when the entity declares no valid tier', async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
    ]);
    const missing = await request(server).get(route('untiered')).set(asUser);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(
      /declares no tier: add the annotation 'paved.dev\/tier'/,
    );
    const bad = await request(server).get(route('badly-tiered')).set(asUser);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/must be 1, 2, 3, 4 or 5/);
    expect(primary.requests).toEqual([]);
  });

  it('answers 404 for an unknown entity or a cluster the Kubernetes backend does not list', async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
    ]);
    expect(
      (await request(server).get(route('nobody')).set(asUser)).status,
    ).toBe(404);
    expect(
      (await request(server).get(route('elsewhere')).set(asUser)).status,
    ).toBe(404);
    expect(primary.requests).toEqual([]);
  });

  it("puts a failing cluster's error beside the other cluster's result", async () => {
    const { server } = await startBackend([
      { name: 'paved-local', url: primary.url },
      { name: 'broken', url: secondary.url },
    ]);
    secondary.failNext('/api/v1/namespaces/payments/pods', 500, {
      message: 'etcd is down',
    });
    const res = await request(server).get(route('tenant-payments')).set(asUser);
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.clusters.map((c: any) => [c.cluster, c]),
    );
    expect(byName['paved-local'].ok).toBe(true);
    expect(byName.broken).toMatchObject({
      ok: false,
      error: {
        statusCode: 500,
        message: expect.stringContaining('etcd is down'),
      },
    });
  });

  it('answers 403 to a user denied paved.conformance.read, and to service callers', async () => {
    const { server } = await startBackend(
      [{ name: 'paved-local', url: primary.url }],
      name =>
        name === 'paved.conformance.read'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    );
    const denied = await request(server)
      .get(route('tenant-payments'))
      .set(asUser);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/paved.conformance.read/);
    const service = await request(server)
      .get(route('tenant-payments'))
      .set({ Authorization: mockCredentials.service.header() });
    expect(service.status).toBe(403);
    expect(primary.requests).toEqual([]);
  });
});
