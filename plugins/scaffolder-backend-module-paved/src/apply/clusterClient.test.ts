/*
 * The scaffolder's client for configured clusters (@kubernetes/client-node,
 * ADR 0005) against the test double: TLS with the cluster's CA, objects sent
 * and read back exactly as written, its discovery and its timeout.
 */
import {
  DEFAULT_ADMIN_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import { KubeManifest } from '@paved/plugin-paved-common';
import { createServer } from 'node:net';
import { ConfiguredCluster } from '../clusters/configuredClusters';
import { answerOf, connectCluster, responseOf } from './clusterClient';

jest.setTimeout(30_000);

let double: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
beforeAll(async () => {
  double = await startKubernetesApiTestDouble({ port: 0 });
});
afterAll(() => double.close());

const overTls = (
  extra: Partial<ConfiguredCluster> = {},
): ConfiguredCluster => ({
  name: 'double-tls',
  url: double.httpsUrl,
  authProvider: 'serviceAccount',
  serviceAccountToken: DEFAULT_ADMIN_TOKEN,
  caData: Buffer.from(double.caPem).toString('base64'),
  skipTLSVerify: false,
  ...extra,
});

// Schema keywords client-node's typed models drop or rename on the way out.
const widgets: KubeManifest = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.client.paved.dev' },
  spec: {
    group: 'client.paved.dev',
    scope: 'Namespaced',
    names: { kind: 'Widget', plural: 'widgets' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                'x-kubernetes-preserve-unknown-fields': true,
                properties: {
                  size: { type: 'string', enum: ['small'], default: 'small' },
                },
              },
            },
          },
        },
      },
    ],
  },
};

describe('connectCluster', () => {
  it('applies over TLS with the cluster CA and sends the object exactly as written', async () => {
    const client = await connectCluster(overTls());
    await client.serverSideApply(widgets, {
      fieldManager: 'paved-scaffolder',
      force: false,
      dryRun: false,
    });
    const stored = await client.read(widgets);
    const spec = stored.spec.versions[0].schema.openAPIV3Schema.properties.spec;
    expect(spec['x-kubernetes-preserve-unknown-fields']).toBe(true);
    expect(spec.properties.size).toEqual({
      type: 'string',
      enum: ['small'],
      default: 'small',
    });
    const patch = double.requests.find(
      r => r.method === 'PATCH' && r.path.endsWith('/widgets.client.paved.dev'),
    );
    expect(patch).toMatchObject({
      path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.client.paved.dev',
      query: { fieldManager: 'paved-scaffolder', force: 'false' },
      status: expect.any(Number),
    });
    expect(patch?.user).toBeDefined();
    const crd = await client.readCrd('widgets.client.paved.dev');
    expect(crd.metadata?.name).toBe('widgets.client.paved.dev');
  });

  it('refuses a server its CA does not vouch for', async () => {
    const client = await connectCluster(overTls({ caData: undefined }));
    await expect(
      client.discovery.byApiVersion('v1', 'ConfigMap'),
    ).rejects.toThrow(/certificate/i);
  });

  it('answers errors as status and Status body, and reads discovery once', async () => {
    const client = await connectCluster(
      overTls({ url: double.url, caData: undefined }),
    );
    double.clearRequests();
    const missing = await answerOf(
      client.read({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'nope', namespace: 'payments' },
      }),
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ kind: 'Status', reason: 'NotFound' });
    await client.discovery.byApiVersion('v1', 'Namespace');
    expect(double.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v1',
      'GET /api/v1/namespaces/payments/configmaps/nope',
    ]);
    expect(responseOf(new Error('socket hang up'))).toBeUndefined();
  });

  it('gives up on a cluster that does not answer, naming the request', async () => {
    const client = await connectCluster(
      overTls({ url: double.url, caData: undefined }),
      { timeoutMs: 200 },
    );
    double.hangNext('/apis/hang.paved.dev/v1');
    await expect(
      client.discovery.byApiVersion('hang.paved.dev/v1', 'Thing'),
    ).rejects.toThrow('GET /apis/hang.paved.dev/v1 timed out');
  });

  it('words a refused connection as Node does, without the fetch library', async () => {
    const server = createServer();
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await new Promise(r => server.close(r));
    const client = await connectCluster(
      overTls({ url: `http://127.0.0.1:${port}`, caData: undefined }),
    );
    await expect(
      client.discovery.byApiVersion('v1', 'ConfigMap'),
    ).rejects.toHaveProperty(
      'message',
      `connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });
});
