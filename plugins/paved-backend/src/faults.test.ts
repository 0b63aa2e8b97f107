import { mockCredentials } from '@backstage/backend-test-utils';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { startPavedTestBackend } from './__testUtils__/testBackend';

// The first proxy call loads @kubernetes/client-node through Jest's transform.
jest.setTimeout(60_000);

// Long enough that a healthy cluster answers on a loaded 2-core CI machine.
const TIMEOUT_MS = 3000;

/** A server that answers every request the same (broken) way. */
async function startFakeCluster(
  handler: http.RequestListener,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function freePort(): Promise<number> {
  const fake = await startFakeCluster(() => {});
  const port = Number(new URL(fake.url).port);
  await fake.close();
  return port;
}

describe('fault matrix: every fault is one cluster error beside the healthy cluster', () => {
  let double: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
  let faulty: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
  const fakes: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
    faulty = await startKubernetesApiTestDouble({ port: 0 });
  });
  afterAll(async () => {
    await double.close();
    await faulty.close();
    await Promise.all(fakes.map(f => f.close()));
  });

  async function clusterHealthWith(faultyUrl: string) {
    // No cache (clusterTimeoutMs turns it off): the warm-up below must not
    // answer the measured call.
    const { server } = await startPavedTestBackend(
      [],
      [
        { name: 'healthy', url: double.url },
        { name: 'faulty', url: faultyUrl },
      ],
      { clusterTimeoutMs: TIMEOUT_MS },
    );
    const auth = { Authorization: mockCredentials.user.header() };
    // Warm up until the proxy answers, so the timeout measures the cluster,
    // not loading @kubernetes/client-node.
    for (let i = 0; i < 5; i++) {
      const warm = await request(server)
        .get('/api/paved/health/cluster/healthy')
        .set(auth);
      if (warm.body.cluster?.ok) break;
    }
    const started = Date.now();
    const [healthy, broken] = await Promise.all([
      request(server).get('/api/paved/health/cluster/healthy').set(auth),
      request(server).get('/api/paved/health/cluster/faulty').set(auth),
    ]);
    const elapsed = Date.now() - started;
    expect(healthy.body.cluster.ok).toBe(true);
    expect(healthy.body.cluster.data.nodes.total).toBe(4);
    expect(broken.status).toBe(200);
    expect(broken.body.cluster.ok).toBe(false);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 3000);
    return broken.body.cluster.error;
  }

  afterEach(() => faulty.clearFaults());

  it.each([401, 403, 404, 410, 500])(
    'HTTP %i from the cluster',
    async status => {
      faulty.failNext('/api/v1/nodes', status, { message: `fault ${status}` });
      const error = await clusterHealthWith(faulty.url);
      expect(error).toMatchObject({
        statusCode: status,
        message: expect.stringContaining(`fault ${status}`),
      });
    },
  );

  it('a cluster that hangs', async () => {
    faulty.hangNext('/api/v1/pods');
    const error = await clusterHealthWith(faulty.url);
    expect(error.name).toBe('ClusterTimeoutError');
  });

  it('malformed JSON', async () => {
    const fake = await startFakeCluster((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"kind":"NodeList","items":[{');
    });
    fakes.push(fake);
    const error = await clusterHealthWith(fake.url);
    expect(error.message).toMatch(/Malformed JSON/);
  });

  it('connection refused: "unreachable", and no internal address in the answer', async () => {
    const port = await freePort();
    const error = await clusterHealthWith(`http://127.0.0.1:${port}`);
    expect(error.statusCode).toBe(503);
    expect(error.message).toBe(
      'Cluster unreachable: connection refused (the backend log has the details)',
    );
    expect(JSON.stringify(error)).not.toMatch(
      new RegExp(`127\\.0\\.0\\.1|${port}`),
    );
  });

  it('a 50 MB response', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const fake = await startFakeCluster((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"kind":"NodeList","items":[],"padding":"');
      let sent = 0;
      const pump = () => {
        while (sent < 50) {
          sent += 1;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end('"}');
      };
      pump();
      res.on('error', () => {});
    });
    fakes.push(fake);
    const error = await clusterHealthWith(fake.url);
    expect(error.message).toMatch(/larger than/);
  });
});

