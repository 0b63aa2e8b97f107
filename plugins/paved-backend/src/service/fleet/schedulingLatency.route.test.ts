/*
 * Scheduling latency (seed 004 M3) through the real Kubernetes backend and
 * the test double, whose fixture 27-scheduling.yaml holds Pods that waited
 * for the scheduler: on the cluster health route, the component health
 * route and the fleet.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_ADMIN_TOKEN,
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { startPavedTestBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(90_000);

const auth = { Authorization: mockCredentials.user.header() };

const ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'paved-local',
      namespace: 'default',
      annotations: { 'paved.dev/tier': '2' },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'gpu-node-check',
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-label-selector':
          'app.kubernetes.io/name=gpu-node-check',
        'backstage.io/kubernetes-namespace': 'kube-system',
      },
    },
    spec: {
      type: 'service',
      owner: 'group:default/platform',
      lifecycle: 'production',
    },
  },
];

describe('scheduling latency on the health routes and the fleet', () => {
  let local: KubernetesApiTestDouble;
  let server: any;
  let startedAt: number;

  beforeAll(async () => {
    startedAt = Date.now();
    local = await startKubernetesApiTestDouble({ port: 0 });
    ({ server } = await startPavedTestBackend(ENTITIES, [
      { name: 'paved-local', url: local.url },
    ]));
  });
  afterAll(() => local.close());

  it('names the slowest Pods and the waiting one on the cluster health route', async () => {
    const res = await request(server)
      .get('/api/paved/health/cluster/paved-local')
      .set(auth);
    expect(res.status).toBe(200);
    const latency = res.body.cluster.data.schedulingLatency;
    const waits = latency.slowest.map((p: any) => p.waitedMs);
    expect(waits).toEqual([...waits].sort((a, b) => b - a));
    const named = Object.fromEntries(
      latency.slowest.map((p: any) => [p.name, p]),
    );
    // The fixture's GPU check has waited 12 minutes (fixture times are
    // relative to the double's start): still waiting, its age so far.
    const gpu = named['gpu-node-check-7q4zt'];
    expect(gpu).toMatchObject({
      namespace: 'kube-system',
      workload: 'Job/gpu-node-check',
      waiting: true,
    });
    const elapsed = Date.now() - startedAt;
    expect(gpu.waitedMs).toBeGreaterThanOrEqual(12 * 60_000 - 1000);
    expect(gpu.waitedMs).toBeLessThanOrEqual(12 * 60_000 + elapsed + 1000);
    // The etcd defrag run scheduled 47 s late, once the autoscaler added a
    // node; a CronJob's runs count as the CronJob.
    expect(named['etcd-defrag-29260980-k8xq2']).toMatchObject({
      workload: 'CronJob/etcd-defrag',
      waitedMs: 47_000,
      waiting: false,
    });
    // payments' ledger-worker-2 (20-payments.yaml) waits too, for hours.
    expect(named['ledger-worker-2']).toMatchObject({ waiting: true });
    expect(latency.waiting).toBe(2);
    expect(latency.meetsTarget).toBe(false);
    const byWorkload = Object.fromEntries(
      latency.workloads.map((w: any) => [w.workload, w]),
    );
    expect(byWorkload['CronJob/etcd-defrag']).toMatchObject({
      namespace: 'kube-system',
      pods: 2,
      waiting: 0,
      medianMs: 1000,
      p95Ms: 47_000,
    });
    expect(byWorkload['Job/gpu-node-check']).toMatchObject({
      pods: 1,
      waiting: 1,
    });
    // Every Pod the fixtures have with a creation time counts once.
    const pods = await request(local.url)
      .get('/api/v1/pods')
      .set('Authorization', `Bearer ${DEFAULT_ADMIN_TOKEN}`);
    const measurable = pods.body.items.filter(
      (p: any) =>
        p.status?.conditions?.some(
          (c: any) => c.type === 'PodScheduled' && c.status === 'True',
        ) ||
        (p.status?.phase === 'Pending' && !p.spec?.nodeName),
    );
    expect(latency.pods).toBe(measurable.length);
  });

  it("measures a component's own Pods on the component health route", async () => {
    const res = await request(server)
      .get('/api/paved/health/entity/default/component/gpu-node-check')
      .set(auth);
    expect(res.status).toBe(200);
    const [cluster] = res.body.clusters;
    expect(cluster.ok).toBe(true);
    expect(cluster.data.schedulingLatency).toMatchObject({
      pods: 1,
      waiting: 1,
      meetsTarget: false,
      slowest: [{ name: 'gpu-node-check-7q4zt', waiting: true }],
      workloads: [{ workload: 'Job/gpu-node-check', waiting: 1 }],
    });
  });

  it('puts the p95 and the waiting count in the fleet row', async () => {
    const res = await request(server).get('/api/paved/fleet').set(auth);
    const [row] = res.body.clusters;
    expect(row.health.schedulingLatency).toMatchObject({
      waiting: 2,
      meetsTarget: false,
      slowest: {
        name: 'ledger-worker-2',
        namespace: 'payments',
        waiting: true,
      },
    });
    expect(row.health.schedulingLatency.p95Ms).toBeGreaterThan(0);
  });
});
