import { DEFAULT_ADMIN_TOKEN, startKubernetesApiTestDouble } from '../index';

describe('built-in discovery', () => {
  let double: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
  });
  afterAll(() => double.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${double.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`,
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };

  it('lists the access reviews, create-only and cluster-scoped', async () => {
    const { status, body } = await call('GET', '/apis/authorization.k8s.io/v1');
    expect(status).toBe(200);
    expect(
      body.resources.map((r: any) => [r.name, r.kind, r.namespaced, r.verbs]),
    ).toEqual([
      [
        'selfsubjectaccessreviews',
        'SelfSubjectAccessReview',
        false,
        ['create'],
      ],
      ['selfsubjectrulesreviews', 'SelfSubjectRulesReview', false, ['create']],
      ['subjectaccessreviews', 'SubjectAccessReview', false, ['create']],
    ]);
    const groups = (await call('GET', '/apis')).body.groups.map(
      (g: any) => g.name,
    );
    expect(groups).toEqual(
      expect.arrayContaining([
        'authorization.k8s.io',
        'scheduling.k8s.io',
        'node.k8s.io',
      ]),
    );
  });

  it('still answers reviews rather than storing them', async () => {
    const { status, body } = await call(
      'POST',
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: {
          resourceAttributes: { verb: 'get', resource: 'pods', namespace: 'x' },
        },
      },
    );
    expect(status).toBe(201);
    expect(body.status.allowed).toBe(true);
    expect(
      double.store.listObjects(
        'authorization.k8s.io/v1',
        'SelfSubjectAccessReview',
      ),
    ).toEqual([]);
  });

  it('stores PriorityClasses and RuntimeClasses', async () => {
    const pc = await call(
      'POST',
      '/apis/scheduling.k8s.io/v1/priorityclasses',
      {
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        metadata: { name: 'paved-tenant-low' },
        value: 1000,
      },
    );
    expect(pc.status).toBe(201);
    const rc = await call('POST', '/apis/node.k8s.io/v1/runtimeclasses', {
      apiVersion: 'node.k8s.io/v1',
      kind: 'RuntimeClass',
      metadata: { name: 'gvisor' },
      handler: 'runsc',
    });
    expect(rc.status).toBe(201);
  });
});
