import {
  ANONYMOUS_VIEWER,
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_VIEWER_TOKEN,
} from './auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from './startServer';

const auth = { Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}` };

describe('startKubernetesApiTestDouble', () => {
  let double: KubernetesApiTestDouble | undefined;
  afterEach(async () => {
    await double?.close();
    double = undefined;
  });

  it('listens on a random loopback port and closes cleanly', async () => {
    double = await startKubernetesApiTestDouble();
    expect(double.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(double.port).toBeGreaterThan(0);
    await double.close();
    await expect(fetch(`${double.url}/version`)).rejects.toThrow();
    double = undefined;
  });

  it('refuses to bind anything but loopback', async () => {
    await expect(
      startKubernetesApiTestDouble({ host: '0.0.0.0' as '127.0.0.1' }),
    ).rejects.toThrow(/127\.0\.0\.1/);
  });

  it('injects faults for a path prefix, a set number of times', async () => {
    double = await startKubernetesApiTestDouble();
    double.failNext('/api/v1/namespaces/payments', 500, { times: 2 });
    const url = `${double.url}/api/v1/namespaces/payments/pods`;
    const first = await fetch(url, { headers: auth });
    expect(first.status).toBe(500);
    expect(await first.json()).toMatchObject({
      kind: 'Status',
      reason: 'InternalError',
      code: 500,
    });
    expect((await fetch(url, { headers: auth })).status).toBe(500);
    expect((await fetch(url, { headers: auth })).status).toBe(200);
    expect(
      (
        await fetch(`${double.url}/api/v1/namespaces/checkout/pods`, {
          headers: auth,
        })
      ).status,
    ).toBe(200);
  });

  it('can aim a fault at one representation (Accept) of a path', async () => {
    double = await startKubernetesApiTestDouble();
    double.failNext('/api/v1/pods', 406, { accept: 'as=Table' });
    const url = `${double.url}/api/v1/pods`;
    // A plain list passes the armed fault by...
    expect((await fetch(url, { headers: auth })).status).toBe(200);
    const table = {
      ...auth,
      Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
    };
    // ...which the Table request meets, once.
    expect((await fetch(url, { headers: table })).status).toBe(406);
    expect((await fetch(url, { headers: table })).status).toBe(200);
  });

  it('can leave a request unanswered to simulate a timeout', async () => {
    double = await startKubernetesApiTestDouble();
    double.hangNext('/api/v1/nodes');
    await expect(
      fetch(`${double.url}/api/v1/nodes`, {
        headers: auth,
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(
      (await fetch(`${double.url}/api/v1/nodes`, { headers: auth })).status,
    ).toBe(200);
  });

  it('adds latency to every response', async () => {
    double = await startKubernetesApiTestDouble({
      latencyMs: 150,
      fixturesDir: false,
    });
    const started = Date.now();
    await fetch(`${double.url}/version`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('records requests with the authenticated user', async () => {
    double = await startKubernetesApiTestDouble();
    await fetch(
      `${double.url}/api/v1/namespaces/payments/pods?labelSelector=app%3Dx`,
      {
        headers: { Authorization: `Bearer ${DEFAULT_VIEWER_TOKEN}` },
      },
    );
    expect(double.requests).toEqual([
      {
        method: 'GET',
        path: '/api/v1/namespaces/payments/pods',
        query: { labelSelector: 'app=x' },
        user: 'system:serviceaccount:kube-system:paved-viewer',
        status: 200,
        accept: '*/*',
      },
    ]);
    double.clearRequests();
    await fetch(`${double.url}/api/v1/namespaces/payments/secrets/x`, {
      headers: {
        Authorization: `Bearer ${DEFAULT_VIEWER_TOKEN}`,
        Accept: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
      },
    });
    expect(double.requests[0].accept).toBe(
      'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
    );
    double.clearRequests();
    expect(double.requests).toEqual([]);
  });

  it('seeds extra objects and supports an empty cluster', async () => {
    double = await startKubernetesApiTestDouble({
      fixturesDir: false,
      objects: [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'c', namespace: 'team-a' },
        },
      ],
    });
    const res = await fetch(`${double.url}/api/v1/configmaps`, {
      headers: auth,
    });
    const body = await res.json();
    expect(
      body.items.map((i: { metadata: { name: string } }) => i.metadata.name),
    ).toEqual(['c']);
  });

  it('lets anonymous requests through only when configured', async () => {
    double = await startKubernetesApiTestDouble({
      anonymous: ANONYMOUS_VIEWER,
    });
    expect((await fetch(`${double.url}/api/v1/pods`)).status).toBe(200);
    const write = await fetch(
      `${double.url}/api/v1/namespaces/payments/configmaps`,
      {
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    expect(write.status).toBe(403);
    expect((await write.json()).message).toContain(
      'User "system:anonymous" cannot create',
    );
  });

  it('serves the same API over HTTPS on the same port', async () => {
    double = await startKubernetesApiTestDouble();
    expect(double.httpsUrl).toBe(`https://127.0.0.1:${double.port}`);
    expect(double.caPem).toContain('BEGIN CERTIFICATE');
    expect(double.kubeconfig()).toContain(`server: ${double.httpsUrl}`);
  });
});
