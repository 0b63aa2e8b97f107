import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { startPavedTestBackend } from '../../__testUtils__/testBackend';
import { isAllowedRead } from '../clusters/readAllowList';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

const tenant = (
  name: string,
  annotations: Record<string, string>,
  type = 'kubernetes-tenant',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', annotations },
  spec: { type, owner: 'group:default/payments-team' },
});

const ENTITIES: Entity[] = [
  tenant('tenant-payments', {
    'paved.dev/tenant': 'payments',
    'paved.dev/tier': '3',
    'paved.dev/isolation': 'namespace',
    'paved.dev/namespaces': 'payments,payments-staging',
  }),
  tenant('tenant-pinned', {
    'paved.dev/tenant': 'pinned',
    'paved.dev/namespaces': 'payments',
    'backstage.io/kubernetes-cluster': 'paved-second',
  }),
  tenant('tenant-empty', { 'paved.dev/tenant': 'empty' }),
  tenant('paved-local', { 'paved.dev/tier': '2' }, 'kubernetes-cluster'),
];

const asUser = { Authorization: mockCredentials.user.header() };
const route = (name: string, kind = 'resource') =>
  `/api/paved/tenants/entity/default/${kind}/${name}`;
const rowOf = (summary: any, check: string) =>
  summary.access.rows.find((r: any) => r.check === check);
const subjectNames = (row: any) =>
  row.subjects.map((s: any) => `${s.subject.kind}:${s.subject.name}`).sort();

jest.setTimeout(60_000);

