import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_VIEWER_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { startPavedTestBackend } from './__testUtils__/testBackend';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

const ledger: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ledger-worker',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'ledger-worker',
      'backstage.io/kubernetes-namespace': 'payments',
    },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

const asUser = { Authorization: mockCredentials.user.header() };
const ADMIN = 'system:serviceaccount:kube-system:paved-admin';
const VIEWER = 'system:serviceaccount:kube-system:paved-viewer';

jest.setTimeout(60_000);

/*
 * The headers the frontend's `kubernetesAuthHeaders` sends, named as
 * @backstage/plugin-kubernetes-react names them, through Paved and the real
 * Kubernetes backend proxy to each cluster.
 */
describe("the user's cluster tokens, per cluster", () => {
  let oidcCluster: Double;
  let saCluster: Double;

  beforeAll(async () => {
    oidcCluster = await startKubernetesApiTestDouble({ port: 0 });
    saCluster = await startKubernetesApiTestDouble({ port: 0 });
  });
  afterAll(async () => {
    await oidcCluster.close();
    await saCluster.close();
  });
  beforeEach(() => {
    oidcCluster.clearRequests();
    saCluster.clearRequests();
  });

  const start = () =>
    startPavedTestBackend(
      [ledger],
      [
        {
          name: 'prod-oidc',
          url: oidcCluster.url,
          authProvider: 'oidc',
          oidcTokenProvider: 'okta',
          serviceAccountToken: undefined,
        },
        { name: 'paved-local', url: saCluster.url },
      ],
    );

  it('reaches the oidc cluster with the forwarded token and the serviceAccount cluster with its own', async () => {
    const { server } = await start();
    const res = await request(server)
      .get('/api/paved/health/entity/default/component/ledger-worker')
      .set(asUser)
      .set(
        'Backstage-Kubernetes-Authorization-oidc-okta',
        DEFAULT_VIEWER_TOKEN,
      );
    expect(res.status).toBe(200);
    expect(res.body.clusters.map((c: any) => [c.cluster, c.ok])).toEqual([
      ['prod-oidc', true],
      ['paved-local', true],
    ]);
    expect(oidcCluster.requests.length).toBeGreaterThan(0);
    expect(new Set(oidcCluster.requests.map(r => r.user))).toEqual(
      new Set([VIEWER]),
    );
    expect(new Set(saCluster.requests.map(r => r.user))).toEqual(
      new Set([ADMIN]),
    );
  });

  it('fails only the oidc cluster when the browser sends no token', async () => {
    const { server } = await start();
    const res = await request(server)
      .get('/api/paved/health/entity/default/component/ledger-worker')
      .set(asUser);
    expect(res.status).toBe(200);
    expect(res.body.clusters).toMatchObject([
      { cluster: 'prod-oidc', ok: false },
      { cluster: 'paved-local', ok: true },
    ]);
    // No request without credentials reached the oidc cluster as anyone.
    expect(oidcCluster.requests.filter(r => r.user)).toEqual([]);
  });

  it('ignores a token for a provider no cluster uses', async () => {
    const { server } = await start();
    const res = await request(server)
      .get('/api/paved/health/entity/default/component/ledger-worker')
      .set(asUser)
      .set('Backstage-Kubernetes-Authorization-google', DEFAULT_VIEWER_TOKEN);
    expect(res.body.clusters[0]).toMatchObject({
      cluster: 'prod-oidc',
      ok: false,
    });
    expect(new Set(saCluster.requests.map(r => r.user))).toEqual(
      new Set([ADMIN]),
    );
  });
});
