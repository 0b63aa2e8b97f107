import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_ADMIN_TOKEN } from '@paved/kubernetes-api-test-double';
import { pavedPlugin } from '../../plugin';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { startPavedTestBackend } from '../../__testUtils__/testBackend';
import { isAllowedRead } from '../clusters/readAllowList';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

const component = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': name, ...annotations },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments-team',
  },
});

const ENTITIES = [
  component('ledger-worker'),
  component('payments-api'),
  component('pinned-ledger', {
    'backstage.io/kubernetes-id': 'ledger-worker',
    'backstage.io/kubernetes-cluster': 'paved-second',
    'backstage.io/kubernetes-namespace': 'payments',
  }),
];

const asUser = { Authorization: mockCredentials.user.header() };
const route = (name: string, query: Record<string, string>) =>
  `/api/paved/evidence/entity/default/component/${name}?${new URLSearchParams(
    query,
  )}`;
const crashLooping = {
  cluster: 'paved-local',
  namespace: 'payments',
  pod: 'ledger-worker-1',
};

jest.setTimeout(60_000);

describe('paved backend evidence route', () => {
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

  const clusters = () => [
    { name: 'paved-local', url: primary.url },
    { name: 'paved-second', url: secondary.url },
  ];

  it("shows a crash-looping Pod's events and its previous container's last lines, redacted", async () => {
    const { server } = await startPavedTestBackend(ENTITIES, clusters());
    const res = await request(server)
      .get(route('ledger-worker', crashLooping))
      .set(asUser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/ledger-worker',
      cluster: 'paved-local',
      namespace: 'payments',
      object: { kind: 'Pod', name: 'ledger-worker-1' },
      container: 'ledger-worker',
      containers: ['ledger-worker'],
      commands: {
        previousLog:
          'kubectl --context paved-local -n payments logs ledger-worker-1 -c ledger-worker --previous --tail=100 --limit-bytes=65536',
        events:
          'kubectl --context paved-local -n payments get events --field-selector involvedObject.kind=Pod,involvedObject.name=ledger-worker-1 --sort-by=.lastTimestamp',
      },
    });
    const log = res.body.previousLog.value;
    expect(log.found).toBe(true);
    expect(log.lines).toHaveLength(6);
    expect(log.lines[5]).toContain('cannot start without a consistent ledger');
    // The password the container logged is not in the answer.
    expect(JSON.stringify(res.body)).not.toContain('l3dger-s3cret-2026');
    expect(JSON.parse(log.lines[2])).toMatchObject({
      msg: 'connecting to ledger database',
      user: 'ledger',
      password: '[redacted]',
    });
    expect(log.redactedLines).toBe(1);
    expect(log.truncated).toBe(false);

    const events = res.body.events.value;
    expect(events.map((e: any) => e.reason)).toContain('BackOff');
    // Newest first.
    const seen = events.map((e: any) => Date.parse(e.lastSeen));
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);

    // What reached the cluster: GETs inside the health list, and the one
    // bounded previous-log read; never a Secret.
    const reads = primary.requests.map(r => ({
      ...r,
      full: `${r.path}?${new URLSearchParams(r.query)}`,
    }));
    expect(reads.every(r => r.method === 'GET')).toBe(true);
    expect(reads.some(r => /secrets/.test(r.path))).toBe(false);
    const logReads = reads.filter(r => r.path.endsWith('/log'));
    expect(logReads.map(r => r.query)).toEqual([
      {
        container: 'ledger-worker',
        previous: 'true',
        tailLines: '100',
        limitBytes: '65536',
      },
    ]);
    expect(
      reads.every(
        r => isAllowedRead('evidence', r.full),
      ),
    ).toBe(true);
    expect(secondary.requests).toEqual([]);
  });

  it('honours the configured line and byte limits', async () => {
    // startPavedTestBackend has no paved.evidence; the same backend, with it.
    const { server } = await startTestBackend({
      features: [
        kubernetesPlugin,
        pavedPlugin,
        catalogServiceMock.factory({ entities: ENTITIES }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: clusters().map(c => ({
                    ...c,
                    authProvider: 'serviceAccount',
                    serviceAccountToken: DEFAULT_ADMIN_TOKEN,
                    skipTLSVerify: true,
                  })),
                },
              ],
            },
            paved: { evidence: { tailLines: 2, limitBytes: 100 } },
          },
        }),
      ],
    });
    const res = await request(server)
      .get(route('ledger-worker', crashLooping))
      .set(asUser);
    expect(res.status).toBe(200);
    const log = res.body.previousLog.value;
    expect(log).toMatchObject({
      tailLines: 2,
      limitBytes: 100,
      truncated: true,
    });
    expect(Buffer.byteLength(log.lines.join('\n'))).toBeLessThanOrEqual(100);
    expect(res.body.commands.previousLog).toContain(
      '--tail=2 --limit-bytes=100',
    );
    expect(
      primary.requests.find(r => r.path.endsWith('/log'))?.query,
    ).toMatchObject({
      tailLines: '2',
      limitBytes: '100',
    });
  });

  it('says there is no previous log, without asking, for a container that never terminated', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, clusters());
    const res = await request(server)
      .get(route('ledger-worker', { ...crashLooping, pod: 'ledger-worker-0' }))
      .set(asUser);
    expect(res.status).toBe(200);
    expect(res.body.previousLog).toEqual({
      ok: true,
      value: {
        found: false,
        message:
          'Container ledger-worker of Pod ledger-worker-0 has not terminated before: there is no previous log',
      },
    });
    expect(primary.requests.some(r => r.path.endsWith('/log'))).toBe(false);
  });

  it("shows an OOM-killed Pod's previous log, and a workload's events without a log", async () => {
    const { server } = await startPavedTestBackend(ENTITIES, clusters());
    const oom = await request(server)
      .get(
        route('payments-api', {
          cluster: 'paved-local',
          namespace: 'payments',
          pod: 'payments-api-7c9d8f6b5d-tq9mc',
        }),
      )
      .set(asUser);
    expect(oom.status).toBe(200);
    expect(oom.body.previousLog.value.lines.join('\n')).toContain(
      'heap usage high',
    );
    const workload = await request(server)
      .get(
        route('ledger-worker', {
          cluster: 'paved-local',
          namespace: 'payments',
          workload: 'StatefulSet/ledger-worker',
        }),
      )
      .set(asUser);
    expect(workload.status).toBe(200);
    expect(workload.body.object).toEqual({
      kind: 'StatefulSet',
      name: 'ledger-worker',
    });
    expect(workload.body.previousLog).toBeUndefined();
    expect(workload.body.commands.previousLog).toBeUndefined();
    expect(workload.body.events.ok).toBe(true);
  });

  it('a failing log read is an error beside the events', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, clusters());
    primary.failNext(
      '/api/v1/namespaces/payments/pods/ledger-worker-1/log',
      500,
      {
        message: 'kubelet said no',
      },
    );
    const res = await request(server)
      .get(route('ledger-worker', crashLooping))
      .set(asUser);
    expect(res.status).toBe(200);
    expect(res.body.events.ok).toBe(true);
    expect(res.body.previousLog).toEqual({
      ok: false,
      error: {
        name: 'ClusterRequestError',
        message: 'HTTP 500: kubelet said no',
        statusCode: 500,
      },
    });
  });

  it('only for Pods the component selects, in its clusters and namespace (404 naming what is wrong)', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, clusters());
    const notOurs = await request(server)
      .get(
        route('ledger-worker', {
          ...crashLooping,
          pod: 'payments-api-7c9d8f6b5d-tq9mc',
        }),
      )
      .set(asUser);
    expect(notOurs.status).toBe(404);
    expect(notOurs.body.error.message).toBe(
      "No Pod payments/payments-api-7c9d8f6b5d-tq9mc of component:default/ledger-worker in cluster 'paved-local' (selector backstage.io/kubernetes-id=ledger-worker)",
    );
    const unknownCluster = await request(server)
      .get(route('ledger-worker', { ...crashLooping, cluster: 'nowhere' }))
      .set(asUser);
    expect(unknownCluster.status).toBe(404);
    expect(unknownCluster.body.error.message).toBe(
      "Cluster 'nowhere' is not configured in the Kubernetes backend",
    );
    const pinned = await request(server)
      .get(route('pinned-ledger', crashLooping))
      .set(asUser);
    expect(pinned.status).toBe(404);
    expect(pinned.body.error.message).toContain(
      "runs only in cluster 'paved-second' (backstage.io/kubernetes-cluster)",
    );
    const otherNamespace = await request(server)
      .get(
        route('pinned-ledger', {
          ...crashLooping,
          cluster: 'paved-second',
          namespace: 'checkout',
        }),
      )
      .set(asUser);
    expect(otherNamespace.status).toBe(404);
    expect(otherNamespace.body.error.message).toContain(
      "runs only in namespace 'payments'",
    );
    const noEntity = await request(server)
      .get(route('nope', crashLooping))
      .set(asUser);
    expect(noEntity.status).toBe(404);
    const badContainer = await request(server)
      .get(route('ledger-worker', { ...crashLooping, container: 'sidecar' }))
      .set(asUser);
    expect(badContainer.status).toBe(400);
    expect(badContainer.body.error.message).toBe(
      "container: Pod ledger-worker-1 has no container 'sidecar'; it has ledger-worker",
    );
    expect(primary.requests.some(r => r.path.endsWith('/log'))).toBe(false);
  });

  it.each([
    [{}, 'cluster is required'],
    [{ cluster: 'paved-local' }, 'namespace is required'],
    [
      { cluster: 'paved-local', namespace: 'payments' },
      'pod or workload is required',
    ],
    [
      { cluster: 'paved-local', namespace: 'Payments!', pod: 'x' },
      "namespace: 'Payments!' is not a Kubernetes name",
    ],
    [
      { cluster: 'paved-local', namespace: 'payments', pod: '../secrets/x' },
      "pod: '../secrets/x' is not a Kubernetes name",
    ],
    [
      {
        cluster: 'paved-local',
        namespace: 'payments',
        workload: 'Secret/db',
      },
      "workload: 'Secret/db' is not <Kind>/<name>",
    ],
    [
      {
        cluster: 'paved-local',
        namespace: 'payments',
        pod: 'a',
        workload: 'Deployment/b',
      },
      'give pod or workload, not both',
    ],
  ])('400 for %j: %s', async (query, message) => {
    const { server } = await startPavedTestBackend(ENTITIES, clusters());
    const res = await request(server)
      .get(route('ledger-worker', query as Record<string, string>))
      .set(asUser);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(primary.requests).toEqual([]);
  });

  it('403 without paved.logs.read, and nothing is read', async () => {
    const { server } = await startPavedTestBackend(ENTITIES, clusters(), {
      permissions: name =>
        name === 'paved.logs.read'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    const res = await request(server)
      .get(route('ledger-worker', crashLooping))
      .set(asUser);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Missing permission paved.logs.read');
    expect(primary.requests).toEqual([]);
  });
});
