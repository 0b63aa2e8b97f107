/*
 * Day 2's reads and deletes against the Kubernetes API test double: objects
 * read with the tenant's label selector, kinds the cluster does not serve
 * left out, background deletion, and error answers named with the request.
 */
import {
  DEFAULT_ADMIN_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import { KubeObject } from '../render/types';
import { ClusterReadError, TenantCluster } from './tenantCluster';

jest.setTimeout(30_000);

let double: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
beforeAll(async () => {
  double = await startKubernetesApiTestDouble({ port: 0 });
  const labels = {
    'paved.dev/tenant': 'acme',
    'app.kubernetes.io/managed-by': 'paved-scaffolder',
  };
  double.store.put({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'acme-dev', labels },
  } as any);
  double.store.put({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'acme-deployer', namespace: 'acme-dev', labels },
  } as any);
  // Same namespace, not the tenant's: the label selector leaves it out.
  double.store.put({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'hand-made', namespace: 'acme-dev' },
  } as any);
});
afterAll(() => double.close());
beforeEach(() => {
  double.clearFaults();
  double.clearRequests();
});

const tenantCluster = () =>
  new TenantCluster({
    name: 'double',
    url: double.url,
    authProvider: 'serviceAccount',
    serviceAccountToken: DEFAULT_ADMIN_TOKEN,
    skipTLSVerify: false,
  });

const serviceAccount = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace: 'acme-dev' },
});
// The double serves no Kyverno kinds.
const kyvernoPolicy: KubeObject = {
  apiVersion: 'kyverno.io/v1',
  kind: 'Policy',
  metadata: { name: 'guardrails', namespace: 'acme-dev' },
};

describe('TenantCluster', () => {
  it('reads the tenant namespaces and its labelled objects, leaving out kinds the cluster does not serve', async () => {
    const objects = await tenantCluster().readTenantObjects('acme', [
      'acme-dev',
      'acme-gone',
    ]);
    expect(
      objects.map(
        o => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`,
      ),
    ).toEqual(['Namespace /acme-dev', 'ServiceAccount acme-dev/acme-deployer']);
    const lists = double.requests.filter(
      r => r.method === 'GET' && r.path.endsWith('/serviceaccounts'),
    );
    expect(lists.map(r => r.query)).toEqual([
      {
        labelSelector:
          'paved.dev/tenant=acme,app.kubernetes.io/managed-by=paved-scaffolder',
      },
    ]);
  });

  it('tells whether an object exists; a kind the cluster does not serve does not', async () => {
    const kube = tenantCluster();
    expect(await kube.exists(serviceAccount('acme-deployer'))).toBe(true);
    expect(await kube.exists(serviceAccount('nobody'))).toBe(false);
    expect(await kube.exists(kyvernoPolicy)).toBe(false);
  });

  it('lists the pods of the namespaces', async () => {
    double.store.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'api-1', namespace: 'acme-dev' },
      spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] },
      status: { phase: 'Running' },
    } as any);
    const pods = await tenantCluster().pods(['acme-dev', 'acme-gone']);
    expect(pods.map(p => `${p.metadata.name} ${p.status.phase}`)).toEqual([
      'api-1 Running',
    ]);
  });

  it('deletes with background propagation; an object already gone, or of a kind not served, is absent', async () => {
    double.store.put({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'to-delete', namespace: 'acme-dev' },
    } as any);
    const kube = tenantCluster();
    expect(await kube.delete(serviceAccount('to-delete'))).toBe('deleted');
    expect(await kube.delete(serviceAccount('to-delete'))).toBe('absent');
    expect(await kube.delete(kyvernoPolicy)).toBe('absent');
    expect(
      double.requests
        .filter(r => r.method === 'DELETE')
        .map(r => [r.path, r.query.propagationPolicy, r.status]),
    ).toEqual([
      [
        '/api/v1/namespaces/acme-dev/serviceaccounts/to-delete',
        'Background',
        200,
      ],
      [
        '/api/v1/namespaces/acme-dev/serviceaccounts/to-delete',
        'Background',
        404,
      ],
    ]);
  });

  it('names the request and the cluster when discovery answers an error', async () => {
    double.failNext('/api/v1', 503, { message: 'etcd is down' });
    const error = await tenantCluster()
      .exists(serviceAccount('acme-deployer'))
      .catch(e => e);
    expect(error).toBeInstanceOf(ClusterReadError);
    expect(error.message).toMatch(
      /^discovery of v1 on double failed: 503 \w*: etcd is down$/,
    );
  });

  it('names the request and the cluster when a read or delete answers an error', async () => {
    const path = '/api/v1/namespaces/acme-dev/serviceaccounts/acme-deployer';
    double.failNext(path, 500, { method: 'GET', message: 'boom' });
    await expect(
      tenantCluster().exists(serviceAccount('acme-deployer')),
    ).rejects.toThrow(
      new RegExp(`^GET ${path} on double failed: 500 \\w*: boom$`),
    );
    double.failNext(path, 403, { method: 'DELETE', message: 'forbidden' });
    await expect(
      tenantCluster().delete(serviceAccount('acme-deployer')),
    ).rejects.toThrow(
      new RegExp(`^DELETE ${path} on double failed: 403 \\w*: forbidden$`),
    );
    expect(await tenantCluster().exists(serviceAccount('acme-deployer'))).toBe(
      true,
    );
  });

  it('names the selector in a failed list', async () => {
    double.failNext('/api/v1/namespaces/acme-dev/serviceaccounts', 500, {
      method: 'GET',
      message: 'boom',
    });
    await expect(
      tenantCluster().readTenantObjects('acme', ['acme-dev']),
    ).rejects.toThrow(
      'GET /api/v1/namespaces/acme-dev/serviceaccounts?labelSelector=paved.dev%2Ftenant%3Dacme%2Capp.kubernetes.io%2Fmanaged-by%3Dpaved-scaffolder on double failed: 500',
    );
  });
});
