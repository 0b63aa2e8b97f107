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
    expect(healthy.body.cluster.health.nodes.total).toBe(4);
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
