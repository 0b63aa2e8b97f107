import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ClusterAccess } from './ClusterAccess';

const K8S = 'http://backstage.test/api/kubernetes';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const access = new ClusterAccess({
  auth: mockServices.auth(),
  discovery: {
    getBaseUrl: async () => K8S,
    getExternalBaseUrl: async () => K8S,
  },
});

describe('ClusterAccess.listClusters', () => {
  it('asks the Kubernetes backend once per call context, across feature copies', async () => {
    let asked = 0;
    server.use(
      http.get(`${K8S}/clusters`, () => {
        asked++;
        return HttpResponse.json({ items: [{ name: 'a' }, { name: 'b' }] });
      }),
    );
    const ctx = { credentials: mockCredentials.user(), clusterAuthHeaders: {} };
    const lists = await Promise.all([
      access.forFeature('health').listClusters(ctx),
      access.forFeature('conformance').listClusters(ctx),
      access.forFeature('cost').listClusters(ctx),
    ]);
    expect(lists).toEqual([
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(asked).toBe(1);

    // Another request (another context) asks again.
    await access.listClusters({
      credentials: mockCredentials.user(),
      clusterAuthHeaders: {},
    });
    expect(asked).toBe(2);
  });
});
