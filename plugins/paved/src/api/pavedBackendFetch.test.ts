import { getPavedJson, SHARED_RESPONSE_TTL_MS } from './pavedBackendFetch';

const BASE = 'http://backstage:7007/api/paved';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

class TestError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

const options = {
  messageFor: (status: number) => `HTTP ${status}`,
  fail: (message: string, status: number) => new TestError(message, status),
};

/** A fetch API whose answers the test releases, and the calls it saw. */
function deferredFetch() {
  const pending: ((response: Response) => void)[] = [];
  const fetch = jest.fn(
    (_url: string, _init?: RequestInit) =>
      new Promise<Response>(resolve => pending.push(resolve)),
  );
  return { fetchApi: { fetch: fetch as any }, fetch, pending };
}

/** Cluster tokens per user, as `KubernetesAuthProvidersApi` would give them. */
function kubernetesAuth(token: string) {
  return {
    getCredentials: jest.fn(async () => ({ token })),
    signIn: jest.fn(),
    getRequestBody: jest.fn(),
  } as any;
}

/** Lets queued promise callbacks (discovery, headers) run. */
const settle = () => new Promise(resolve => setTimeout(resolve, 0));

describe('getPavedJson', () => {
  afterEach(() => jest.useRealTimers());

  it('sends one request for two concurrent identical calls, each with its own copy', async () => {
    const { fetchApi, fetch, pending } = deferredFetch();
    const deps = { discoveryApi: { getBaseUrl: async () => BASE }, fetchApi };
    const first = getPavedJson<{ items: number[] }>(deps, '/health/x', options);
    const second = getPavedJson<{ items: number[] }>(
      deps,
      '/health/x',
      options,
    );
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);
    pending[0](json(200, { items: [3, 1, 2] }));
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual({ items: [3, 1, 2] });
    expect(b).toEqual(a);
    // One card sorting its answer does not reorder the other's.
    a.items.sort();
    expect(b.items).toEqual([3, 1, 2]);
  });

  it('reuses a success for a few seconds, then asks again', async () => {
    jest.useFakeTimers({
      doNotFake: ['setTimeout', 'nextTick', 'setImmediate'],
    });
    let calls = 0;
    const fetch = jest.fn(async (_url: string) => json(200, { n: ++calls }));
    const deps = {
      discoveryApi: { getBaseUrl: async () => BASE },
      fetchApi: { fetch: fetch as any },
    };
    await expect(getPavedJson(deps, '/cost/x', options)).resolves.toEqual({
      n: 1,
    });
    jest.setSystemTime(Date.now() + SHARED_RESPONSE_TTL_MS - 100);
    await expect(getPavedJson(deps, '/cost/x', options)).resolves.toEqual({
      n: 1,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    jest.setSystemTime(Date.now() + 200);
    await expect(getPavedJson(deps, '/cost/x', options)).resolves.toEqual({
      n: 2,
    });
    // Another route is another request.
    await getPavedJson(deps, '/cost/y', options);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      `${BASE}/cost/x`,
      `${BASE}/cost/x`,
      `${BASE}/cost/y`,
    ]);
  });

  it('lets a fresh read (a refresh) skip a recent success, yet join one in flight', async () => {
    let calls = 0;
    const fetch = jest.fn(async (_url: string) => json(200, { n: ++calls }));
    const deps = {
      discoveryApi: { getBaseUrl: async () => BASE },
      fetchApi: { fetch: fetch as any },
    };
    await expect(getPavedJson(deps, '/health/r', options)).resolves.toEqual({
      n: 1,
    });
    // Within the reuse window, a refresh still reaches the backend ...
    await expect(
      getPavedJson(deps, '/health/r', { ...options, fresh: true }),
    ).resolves.toEqual({ n: 2 });
    // ... and its answer is the one a card mounting now shares.
    await expect(getPavedJson(deps, '/health/r', options)).resolves.toEqual({
      n: 2,
    });
    expect(fetch).toHaveBeenCalledTimes(2);

    const deferred = deferredFetch();
    const slow = { ...deps, fetchApi: deferred.fetchApi };
    const first = getPavedJson(slow, '/health/r', options);
    const refresh = getPavedJson(slow, '/health/r', {
      ...options,
      fresh: true,
    });
    await settle();
    expect(deferred.fetch).toHaveBeenCalledTimes(1);
    deferred.pending[0](json(200, { n: 'in flight' }));
    await expect(Promise.all([first, refresh])).resolves.toEqual([
      { n: 'in flight' },
      { n: 'in flight' },
    ]);
  });

  it('never shares between different cluster tokens', async () => {
    const HEADER = 'Backstage-Kubernetes-Authorization-oidc-okta';
    const fetch = jest.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/clusters')) {
        return json(200, {
          items: [
            { name: 'prod', authProvider: 'oidc', oidcTokenProvider: 'okta' },
          ],
        });
      }
      return json(200, { token: (init?.headers as any)?.[HEADER] });
    });
    const base = {
      discoveryApi: { getBaseUrl: async (id: string) => `http://b/api/${id}` },
      fetchApi: { fetch: fetch as any },
    };
    const [alice, bob] = await Promise.all([
      getPavedJson(
        { ...base, kubernetesAuthProvidersApi: kubernetesAuth('alice') },
        '/health/x',
        options,
      ),
      getPavedJson(
        { ...base, kubernetesAuthProvidersApi: kubernetesAuth('bob') },
        '/health/x',
        options,
      ),
    ]);
    expect(alice).toEqual({ token: 'alice' });
    expect(bob).toEqual({ token: 'bob' });
    const backendCalls = fetch.mock.calls.filter(([url]) =>
      url.endsWith('/health/x'),
    );
    expect(backendCalls).toHaveLength(2);
  });

  it('never shares between fetch APIs (signed-in apps)', async () => {
    const one = jest.fn(async () => json(200, { from: 'one' }));
    const two = jest.fn(async () => json(200, { from: 'two' }));
    const discoveryApi = { getBaseUrl: async () => BASE };
    const [a, b] = await Promise.all([
      getPavedJson(
        { discoveryApi, fetchApi: { fetch: one as any } },
        '/x',
        options,
      ),
      getPavedJson(
        { discoveryApi, fetchApi: { fetch: two as any } },
        '/x',
        options,
      ),
    ]);
    expect([a, b]).toEqual([{ from: 'one' }, { from: 'two' }]);
  });

  it('gives concurrent callers the same failure, each as its own error, and keeps none', async () => {
    const { fetchApi, fetch, pending } = deferredFetch();
    const deps = { discoveryApi: { getBaseUrl: async () => BASE }, fetchApi };
    const first = getPavedJson(deps, '/health/x', options).catch(e => e);
    const second = getPavedJson(deps, '/health/x', options).catch(e => e);
    await settle();
    pending[0](json(503, { error: { message: 'down' } }));
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBeInstanceOf(TestError);
    expect(a).toMatchObject({ message: 'HTTP 503', status: 503 });
    expect(b).not.toBe(a);
    expect(b).toMatchObject({ message: 'HTTP 503', status: 503 });
    expect(fetch).toHaveBeenCalledTimes(1);

    // Right after the failure, the next call asks the backend again.
    const third = getPavedJson(deps, '/health/x', options);
    await settle();
    expect(fetch).toHaveBeenCalledTimes(2);
    pending[1](json(200, { ok: true }));
    await expect(third).resolves.toEqual({ ok: true });
  });

  it('keeps neither an unreachable backend nor a body that is not JSON', async () => {
    const fetch = jest
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(new Response('<html>', { status: 200 }))
      .mockResolvedValueOnce(json(200, { ok: true }));
    const deps = {
      discoveryApi: { getBaseUrl: async () => BASE },
      fetchApi: { fetch },
    };
    await expect(getPavedJson(deps, '/x', options)).rejects.toMatchObject({
      message: 'Could not reach the Paved backend: Failed to fetch',
      status: 0,
    });
    await expect(getPavedJson(deps, '/x', options)).rejects.toMatchObject({
      message: 'The Paved backend answered with something that is not JSON.',
    });
    await expect(getPavedJson(deps, '/x', options)).resolves.toEqual({
      ok: true,
    });
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
