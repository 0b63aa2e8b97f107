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
const ctx = { credentials: mockCredentials.user(), clusterAuthHeaders: {} };
const known = ['paved-local'];

describe('ClusterAccess.secretExists', () => {
  it('asks for metadata only, on behalf of the user, and returns only a boolean', async () => {
    const seen: Request[] = [];
    server.use(
      http.get(
        `${K8S}/proxy/api/v1/namespaces/payments/secrets/db-conn`,
        ({ request }) => {
          seen.push(request);
          // Even if a proxy answered with the whole Secret, none of it is kept.
          return HttpResponse.json({
            kind: 'Secret',
            data: { password: 'aHVudGVyMg==' },
          });
        },
      ),
    );
    const exists = await access.secretExists(
      'paved-local',
      known,
      'payments',
      'db-conn',
      ctx,
    );
    expect(exists).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('GET');
    expect(seen[0].headers.get('accept')).toBe(
      'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
    );
    expect(seen[0].headers.get('backstage-kubernetes-cluster')).toBe(
      'paved-local',
    );
    expect(seen[0].headers.get('authorization')).toMatch(/^Bearer /);
  });

  it('is false on 404 and an error on anything else', async () => {
    server.use(
      http.get(`${K8S}/proxy/api/v1/namespaces/payments/secrets/gone`, () =>
        HttpResponse.json({ kind: 'Status' }, { status: 404 }),
      ),
      http.get(`${K8S}/proxy/api/v1/namespaces/payments/secrets/hidden`, () =>
        HttpResponse.json(
          { kind: 'Status', message: 'forbidden' },
          { status: 403 },
        ),
      ),
    );
    await expect(
      access.secretExists('paved-local', known, 'payments', 'gone', ctx),
    ).resolves.toBe(false);
    await expect(
      access.secretExists('paved-local', known, 'payments', 'hidden', ctx),
    ).rejects.toMatchObject({ name: 'ClusterRequestError', statusCode: 403 });
  });

  it('refuses names that are not DNS names and clusters it does not know, without a request', async () => {
    await expect(
      access.secretExists('paved-local', known, 'payments', '../pods', ctx),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      access.secretExists('paved-local', known, 'payments', 'a?watch=1', ctx),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      access.secretExists('elsewhere', known, 'payments', 'db-conn', ctx),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    // onUnhandledRequest: 'error' would have failed any request made above.
  });

  it('leaves the general reads refusing Secrets', async () => {
    await expect(
      access.get(
        'paved-local',
        known,
        '/api/v1/namespaces/payments/secrets/db-conn',
        ctx,
      ),
    ).rejects.toThrow('Paved does not read Secrets');
  });
});
