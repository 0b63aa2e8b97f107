import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
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
});
