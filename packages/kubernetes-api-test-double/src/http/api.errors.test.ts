import {
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_RESTRICTED_TOKEN,
  DEFAULT_VIEWER_TOKEN,
} from '../auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '../startServer';

let double: KubernetesApiTestDouble;
beforeAll(async () => {
  double = await startKubernetesApiTestDouble();
});
afterAll(() => double.close());

const encode = (body: unknown) =>
  typeof body === 'string' || body === undefined ? body : JSON.stringify(body);

async function call(
  method: string,
  path: string,
  opts: { token?: string | null; body?: unknown; type?: string } = {},
) {
  const headers: Record<string, string> = {};
  const token = opts.token === undefined ? DEFAULT_ADMIN_TOKEN : opts.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.body !== undefined)
    headers['Content-Type'] = opts.type ?? 'application/json';
  const res = await fetch(`${double.url}${path}`, {
    method,
    headers,
    body: encode(opts.body),
  });
  return { status: res.status, body: await res.json() };
}

const configMap = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { a: '1' },
  ...extra,
});

describe('401 Unauthorized', () => {
  it('refuses requests without a token or with a wrong one', async () => {
    for (const token of [null, 'wrong-token']) {
      const res = await call('GET', '/api/v1/pods', { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
    expect((await call('GET', '/api', { token: null })).status).toBe(401);
    expect(
      (await call('GET', '/version', { token: 'wrong-token' })).status,
    ).toBe(401);
  });
});

describe('403 Forbidden', () => {
  it('lets the viewer read but not write', async () => {
    expect(
      (await call('GET', '/api/v1/pods', { token: DEFAULT_VIEWER_TOKEN }))
        .status,
    ).toBe(200);
    const res = await call('POST', '/api/v1/namespaces/payments/configmaps', {
      token: DEFAULT_VIEWER_TOKEN,
      body: configMap('x'),
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      reason: 'Forbidden',
      code: 403,
      message:
        'configmaps is forbidden: User "system:serviceaccount:kube-system:paved-viewer" cannot create resource "configmaps" in API group "" in the namespace "payments"',
      details: { kind: 'configmaps' },
    });
    const patch = await call(
      'PATCH',
      '/apis/apps/v1/namespaces/payments/deployments/payments-api?fieldManager=x',
      {
        token: DEFAULT_VIEWER_TOKEN,
        body: '{}',
        type: 'application/merge-patch+json',
      },
    );
    expect(patch.body.message).toBe(
      'deployments.apps "payments-api" is forbidden: User "system:serviceaccount:kube-system:paved-viewer" cannot patch resource "deployments" in API group "apps" in the namespace "payments"',
    );
    expect(patch.body.details).toEqual({
      name: 'payments-api',
      group: 'apps',
      kind: 'deployments',
    });
  });

  it('never shows secrets to the viewer', async () => {
    const list = await call('GET', '/api/v1/namespaces/payments/secrets', {
      token: DEFAULT_VIEWER_TOKEN,
    });
    expect(list.status).toBe(403);
    expect(list.body.message).toBe(
      'secrets is forbidden: User "system:serviceaccount:kube-system:paved-viewer" cannot list resource "secrets" in API group "" in the namespace "payments"',
    );
    const all = await call('GET', '/api/v1/secrets', {
      token: DEFAULT_VIEWER_TOKEN,
    });
    expect(all.body.message).toContain('at the cluster scope');
    const one = await call(
      'GET',
      '/api/v1/namespaces/payments/secrets/payments-api-db',
      { token: DEFAULT_VIEWER_TOKEN },
    );
    expect(one.body.message).toMatch(
      /^secrets "payments-api-db" is forbidden: /,
    );
    expect(
      (await call('GET', '/api/v1/namespaces/payments/secrets')).body.items,
    ).toHaveLength(2);
  });

  it('keeps the restricted token out of the payments namespace', async () => {
    const t = { token: DEFAULT_RESTRICTED_TOKEN };
    expect(
      (await call('GET', '/api/v1/namespaces/checkout/pods', t)).status,
    ).toBe(200);
    expect((await call('GET', '/api/v1/nodes', t)).status).toBe(200);
    expect(
      (await call('GET', '/api/v1/namespaces/payments/pods', t)).status,
    ).toBe(403);
    expect((await call('GET', '/api/v1/namespaces/payments', t)).status).toBe(
      403,
    );
    expect((await call('GET', '/api/v1/pods', t)).status).toBe(403);
  });
});

describe('404 NotFound', () => {
  it('names the missing object', async () => {
    const res = await call('GET', '/api/v1/namespaces/payments/pods/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', kind: 'pods' },
      code: 404,
    });
    const dep = await call(
      'GET',
      '/apis/apps/v1/namespaces/payments/deployments/nope',
    );
    expect(dep.body.message).toBe('deployments.apps "nope" not found');
    expect(dep.body.details).toEqual({
      name: 'nope',
      group: 'apps',
      kind: 'deployments',
    });
  });

  it('refuses to create in a namespace that does not exist', async () => {
    const res = await call('POST', '/api/v1/namespaces/ghost/configmaps', {
      body: configMap('x'),
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('namespaces "ghost" not found');
  });
});

describe('409 Conflict', () => {
  it('answers AlreadyExists on a duplicate create', async () => {
    const res = await call(
      'POST',
      '/apis/apps/v1/namespaces/payments/deployments',
      {
        body: (
          await call(
            'GET',
            '/apis/apps/v1/namespaces/payments/deployments/payments-api',
          )
        ).body,
      },
    );
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      reason: 'AlreadyExists',
      message: 'deployments.apps "payments-api" already exists',
      details: { name: 'payments-api', group: 'apps', kind: 'deployments' },
    });
  });

  it('answers Conflict on a stale update', async () => {
    const cm = (
      await call(
        'GET',
        '/api/v1/namespaces/payments/configmaps/payments-api-config',
      )
    ).body;
    const stale = { ...cm, metadata: { ...cm.metadata, resourceVersion: '1' } };
    const res = await call(
      'PUT',
      '/api/v1/namespaces/payments/configmaps/payments-api-config',
      { body: stale },
    );
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on configmaps "payments-api-config": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('answers an apply conflict with the owning manager and fields', async () => {
    const res = await call(
      'PATCH',
      '/apis/apps/v1/namespaces/payments/deployments/payments-api?fieldManager=paved-portal',
      {
        type: 'application/apply-patch+yaml',
        body: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments-api\nspec:\n  replicas: 5\n',
      },
    );
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      kind: 'Status',
      reason: 'Conflict',
      code: 409,
      message:
        'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
      details: {
        causes: [
          {
            type: 'FieldManagerConflict',
            message: 'conflict with "kubectl-client-side-apply" using apps/v1',
            field: '.spec.replicas',
          },
        ],
      },
    });
  });
});

describe('422 Invalid', () => {
  it.each([
    [
      'a missing name',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} },
      'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required',
    ],
    [
      'a name that is not a DNS subdomain',
      configMap('Not_Valid'),
      'ConfigMap "Not_Valid" is invalid: metadata.name: Invalid value: "Not_Valid": a lowercase RFC 1123 subdomain',
    ],
    [
      'a kind that does not match the URL',
      { ...configMap('x'), kind: 'Secret' },
      'ConfigMap "x" is invalid: kind: Invalid value: "Secret": must be ConfigMap',
    ],
  ])('refuses %s', async (_what, body, message) => {
    const res = await call('POST', '/api/v1/namespaces/payments/configmaps', {
      body,
    });
    expect(res.status).toBe(422);
    expect(res.body.reason).toBe('Invalid');
    expect(res.body.message.startsWith(message)).toBe(true);
    expect(res.body.details.kind).toBe('ConfigMap');
    expect(res.body.details.causes[0].reason).toMatch(/^FieldValue/);
  });

  it('checks the name rule of each kind', async () => {
    const ns = await call('POST', '/api/v1/namespaces', {
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } },
    });
    expect(ns.status).toBe(422);
    expect(ns.body.message).toContain('RFC 1123 label');
  });

  it('validates workload specs', async () => {
    const res = await call(
      'POST',
      '/apis/apps/v1/namespaces/payments/deployments',
      {
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'bad' },
          spec: {
            replicas: -1,
            selector: { matchLabels: { app: 'x' } },
            template: {
              metadata: { labels: { app: 'y' } },
              spec: { containers: [] },
            },
          },
        },
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(
      /^Deployment\.apps "bad" is invalid: \[spec\.replicas: Invalid value: -1: must be greater than or equal to 0, /,
    );
    expect(
      res.body.details.causes.map((c: { field: string }) => c.field),
    ).toEqual([
      'spec.replicas',
      'spec.template.metadata.labels',
      'spec.template.spec.containers',
    ]);
  });

  it('requires fieldManager for apply and a valid dryRun', async () => {
    const apply = await call(
      'PATCH',
      '/api/v1/namespaces/payments/configmaps/x',
      {
        type: 'application/apply-patch+yaml',
        body: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
      },
    );
    expect(apply.status).toBe(422);
    expect(apply.body).toMatchObject({
      message:
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      details: {
        group: 'meta.k8s.io',
        kind: 'PatchOptions',
        causes: [{ reason: 'FieldValueRequired', field: 'fieldManager' }],
      },
    });
    const dryRun = await call(
      'POST',
      '/api/v1/namespaces/payments/configmaps?dryRun=Maybe',
      { body: configMap('x') },
    );
    expect(dryRun.status).toBe(422);
    expect(dryRun.body.message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Maybe"}: supported values: "All"',
    );
  });
});

