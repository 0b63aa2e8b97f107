import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  CLUSTER_LIST_TTL_MS,
  kubernetesAuthHeaderName,
  kubernetesAuthHeaders,
} from './kubernetesAuthHeaders';

const K8S = 'http://backstage.test/api/kubernetes';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** `GET /clusters` as @backstage/plugin-kubernetes-backend answers it. */
const CLUSTERS = {
  items: [
    { name: 'sa-cluster', authProvider: 'serviceAccount' },
    { name: 'eks', authProvider: 'aws', title: 'EKS' },
    { name: 'oidc-okta', authProvider: 'oidc', oidcTokenProvider: 'okta' },
    { name: 'oidc-okta-2', authProvider: 'oidc', oidcTokenProvider: 'okta' },
    { name: 'gke', authProvider: 'google' },
  ],
};

function deps(tokens: Record<string, string | Error>) {
  const getCredentials = jest.fn(async (provider: string) => {
    const token = tokens[provider];
    if (token instanceof Error) throw token;
    return token ? { token } : {};
  });
  return {
    getCredentials,
    deps: {
      discoveryApi: { getBaseUrl: async () => K8S },
      fetchApi: { fetch: (input: any, init?: any) => fetch(input, init) },
      kubernetesAuthProvidersApi: {
        getCredentials,
        decorateRequestBodyForAuth: async (_: string, body: any) => body,
      },
    },
  };
}

describe('kubernetesAuthHeaderName', () => {
  it('names headers the way the Kubernetes plugin does', () => {
    expect(kubernetesAuthHeaderName('oidc', 'okta')).toBe(
      'Backstage-Kubernetes-Authorization-oidc-okta',
    );
    expect(kubernetesAuthHeaderName('google')).toBe(
      'Backstage-Kubernetes-Authorization-google',
    );
  });
});

describe('kubernetesAuthHeaders', () => {
  it("sends the user's tokens for oidc and google clusters, nothing for server-side auth", async () => {
    server.use(http.get(`${K8S}/clusters`, () => HttpResponse.json(CLUSTERS)));
    const { deps: d, getCredentials } = deps({
      'oidc.okta': 'okta-id-token',
      google: 'google-access-token',
    });
    await expect(kubernetesAuthHeaders(d)).resolves.toEqual({
      'Backstage-Kubernetes-Authorization-oidc-okta': 'okta-id-token',
      'Backstage-Kubernetes-Authorization-google': 'google-access-token',
    });
    // One call per provider, none for serviceAccount or aws clusters.
    expect(getCredentials.mock.calls.map(c => c[0]).sort()).toEqual([
      'google',
      'oidc.okta',
    ]);
  });

  it('only looks at the clusters asked about', async () => {
    server.use(http.get(`${K8S}/clusters`, () => HttpResponse.json(CLUSTERS)));
    const { deps: d, getCredentials } = deps({ 'oidc.okta': 't' });
    await expect(
      kubernetesAuthHeaders(d, { clusters: ['sa-cluster'] }),
    ).resolves.toEqual({});
    expect(getCredentials).not.toHaveBeenCalled();
  });

  it('leaves out a provider that cannot give a token, keeping the others', async () => {
    server.use(http.get(`${K8S}/clusters`, () => HttpResponse.json(CLUSTERS)));
    const { deps: d } = deps({
      'oidc.okta': new Error('user closed the sign-in popup'),
      google: 'google-access-token',
    });
    await expect(kubernetesAuthHeaders(d)).resolves.toEqual({
      'Backstage-Kubernetes-Authorization-google': 'google-access-token',
    });
  });

  it('sends nothing when the clusters cannot be listed', async () => {
    server.use(
      http.get(`${K8S}/clusters`, () =>
        HttpResponse.json({ error: { message: 'denied' } }, { status: 403 }),
      ),
    );
    const { deps: d, getCredentials } = deps({ 'oidc.okta': 't' });
    await expect(kubernetesAuthHeaders(d)).resolves.toEqual({});
    expect(getCredentials).not.toHaveBeenCalled();
  });

  it('asks for the cluster list once for the cards of a page, and again after a while', async () => {
    let lists = 0;
    server.use(
      http.get(`${K8S}/clusters`, () => {
        lists += 1;
        return HttpResponse.json(CLUSTERS);
      }),
    );
    const { deps: d } = deps({ google: 'g' });
    const t0 = Date.now();
    // Four cards at once, then one a little later: one list.
    const headers = await Promise.all(
      [0, 0, 0, 0].map(() => kubernetesAuthHeaders(d, { now: t0 })),
    );
    await kubernetesAuthHeaders(d, { now: t0 + 1_000 });
    expect(lists).toBe(1);
    expect(headers[3]).toEqual({
      'Backstage-Kubernetes-Authorization-google': 'g',
    });
    // Past the time to live, a fresh list.
    await kubernetesAuthHeaders(d, { now: t0 + CLUSTER_LIST_TTL_MS + 1 });
    expect(lists).toBe(2);
    // Another app (another fetch API) has its own list.
    await kubernetesAuthHeaders(deps({}).deps, { now: t0 });
    expect(lists).toBe(3);
  });

  it('does not keep a failed cluster list', async () => {
    let lists = 0;
    server.use(
      http.get(`${K8S}/clusters`, () => {
        lists += 1;
        return lists === 1
          ? HttpResponse.json({ error: { message: 'down' } }, { status: 503 })
          : HttpResponse.json(CLUSTERS);
      }),
    );
    const { deps: d } = deps({ google: 'g' });
    await expect(kubernetesAuthHeaders(d)).resolves.toEqual({});
    await expect(kubernetesAuthHeaders(d)).resolves.toEqual({
      'Backstage-Kubernetes-Authorization-google': 'g',
    });
    expect(lists).toBe(2);
  });
});