describe('fleet fault matrix: a bad cluster is its own row, never holding up or hiding the others', () => {
  let good: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
  let faulty: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
  const fakes: { close(): Promise<void> }[] = [];
  // Both tiered: the faulty cluster's Pods are the read health and
  // conformance share, so a fault there reaches both.
  const tiered = (name: string) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'paved.dev/tier': '2' },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  });

  beforeAll(async () => {
    good = await startKubernetesApiTestDouble({ port: 0 });
    faulty = await startKubernetesApiTestDouble({ port: 0 });
  });
  afterAll(async () => {
    await good.close();
    await faulty.close();
    await Promise.all(fakes.map(f => f.close()));
  });
  afterEach(() => faulty.clearFaults());

  /** The fleet with `good` and `faulty`; `arm` sets the fault after warm-up. */
  async function fleetWith(faultyUrl: string, arm: () => void = () => {}) {
    const { server } = await startPavedTestBackend(
      [tiered('good'), tiered('faulty')],
      [
        { name: 'good', url: good.url },
        { name: 'faulty', url: faultyUrl },
      ],
      { clusterTimeoutMs: TIMEOUT_MS },
    );
    const auth = { Authorization: mockCredentials.user.header() };
    for (let i = 0; i < 5; i++) {
      const warm = await request(server).get('/api/paved/fleet').set(auth);
      const row = warm.body.clusters?.find((r: any) => r.cluster === 'good');
      if (row?.health && row.conformance?.ok) break;
    }
    arm();
    const started = Date.now();
    const res = await request(server).get('/api/paved/fleet').set(auth);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.clusters.map((r: any) => [r.cluster, r]),
    );
    expect(Object.keys(byName).sort()).toEqual(['faulty', 'good']);
    // The good cluster is read in full: every column, as if alone.
    expect(byName.good.health.nodes.total).toBe(4);
    expect(byName.good.conformance).toMatchObject({ ok: true, tier: 2 });
    expect(byName.good.cost).toMatchObject({ ok: true });
    expect(byName.faulty.readiness).toBe('error');
    expect(byName.faulty.health).toBeUndefined();
    // The error row sorts first, so it cannot hide below healthy rows.
    expect(res.body.clusters[0].cluster).toBe('faulty');
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 3000);
    return byName.faulty;
  }

  it.each([401, 403, 404, 410, 500])(
    'HTTP %i on the shared Pod list',
    async status => {
      const row = await fleetWith(faulty.url, () =>
        faulty.failNext('/api/v1/pods', status, {
          message: `fault ${status}`,
        }),
      );
      expect(row.error).toMatchObject({
        statusCode: status,
        message: expect.stringContaining(`fault ${status}`),
      });
      // Conformance read the same failed list and says so.
      expect(row.conformance).toMatchObject({
        ok: false,
        message: expect.stringContaining(`fault ${status}`),
      });
    },
  );

  it('a cluster that hangs on the Pod list', async () => {
    const row = await fleetWith(faulty.url, () =>
      faulty.hangNext('/api/v1/pods'),
    );
    expect(row.error.name).toBe('ClusterTimeoutError');
    expect(row.conformance.ok).toBe(false);
  });

  it('malformed JSON', async () => {
    const fake = await startFakeCluster((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"kind":"PodList","items":[{');
    });
    fakes.push(fake);
    const row = await fleetWith(fake.url);
    expect(row.error.message).toMatch(/Malformed JSON/);
  });

  it('connection refused: "unreachable", and no internal address', async () => {
    const port = await freePort();
    const row = await fleetWith(`http://127.0.0.1:${port}`);
    expect(row.error).toMatchObject({
      statusCode: 503,
      message:
        'Cluster unreachable: connection refused (the backend log has the details)',
    });
    expect(JSON.stringify(row)).not.toMatch(
      new RegExp(`127\\.0\\.0\\.1|:${port}`),
    );
  });

  it('a 50 MB response', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const fake = await startFakeCluster((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"kind":"PodList","items":[],"padding":"');
      let sent = 0;
      const pump = () => {
        while (sent < 50) {
          sent += 1;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end('"}');
      };
      pump();
      res.on('error', () => {});
    });
    fakes.push(fake);
    const row = await fleetWith(fake.url);
    expect(row.error.message).toMatch(/larger than/);
  });
});

