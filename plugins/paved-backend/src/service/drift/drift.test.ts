import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { startPavedTestBackend } from '../../__testUtils__/testBackend';
import {
  BASELINE_INPUTS,
  renderBaseline,
  startBaselineDouble,
} from './__testUtils__/baselineDouble';
import { isAllowedRead } from '../clusters/readAllowList';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

const resource = (
  name: string,
  type: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', annotations },
  spec: { type, owner: 'group:default/payments-team' },
});

const LEDGER = {
  'paved.dev/tenant': 'ledger',
  'paved.dev/tier': '1',
  'paved.dev/namespaces': 'ledger-dev',
  'paved.dev/isolation': 'namespace',
};

const ENTITIES: Entity[] = [
  resource('tenant-ledger', 'kubernetes-tenant', {
    ...LEDGER,
    'backstage.io/kubernetes-cluster': 'paved-local',
  }),
  resource('tenant-ledger-anywhere', 'kubernetes-tenant', LEDGER),
  resource('tenant-bare', 'kubernetes-tenant', { 'paved.dev/tenant': 'bare' }),
  resource('paved-local', 'kubernetes-cluster', { 'paved.dev/tier': '2' }),
];

const asUser = { Authorization: mockCredentials.user.header() };
const route = (name: string) =>
  `/api/paved/drift/entity/default/resource/${name}`;
const named = (drift: any, kind: string, name: string) =>
  drift.objects.find(
    (o: any) => o.object.kind === kind && o.object.name === name,
  );

jest.setTimeout(120_000);

describe('paved backend drift route', () => {
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

  it("lists the tenant's hand-changed fields with who changed them, GET only", async () => {
    const { server } = await startPavedTestBackend(ENTITIES, [
      { name: 'paved-local', url: primary.url },
    ]);
    const res = await request(server).get(route('tenant-ledger')).set(asUser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'resource:default/tenant-ledger',
      subject: 'tenant',
    });
    const [cluster] = res.body.clusters;
    expect(cluster).toMatchObject({ cluster: 'paved-local', ok: true });
    const { drift } = cluster;
    expect(drift.counts).toEqual({
      compared: 11,
      inSync: 9,
      drifted: 2,
      missing: 0,
      notCompared: 0,
    });
    expect(named(drift, 'Namespace', 'ledger-dev').fields).toEqual([
      {
        path: 'metadata.labels["pod-security.kubernetes.io/enforce"]',
        desired: 'baseline',
        live: 'privileged',
        managers: [
          expect.objectContaining({
            manager: 'kubectl-label',
            operation: 'Update',
          }),
        ],
      },
    ]);
    expect(named(drift, 'RoleBinding', 'tenant-developer').fields).toEqual([
      {
        path: 'subjects[name=contractor@example.com]',
        live: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'User',
          name: 'contractor@example.com',
        },
        managers: [expect.objectContaining({ manager: 'kubectl-edit' })],
      },
    ]);
    expect(drift.problems).toHaveLength(2);
    expect(drift.problems[0].runbook.id).toBe('gitops-sync-failed');
    // The server's own label on the namespace and quota status are no drift.
    expect(
      drift.objects.flatMap((o: any) => o.fields.map((f: any) => f.path)),
    ).not.toContain('metadata.labels["kubernetes.io/metadata.name"]');
    expect(primary.requests.length).toBeGreaterThan(5);
    // Only GETs, inside drift's allow-list; never a Secret.
    expect(
      primary.requests.filter(r => r.method !== 'GET' || !isAllowedRead('drift', r.path)),
    ).toEqual([]);
    expect(primary.requests.some(r => /\/secrets/.test(r.path))).toBe(false);
  });

  it('answers a 403 from one cluster on that cluster, beside the other', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, [
      { name: 'paved-local', url: primary.url },
      { name: 'paved-second', url: secondary.url },
    ]);
    secondary.failNext('/api/v1/namespaces/ledger-dev', 403, { times: 10 });
    const res = await request(server)
      .get(route('tenant-ledger-anywhere'))
      .set(asUser);
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.clusters.map((c: any) => [c.cluster, c]),
    );
    expect(byName['paved-local']).toMatchObject({ ok: true });
    expect(byName['paved-local'].drift.counts.drifted).toBe(2);
    expect(byName['paved-second']).toMatchObject({
      ok: false,
      error: { statusCode: 403 },
    });
    expect(byName['paved-second'].error.message).toContain('ledger-dev');
  });

  it('is refused without paved.drift.read', async () => {
    const { server } = await startPavedTestBackend(
      ENTITIES,
      [{ name: 'paved-local', url: primary.url }],
      { permissions: AuthorizeResult.DENY },
    );
    const res = await request(server).get(route('tenant-ledger')).set(asUser);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('paved.drift.read');
    expect(primary.requests).toEqual([]);
  });

  it('says what to annotate when there is nothing to compare', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, [
      { name: 'paved-local', url: primary.url },
    ]);
    const bare = await request(server).get(route('tenant-bare')).set(asUser);
    expect(bare.status).toBe(200);
    expect(bare.body).toMatchObject({ subject: 'tenant', clusters: [] });
    expect(bare.body.nothingToCompare).toContain(
      'paved.dev/tier, paved.dev/namespaces',
    );
    const cluster = await request(server).get(route('paved-local')).set(asUser);
    expect(cluster.body).toMatchObject({
      subject: 'cluster-baseline',
      clusters: [],
    });
    expect(cluster.body.nothingToCompare).toContain(
      'paved.dev/baseline-inputs',
    );
    expect(primary.requests).toEqual([]);
  });
});