describe('400 BadRequest', () => {
  it('refuses a body namespace or apiVersion that contradicts the URL', async () => {
    const ns = await call('POST', '/api/v1/namespaces/payments/configmaps', {
      body: configMap('x', { metadata: { name: 'x', namespace: 'checkout' } }),
    });
    expect(ns.status).toBe(400);
    expect(ns.body.message).toBe(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
    const version = await call(
      'POST',
      '/api/v1/namespaces/payments/configmaps',
      { body: { ...configMap('x'), apiVersion: 'apps/v1' } },
    );
    expect(version.status).toBe(400);
    expect(version.body.message).toBe(
      'the API version in the data (apps/v1) does not match the expected API version (v1)',
    );
    const apply = await call(
      'PATCH',
      '/api/v1/namespaces/payments/configmaps/x?fieldManager=t',
      {
        type: 'application/apply-patch+yaml',
        body: 'apiVersion: v2\nkind: ConfigMap\nmetadata:\n  name: x\n',
      },
    );
    expect(apply.body.message).toBe(
      'Incorrect version specified in apply patch. Specified patch version: v2, expected: v1',
    );
    const broken = await call(
      'POST',
      '/api/v1/namespaces/payments/configmaps',
      { body: '{not json' },
    );
    expect(broken.status).toBe(400);
  });
});

describe('405 and 415', () => {
  it('refuses verbs a resource does not support', async () => {
    const metrics = await call(
      'POST',
      '/apis/metrics.k8s.io/v1beta1/namespaces/payments/pods',
      { body: {} },
    );
    expect(metrics.status).toBe(405);
    expect(metrics.body.reason).toBe('MethodNotAllowed');
    expect(
      (
        await call('PUT', '/api/v1/namespaces/payments/configmaps', {
          body: {},
        })
      ).status,
    ).toBe(405);
  });

  it('refuses unknown patch types', async () => {
    const res = await call(
      'PATCH',
      '/api/v1/namespaces/payments/configmaps/payments-api-config',
      {
        type: 'text/plain',
        body: 'x',
      },
    );
    expect(res.status).toBe(415);
    expect(res.body.reason).toBe('UnsupportedMediaType');
  });
});