describe('fault matrix, evidence route: each fault is the cluster error in the answer, naming it', () => {
  let double: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
  let faulty: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
  const fakes: { close(): Promise<void> }[] = [];
  const PODS = '/api/v1/namespaces/payments/pods';
  const LOG = `${PODS}/ledger-worker-1/log`;
  const ledger = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'ledger-worker',
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': 'ledger-worker' },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team' },
  };

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
    faulty = await startKubernetesApiTestDouble({ port: 0 });
  });
  afterAll(async () => {
    await double.close();
    await faulty.close();
    await Promise.all(fakes.map(f => f.close()));
  });
  afterEach(() => faulty.clearFaults());

  /** The healthy cluster's evidence and the faulty one's, asked at once. */
  async function evidenceWith(faultyUrl: string) {
    const { server } = await startPavedTestBackend(
      [ledger],
      [
        { name: 'healthy', url: double.url },
        { name: 'faulty', url: faultyUrl },
      ],
      { clusterTimeoutMs: TIMEOUT_MS },
    );
    const auth = { Authorization: mockCredentials.user.header() };
    const url = (cluster: string) =>
      `/api/paved/evidence/entity/default/component/ledger-worker?cluster=${cluster}&namespace=payments&pod=ledger-worker-1`;
    for (let i = 0; i < 5; i++) {
      const warm = await request(server).get(url('healthy')).set(auth);
      if (warm.body.events?.ok) break;
    }
    const started = Date.now();
    const [healthy, broken] = await Promise.all([
      request(server).get(url('healthy')).set(auth),
      request(server).get(url('faulty')).set(auth),
    ]);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 3000);
    expect(healthy.body.previousLog.value.found).toBe(true);
    expect(broken.status).toBe(200);
    return broken.body;
  }

  it.each([401, 403, 404, 410, 500])(
    'HTTP %i from the cluster when asked for the Pod: nothing else is read',
    async status => {
      faulty.clearRequests();
      faulty.failNext(PODS, status, { message: `fault ${status}` });
      const body = await evidenceWith(faulty.url);
      expect(body.error).toMatchObject({
        statusCode: status,
        message: expect.stringContaining(`fault ${status}`),
      });
      expect(body.events).toBeUndefined();
      expect(faulty.requests.some(r => r.path === LOG)).toBe(false);
    },
  );

  it.each([401, 403, 404, 410, 500])(
    'HTTP %i from the cluster for the log: an error beside the events',
    async status => {
      faulty.failNext(LOG, status, { message: `log fault ${status}` });
      const body = await evidenceWith(faulty.url);
      expect(body.error).toBeUndefined();
      expect(body.events.ok).toBe(true);
      expect(body.previousLog.error).toMatchObject({
        statusCode: status,
        message: expect.stringContaining(`log fault ${status}`),
      });
    },
  );

  it('a cluster that hangs: on the Pod, the whole answer; on the log, the log only', async () => {
    faulty.hangNext(PODS);
    const whole = await evidenceWith(faulty.url);
    expect(whole.error.name).toBe('ClusterTimeoutError');
    faulty.hangNext(LOG);
    const logOnly = await evidenceWith(faulty.url);
    expect(logOnly.events.ok).toBe(true);
    expect(logOnly.previousLog.error.name).toBe('ClusterTimeoutError');
  });

  it('malformed JSON', async () => {
    const fake = await startFakeCluster((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"kind":"PodList","items":[{');
    });
    fakes.push(fake);
    const body = await evidenceWith(fake.url);
    expect(body.error.message).toMatch(/Malformed JSON/);
  });

  it('a 50 MB response: refused, naming the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const fake = await startFakeCluster((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"kind":"PodList","items":[],"padding":"');
      let sent = 0;
      const pump = () => {
        while (sent < 50) {
          sent += 1;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end('"}');
      };
      pump();
      res.on('error', () => {});
    });
    fakes.push(fake);
    const body = await evidenceWith(fake.url);
    expect(body.error.message).toMatch(/larger than/);
  });

  it('connection refused: "unreachable", and no internal address in the answer', async () => {
    const port = await freePort();
    const body = await evidenceWith(`http://127.0.0.1:${port}`);
    expect(body.error).toMatchObject({
      statusCode: 503,
      message:
        'Cluster unreachable: connection refused (the backend log has the details)',
    });
    expect(JSON.stringify(body)).not.toMatch(
      new RegExp(`127\\.0\\.0\\.1|${port}`),
    );
  });
});