describe('drift of a cluster baseline', () => {
  it("finds hand changes, leaves the autoscaler's replicas alone, names what it could not read", async () => {
    const objects = renderBaseline('paved-local', 3);
    const deployment = objects.find(o => o.kind === 'Deployment')!;
    const policy = objects.find(o => o.kind === 'ClusterPolicy')!;
    const double = await startBaselineDouble(objects, o => {
      if (o === undefined) return o;
      if (
        o.kind === 'Deployment' &&
        o.metadata.name === deployment.metadata.name
      ) {
        (o as any).spec.replicas = 9;
        (o.metadata as any).managedFields = [
          {
            manager: 'kube-controller-manager',
            operation: 'Update',
            subresource: 'scale',
            apiVersion: 'apps/v1',
            fieldsType: 'FieldsV1',
            fieldsV1: { 'f:spec': { 'f:replicas': {} } },
          },
        ];
      }
      if (
        o.kind === 'ClusterPolicy' &&
        o.metadata.name === policy.metadata.name
      ) {
        (o as any).spec.validationFailureAction = 'Audit';
        (o.metadata as any).managedFields = [
          {
            manager: 'kubectl-edit',
            operation: 'Update',
            apiVersion: 'kyverno.io/v1',
            fieldsType: 'FieldsV1',
            fieldsV1: { 'f:spec': { 'f:validationFailureAction': {} } },
          },
        ];
      }
      return o;
    });
    try {
      const { server } = await startPavedTestBackend(
        [
          resource('paved-local', 'kubernetes-cluster', {
            'paved.dev/tier': '3',
            'paved.dev/baseline-inputs': JSON.stringify(BASELINE_INPUTS),
          }),
        ],
        [{ name: 'paved-local', url: double.url }],
      );
      const res = await request(server).get(route('paved-local')).set(asUser);
      expect(res.status).toBe(200);
      const [cluster] = res.body.clusters;
      expect(cluster.ok).toBe(true);
      const { drift } = cluster;
      expect(drift.source).toBe('cluster-baseline');
      expect(drift.counts.compared + drift.counts.notCompared).toBe(
        objects.length,
      );
      // The HPA's replicas: not drift.
      expect(
        named(drift, 'Deployment', deployment.metadata.name),
      ).toBeUndefined();
      const edited = named(drift, 'ClusterPolicy', policy.metadata.name);
      expect(edited.fields).toEqual([
        expect.objectContaining({
          path: 'spec.validationFailureAction',
          live: 'Audit',
          managers: [expect.objectContaining({ manager: 'kubectl-edit' })],
        }),
      ]);
      // Kinds no Paved allow-list includes are listed, with the reason.
      const unread = drift.objects.filter(
        (o: any) => o.state === 'not-compared',
      );
      expect(unread.length).toBeLessThan(objects.length / 5);
      for (const o of unread)
        expect(o.reason).toMatch(/allow-lists do not include|does not serve/);
      expect(double.requests.every(r => r.method === 'GET')).toBe(true);
    } finally {
      await double.close();
    }
  });
});
