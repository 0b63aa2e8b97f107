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
const evidence = access.forFeature('evidence');
const ctx = { credentials: mockCredentials.user(), clusterAuthHeaders: {} };
const known = ['paved-local'];
const LOG = '/api/v1/namespaces/payments/pods/ledger-1/log';
const bounded = `${LOG}?container=app&previous=true&tailLines=10&limitBytes=8`;
const limits = { maxBytes: 8, maxErrorBytes: 1024 };

describe('ClusterAccess.getText', () => {
  it('reads a bounded previous log as text, cut at maxBytes', async () => {
    const seen: Request[] = [];
    server.use(
      http.get(`${K8S}/proxy${LOG}`, ({ request }) => {
        seen.push(request);
        return HttpResponse.text('line one\nline two\n');
      }),
    );
    const answer = await evidence.getText(
      'paved-local',
      known,
      bounded,
      ctx,
      limits,
    );
    expect(answer).toMatchObject({ status: 200, ok: true, cut: true });
    expect(answer.bytes.toString('utf8')).toBe('line one');
    expect(seen).toHaveLength(1);
    expect(seen[0].headers.get('accept')).toBe('text/plain, application/json');
    expect(seen[0].headers.get('backstage-kubernetes-cluster')).toBe(
      'paved-local',
    );
    expect(seen[0].headers.get('authorization')).toMatch(/^Bearer /);
  });

  it("hands back an error's status and text for the caller to judge", async () => {
    server.use(
      http.get(`${K8S}/proxy${LOG}`, () =>
        HttpResponse.json(
          {
            kind: 'Status',
            message: 'previous terminated container not found',
          },
          { status: 400 },
        ),
      ),
    );
    const answer = await evidence.getText(
      'paved-local',
      known,
      bounded,
      ctx,
      limits,
    );
    expect(answer).toMatchObject({ status: 400, ok: false, cut: false });
    expect(JSON.parse(answer.bytes.toString('utf8')).message).toBe(
      'previous terminated container not found',
    );
  });

  it('refuses, before sending, a log without its limits, another feature and an unknown cluster', async () => {
    // onUnhandledRequest: 'error' fails any request that is sent.
    await expect(
      evidence.getText(
        'paved-local',
        known,
        `${LOG}?container=app&previous=true`,
        ctx,
        limits,
      ),
    ).rejects.toThrow(/evidence reads do not include GET/);
    await expect(
      access
        .forFeature('health')
        .getText('paved-local', known, bounded, ctx, limits),
    ).rejects.toThrow(/health reads do not include GET/);
    await expect(
      access.getText('paved-local', known, bounded, ctx, limits),
    ).rejects.toThrow(/reads do not include GET/);
    await expect(
      evidence.getText('elsewhere', known, bounded, ctx, limits),
    ).rejects.toThrow(/Cluster 'elsewhere' is not configured/);
  });
});