describe("kubernetesAuthHeaders with the app's kubernetesApiRef", () => {
  it('reads the cluster list from its getClusters, once per client', async () => {
    // No handler: a request to the Kubernetes backend would fail the test.
    const getClusters = jest.fn(async () => CLUSTERS.items);
    const { deps: d, getCredentials } = deps({
      'oidc.okta': 'okta-id-token',
    });
    const withApi = { ...d, kubernetesApi: { getClusters } };
    const t0 = Date.now();
    await expect(kubernetesAuthHeaders(withApi, { now: t0 })).resolves.toEqual({
      'Backstage-Kubernetes-Authorization-oidc-okta': 'okta-id-token',
    });
    await kubernetesAuthHeaders(withApi, { now: t0 + 1_000 });
    expect(getClusters).toHaveBeenCalledTimes(1);
    expect(getCredentials.mock.calls.map(c => c[0])).toContain('oidc.okta');

    // Another user's app has its own client, and its own list.
    const otherGetClusters = jest.fn(async () => [
      { name: 'gke', authProvider: 'google' },
    ]);
    await expect(
      kubernetesAuthHeaders(
        {
          ...deps({ google: 'g' }).deps,
          kubernetesAuthProvidersApi: {
            getCredentials: async () => ({ token: 'g' }),
            decorateRequestBodyForAuth: async (_: string, body: any) => body,
          },
          kubernetesApi: { getClusters: otherGetClusters },
        },
        { now: t0 },
      ),
    ).resolves.toEqual({ 'Backstage-Kubernetes-Authorization-google': 'g' });
    expect(otherGetClusters).toHaveBeenCalledTimes(1);
    expect(getClusters).toHaveBeenCalledTimes(1);
  });

  it('sends nothing when getClusters fails, and asks again next time', async () => {
    const getClusters = jest
      .fn()
      .mockRejectedValueOnce(new Error('Request failed with 503'))
      .mockResolvedValue(CLUSTERS.items);
    const { deps: d } = deps({ google: 'g' });
    const withApi = { ...d, kubernetesApi: { getClusters } };
    await expect(kubernetesAuthHeaders(withApi)).resolves.toEqual({});
    await expect(kubernetesAuthHeaders(withApi)).resolves.toEqual({
      'Backstage-Kubernetes-Authorization-google': 'g',
    });
    expect(getClusters).toHaveBeenCalledTimes(2);
  });
});