describe('paved backend tenant page route', () => {
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

  const twoClusters = () => [
    { name: 'paved-local', url: primary.url },
    { name: 'paved-second', url: secondary.url },
  ];

  it("shows the tenant's quota use, isolation tier, who can do what and its guardrail violations", async () => {
    const { server } = await startPavedTestBackend(ENTITIES, [
      { name: 'paved-local', url: primary.url },
    ]);
    const res = await request(server).get(route('tenant-payments')).set(asUser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'resource:default/tenant-payments',
      tenant: 'payments',
      tier: 3,
      isolation: 'namespace',
      namespaces: ['payments', 'payments-staging'],
    });
    const [cluster] = res.body.clusters;
    expect(cluster).toMatchObject({ cluster: 'paved-local', ok: true });
    const summary = cluster.data;
    expect(summary.namespaces).toEqual(['payments']);
    expect(summary.missingNamespaces).toEqual(['payments-staging']);

    // The fixture quota: 2250m of 8 CPUs requested, 6 of 30 Pods.
    expect(summary.quotas).toHaveLength(1);
    expect(summary.quotas[0]).toMatchObject({
      namespace: 'payments',
      name: 'payments-quota',
    });
    const item = (resource: string) =>
      summary.quotas[0].items.find((i: any) => i.resource === resource);
    expect(item('requests.cpu')).toEqual({
      resource: 'requests.cpu',
      hard: '8',
      used: '2250m',
      ratio: 2.25 / 8,
    });
    expect(item('pods')).toMatchObject({ used: '6', hard: '30', ratio: 0.2 });

    // Who can do what, from the cluster's RBAC: admins exec, developers do
    // not; both port-forward; the platform's cluster-admin binding shows.
    expect(summary.access.available).toBe(true);
    const exec = rowOf(summary, 'exec');
    expect(subjectNames(exec)).toContain('Group:payments-admins');
    expect(subjectNames(exec)).not.toContain('Group:payments-developers');
    expect(subjectNames(rowOf(summary, 'port-forward'))).toEqual(
      expect.arrayContaining([
        'Group:payments-admins',
        'Group:payments-developers',
      ]),
    );
    const admins = exec.subjects.find(
      (s: any) => s.subject.name === 'payments-admins',
    );
    expect(admins).toMatchObject({
      namespaces: ['payments'],
      clusterWide: false,
      via: ['RoleBinding payments/tenant-admin (Role tenant-admin)'],
    });
    const platform = rowOf(summary, 'get-secrets').subjects.find(
      (s: any) => s.subject.name === 'paved-admin',
    );
    expect(platform).toMatchObject({
      subject: {
        kind: 'ServiceAccount',
        name: 'paved-admin',
        namespace: 'kube-system',
      },
      clusterWide: true,
    });
    expect(subjectNames(rowOf(summary, 'get-secrets'))).not.toContain(
      'Group:payments-developers',
    );

    // Kyverno's reports: the failure first, then the audit-mode warning.
    expect(summary.guardrails).toMatchObject({
      available: true,
      reports: 2,
      counts: { pass: 2, fail: 1, warn: 1, error: 0, skip: 0 },
      omitted: 0,
    });
    expect(
      summary.guardrails.violations.map((v: any) => [
        v.result,
        v.rule,
        v.resource.name,
      ]),
    ).toEqual([
      ['fail', 'require-name-prefix', 'ledger-migrate-v42-9fjt5'],
      ['warn', 'no-wildcard-tolerations', 'payments-api-7c9d8f6b5d-2xkqp'],
    ]);

    // Every read was a GET inside the tenant page's allow-list; no Secret.
    expect(primary.requests.length).toBeGreaterThan(5);
    for (const r of primary.requests) {
      expect(r.method).toBe('GET');
      expect(r.path).not.toMatch(/secrets/);
      expect(isAllowedRead('tenants', r.path)).toBe(true);
    }
  });

  it('refuses a user without paved.tenant.read with 403, before any cluster is read', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, twoClusters(), {
      permissions: name =>
        name === 'paved.tenant.read'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    const res = await request(server).get(route('tenant-payments')).set(asUser);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/paved\.tenant\.read/);
    expect(primary.requests).toEqual([]);
    expect(secondary.requests).toEqual([]);
  });

  it('decides per user: the one the policy allows reads it, another gets 403', async () => {
    const asked: string[] = [];
    const { server } = await startPavedTestBackend(ENTITIES, twoClusters(), {
      permissions: (name, user) => {
        asked.push(`${name} ${user}`);
        return user === 'user:default/owner'
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY;
      },
    });
    const owner = await request(server)
      .get(route('tenant-pinned'))
      .set({
        Authorization: mockCredentials.user.header('user:default/owner'),
      });
    expect(owner.status).toBe(200);
    const other = await request(server)
      .get(route('tenant-pinned'))
      .set({
        Authorization: mockCredentials.user.header('user:default/other'),
      });
    expect(other.status).toBe(403);
    expect(asked).toContain('paved.tenant.read user:default/owner');
  });

  it('reads only the cluster the tenant names', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, twoClusters());
    const res = await request(server).get(route('tenant-pinned')).set(asUser);
    expect(res.status).toBe(200);
    expect(res.body.clusters.map((c: any) => c.cluster)).toEqual([
      'paved-second',
    ]);
    expect(primary.requests).toEqual([]);
  });

  it.each([401, 403, 404, 500])(
    'turns HTTP %i from one cluster into that cluster’s error, beside the other’s answer',
    async status => {
      secondary.failNext('/api/v1/namespaces/payments/resourcequotas', status, {
        message: `quota fault ${status}`,
      });
      const { server } = await startPavedTestBackend(ENTITIES, twoClusters());
      const res = await request(server)
        .get(route('tenant-payments'))
        .set(asUser);
      expect(res.status).toBe(200);
      const byName = Object.fromEntries(
        res.body.clusters.map((c: any) => [c.cluster, c]),
      );
      expect(byName['paved-local'].ok).toBe(true);
      expect(byName['paved-second']).toMatchObject({
        ok: false,
        error: {
          statusCode: status,
          message: expect.stringContaining(`quota fault ${status}`),
        },
      });
    },
  );

  it('turns a cluster answering something that is not JSON into that cluster’s error', async () => {
    const broken = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"kind": "NamespaceList", "items": [');
    });
    await new Promise<void>(resolve =>
      broken.listen(0, '127.0.0.1', () => resolve()),
    );
    try {
      const { port } = broken.address() as AddressInfo;
      const { server } = await startPavedTestBackend(ENTITIES, [
        { name: 'paved-local', url: primary.url },
        { name: 'paved-second', url: `http://127.0.0.1:${port}` },
      ]);
      const res = await request(server)
        .get(route('tenant-payments'))
        .set(asUser);
      expect(res.status).toBe(200);
      const byName = Object.fromEntries(
        res.body.clusters.map((c: any) => [c.cluster, c]),
      );
      expect(byName['paved-local'].ok).toBe(true);
      expect(byName['paved-second']).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/^Malformed JSON/) },
      });
    } finally {
      await new Promise(resolve => broken.close(resolve));
    }
  });

  it('says so, rather than failing, when the cluster will not list RBAC', async () => {
    secondary.failNext(
      '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
      403,
      { message: 'clusterrolebindings is forbidden' },
    );
    const { server } = await startPavedTestBackend(ENTITIES, twoClusters());
    const res = await request(server).get(route('tenant-payments')).set(asUser);
    const second = res.body.clusters.find(
      (c: any) => c.cluster === 'paved-second',
    );
    expect(second.ok).toBe(true);
    expect(second.data.access).toEqual({
      available: false,
      reason: expect.stringMatching(
        /does not let you list its Roles and bindings.*forbidden/,
      ),
    });
    // Quota and guardrails still answer.
    expect(second.data.quotas).toHaveLength(1);
    expect(second.data.guardrails.available).toBe(true);
  });

  it('says guardrails are not available where the cluster serves no PolicyReports', async () => {
    const bare = await startKubernetesApiTestDouble({
      port: 0,
      fixturesDir: false,
      objects: [
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'payments' },
        },
        {
          apiVersion: 'v1',
          kind: 'ResourceQuota',
          metadata: { name: 'q', namespace: 'payments' },
          spec: { hard: { pods: '10' } },
        },
      ],
    });
    try {
      const { server } = await startPavedTestBackend(ENTITIES, [
        { name: 'paved-second', url: bare.url },
      ]);
      const res = await request(server).get(route('tenant-pinned')).set(asUser);
      expect(res.status).toBe(200);
      const summary = res.body.clusters[0].data;
      expect(summary.guardrails).toEqual({
        available: false,
        reason: expect.stringContaining('serves no PolicyReports'),
      });
      expect(summary.quotas[0].items).toEqual([
        expect.objectContaining({ resource: 'pods', hard: '10' }),
      ]);
      // No bindings at all: nobody may exec.
      expect(rowOf(summary, 'exec').subjects).toEqual([]);
    } finally {
      await bare.close();
    }
  });

  it.each([
    ['paved-local', 'resource', /is not a tenant/],
    ['tenant-empty', 'resource', /names no namespaces.*paved\.dev\/namespaces/],
  ])('answers 400 for %s, naming what to fix', async (name, kind, message) => {
    const { server } = await startPavedTestBackend(ENTITIES, twoClusters());
    const res = await request(server).get(route(name, kind)).set(asUser);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(primary.requests).toEqual([]);
  });

  it('answers 404 for a tenant the catalog does not have', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, twoClusters());
    const res = await request(server).get(route('tenant-nobody')).set(asUser);
    expect(res.status).toBe(404);
  });
});
