import { DEFAULT_ADMIN_TOKEN } from '../auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '../startServer';

let double: KubernetesApiTestDouble;
beforeEach(async () => {
  double = await startKubernetesApiTestDouble({
    now: () => new Date('2026-11-21T06:00:00Z'),
  });
});
afterEach(() => double.close());

const encode = (body: unknown) =>
  typeof body === 'string' || body === undefined ? body : JSON.stringify(body);

async function call(
  method: string,
  path: string,
  body?: unknown,
  type = 'application/json',
) {
  const res = await fetch(`${double.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`,
      'Content-Type': type,
    },
    body: encode(body),
  });
  return { status: res.status, body: await res.json() };
}

const CMS = '/api/v1/namespaces/payments/configmaps';
const DEPLOY = '/apis/apps/v1/namespaces/payments/deployments';
const APPLY = 'application/apply-patch+yaml';
const rv = (o: { metadata: { resourceVersion: string } }) =>
  Number(o.metadata.resourceVersion);

const deploymentYaml = (replicas: number, image = 'nginx:1.27') => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: portal-demo
  labels:
    app: portal-demo
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: portal-demo
  template:
    metadata:
      labels:
        app: portal-demo
    spec:
      containers:
        - name: web
          image: ${image}
`;

describe('create, read, update, delete', () => {
  it('creates an object with server-set metadata that later lists show', async () => {
    const before = (await call('GET', CMS)).body.metadata.resourceVersion;
    const created = await call('POST', `${CMS}?fieldManager=paved-test`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'made-by-test', labels: { owner: 'test' } },
      data: { a: '1' },
    });
    expect(created.status).toBe(201);
    const meta = created.body.metadata;
    expect(meta.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(meta.creationTimestamp).toBe('2026-11-21T06:00:00Z');
    expect(meta.namespace).toBe('payments');
    expect(rv(created.body)).toBeGreaterThan(Number(before));
    expect(meta.managedFields).toEqual([
      {
        manager: 'paved-test',
        operation: 'Update',
        apiVersion: 'v1',
        time: '2026-11-21T06:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:data': { 'f:a': {} },
          'f:metadata': { 'f:labels': { 'f:owner': {} } },
        },
      },
    ]);
    const list = await call('GET', `${CMS}?labelSelector=owner%3Dtest`);
    expect(
      list.body.items.map(
        (i: { metadata: { name: string } }) => i.metadata.name,
      ),
    ).toEqual(['made-by-test']);
    expect(Number(list.body.metadata.resourceVersion)).toBeGreaterThanOrEqual(
      rv(created.body),
    );
  });

  it('generates names and defaults the user agent as field manager', async () => {
    const res = await call('POST', CMS, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { generateName: 'gen-' },
    });
    expect(res.body.metadata.name).toMatch(/^gen-[a-z0-9]{5}$/);
    // Node's fetch says "node" in its User-Agent, so that is the manager.
    expect(res.body.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: 'node',
        operation: 'Update',
        fieldsV1: { 'f:metadata': { 'f:generateName': {} } },
      }),
    ]);
  });

  it('keeps resourceVersion strictly increasing across writes', async () => {
    const versions: number[] = [];
    for (const name of ['rv-a', 'rv-b']) {
      versions.push(
        rv(
          (
            await call('POST', CMS, {
              apiVersion: 'v1',
              kind: 'ConfigMap',
              metadata: { name },
            })
          ).body,
        ),
      );
    }
    const updated = await call(
      'PATCH',
      `${CMS}/rv-a`,
      { data: { x: 'y' } },
      'application/merge-patch+json',
    );
    versions.push(rv(updated.body));
    const svc = await call('POST', '/api/v1/namespaces/checkout/services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'rv-svc' },
      spec: { ports: [{ port: 80 }] },
    });
    versions.push(rv(svc.body));
    expect(svc.body.spec.clusterIP).toMatch(/^10\.96\./);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('replaces with a resourceVersion precondition and bumps generation only on spec changes', async () => {
    const dep = (await call('GET', `${DEPLOY}/payments-api`)).body;
    const labelled = {
      ...dep,
      metadata: {
        ...dep.metadata,
        labels: { ...dep.metadata.labels, extra: 'x' },
      },
    };
    const put1 = await call('PUT', `${DEPLOY}/payments-api`, labelled);
    expect(put1.status).toBe(200);
    expect(put1.body.metadata.generation).toBe(dep.metadata.generation);
    expect(rv(put1.body)).toBeGreaterThan(rv(dep));
    const scaled = {
      ...put1.body,
      spec: { ...put1.body.spec, replicas: 4 },
      status: { replicas: 99 },
    };
    const put2 = await call('PUT', `${DEPLOY}/payments-api`, scaled);
    expect(put2.body.metadata.generation).toBe(dep.metadata.generation + 1);
    expect(put2.body.status.replicas).toBe(3);
    expect((await call('PUT', `${DEPLOY}/payments-api`, scaled)).status).toBe(
      409,
    );
  });

  it('applies merge, strategic merge and JSON patches', async () => {
    const merge = await call(
      'PATCH',
      `${DEPLOY}/payments-api`,
      { metadata: { labels: { patched: 'merge' } } },
      'application/merge-patch+json',
    );
    expect(merge.body.metadata.labels.patched).toBe('merge');
    const strategic = await call(
      'PATCH',
      `${DEPLOY}/payments-api`,
      {
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'payments-api',
                  image: 'ghcr.io/paved-demo/payments-api:1.15.0',
                },
              ],
            },
          },
        },
      },
      'application/strategic-merge-patch+json',
    );
    const container = strategic.body.spec.template.spec.containers[0];
    expect(container.image).toBe('ghcr.io/paved-demo/payments-api:1.15.0');
    expect(container.env).toHaveLength(2);
    const json = await call(
      'PATCH',
      `${DEPLOY}/payments-api`,
      [{ op: 'replace', path: '/spec/replicas', value: 6 }],
      'application/json-patch+json',
    );
    expect(json.body.spec.replicas).toBe(6);
    const failed = await call(
      'PATCH',
      `${DEPLOY}/payments-api`,
      [{ op: 'test', path: '/spec/replicas', value: 1 }],
      'application/json-patch+json',
    );
    expect(failed.status).toBe(422);
  });

  it('deletes an object and its dependents', async () => {
    const del = await call('DELETE', `${DEPLOY}/payments-api`);
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({
      kind: 'Deployment',
      metadata: { name: 'payments-api' },
    });
    expect((await call('GET', `${DEPLOY}/payments-api`)).status).toBe(404);
    const rs = await call(
      'GET',
      '/apis/apps/v1/namespaces/payments/replicasets',
    );
    expect(
      rs.body.items.map((r: { metadata: { name: string } }) => r.metadata.name),
    ).toEqual([]);
    const pods = await call(
      'GET',
      '/api/v1/namespaces/payments/pods?labelSelector=app.kubernetes.io%2Fname%3Dpayments-api',
    );
    expect(pods.body.items).toEqual([]);
  });

  it('deletes a collection by selector', async () => {
    const res = await call(
      'DELETE',
      '/api/v1/namespaces/payments/pods?labelSelector=app.kubernetes.io%2Fname%3Dledger-worker',
    );
    expect(res.body.kind).toBe('PodList');
    expect(res.body.items).toHaveLength(3);
    expect(
      (await call('GET', '/api/v1/namespaces/payments/pods/ledger-worker-0'))
        .status,
    ).toBe(404);
  });

  it('marks a namespace Terminating, then removes it and its contents', async () => {
    const res = await call('DELETE', '/api/v1/namespaces/checkout');
    expect(res.status).toBe(200);
    expect(res.body.status.phase).toBe('Terminating');
    expect(res.body.metadata.deletionTimestamp).toBe('2026-11-21T06:00:00Z');
    expect((await call('GET', '/api/v1/namespaces/checkout')).status).toBe(404);
    expect(
      (await call('GET', '/api/v1/namespaces/checkout/pods')).body.items,
    ).toEqual([]);
  });

  it('holds objects with finalizers until the finalizers are removed', async () => {
    await call('POST', CMS, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'held', finalizers: ['paved.dev/hold'] },
    });
    const del = await call('DELETE', `${CMS}/held`);
    expect(del.body.metadata.deletionTimestamp).toBeDefined();
    expect((await call('GET', `${CMS}/held`)).status).toBe(200);
    await call(
      'PATCH',
      `${CMS}/held`,
      { metadata: { finalizers: null } },
      'application/merge-patch+json',
    );
    expect((await call('GET', `${CMS}/held`)).status).toBe(404);
  });
});

describe('dryRun=All', () => {
  it('validates and answers but stores nothing', async () => {
    const rvBefore = (await call('GET', CMS)).body.metadata.resourceVersion;
    const created = await call('POST', `${CMS}?dryRun=All`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'dry' },
    });
    expect(created.status).toBe(201);
    expect(created.body.metadata.uid).toBeDefined();
    expect((await call('GET', `${CMS}/dry`)).status).toBe(404);
    const applied = await call(
      'PATCH',
      `${DEPLOY}/portal-demo?fieldManager=paved&dryRun=All`,
      deploymentYaml(2),
      APPLY,
    );
    expect(applied.status).toBe(201);
    expect((await call('GET', `${DEPLOY}/portal-demo`)).status).toBe(404);
    const patched = await call(
      'PATCH',
      `${DEPLOY}/payments-api?dryRun=All`,
      { spec: { replicas: 9 } },
      'application/merge-patch+json',
    );
    expect(patched.body.spec.replicas).toBe(9);
    expect(
      (await call('GET', `${DEPLOY}/payments-api`)).body.spec.replicas,
    ).toBe(3);
    expect(
      (await call('DELETE', `${DEPLOY}/payments-api?dryRun=All`)).status,
    ).toBe(200);
    expect((await call('GET', `${DEPLOY}/payments-api`)).status).toBe(200);
    const invalid = await call('POST', `${CMS}?dryRun=All`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'Bad' },
    });
    expect(invalid.status).toBe(422);
    expect((await call('GET', CMS)).body.metadata.resourceVersion).toBe(
      rvBefore,
    );
  });
});

describe('server-side apply', () => {
  it('creates, updates, conflicts, and forces', async () => {
    const created = await call(
      'PATCH',
      `${DEPLOY}/portal-demo?fieldManager=paved-portal`,
      deploymentYaml(2),
      APPLY,
    );
    expect(created.status).toBe(201);
    expect(created.body.metadata.generation).toBe(1);
    expect(created.body.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: 'paved-portal',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: '2026-11-21T06:00:00Z',
      }),
    ]);
    const fields = created.body.metadata.managedFields[0].fieldsV1;
    expect(
      fields['f:spec']['f:template']['f:spec']['f:containers'][
        'k:{"name":"web"}'
      ],
    ).toEqual({
      '.': {},
      'f:image': {},
      'f:name': {},
    });

    const updated = await call(
      'PATCH',
      `${DEPLOY}/portal-demo?fieldManager=paved-portal`,
      deploymentYaml(3),
      APPLY,
    );
    expect(updated.status).toBe(200);
    expect(updated.body.spec.replicas).toBe(3);
    expect(updated.body.metadata.generation).toBe(2);
    expect(rv(updated.body)).toBeGreaterThan(rv(created.body));

    const same = await call(
      'PATCH',
      `${DEPLOY}/portal-demo?fieldManager=paved-portal`,
      deploymentYaml(3),
      APPLY,
    );
    expect(same.body.metadata.resourceVersion).toBe(
      updated.body.metadata.resourceVersion,
    );

    const conflict = await call(
      'PATCH',
      `${DEPLOY}/portal-demo?fieldManager=autoscaler`,
      deploymentYaml(7),
      APPLY,
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toBe(
      'Apply failed with 1 conflict: conflict with "paved-portal": .spec.replicas',
    );
    expect(conflict.body.details.causes).toEqual([
      {
        type: 'FieldManagerConflict',
        message: 'conflict with "paved-portal"',
        field: '.spec.replicas',
      },
    ]);

    const forced = await call(
      'PATCH',
      `${DEPLOY}/portal-demo?fieldManager=autoscaler&force=true`,
      deploymentYaml(7),
      APPLY,
    );
    expect(forced.status).toBe(200);
    expect(forced.body.spec.replicas).toBe(7);
    const managers = Object.fromEntries(
      forced.body.metadata.managedFields.map(
        (m: { manager: string; fieldsV1: object }) => [
          m.manager,
          JSON.stringify(m.fieldsV1),
        ],
      ),
    );
    expect(managers['paved-portal']).not.toContain('f:replicas');
    expect(managers.autoscaler).toContain('f:replicas');

    const list = await call('GET', `${DEPLOY}?labelSelector=app%3Dportal-demo`);
    expect(list.body.items).toHaveLength(1);
  });

  it('removes fields a manager stops applying', async () => {
    const withLabel = deploymentYaml(2).replace(
      '    app: portal-demo\nspec:',
      '    app: portal-demo\n    tier: web\nspec:',
    );
    await call(
      'PATCH',
      `${DEPLOY}/portal-demo?fieldManager=paved-portal`,
      withLabel,
      APPLY,
    );
    const after = await call(
      'PATCH',
      `${DEPLOY}/portal-demo?fieldManager=paved-portal`,
      deploymentYaml(2),
      APPLY,
    );
    expect(after.body.metadata.labels).toEqual({ app: 'portal-demo' });
  });

  it('accepts JSON bodies and checks the body name and resourceVersion', async () => {
    const json = JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'applied' },
      data: { k: 'v' },
    });
    expect(
      (await call('PATCH', `${CMS}/applied?fieldManager=t`, json, APPLY))
        .status,
    ).toBe(201);
    const wrongName = await call(
      'PATCH',
      `${CMS}/other?fieldManager=t`,
      json,
      APPLY,
    );
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.message).toBe(
      'the name of the object (applied) does not match the name on the URL (other)',
    );
    const stale = JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'applied', resourceVersion: '1' },
    });
    expect(
      (await call('PATCH', `${CMS}/applied?fieldManager=t`, stale, APPLY))
        .status,
    ).toBe(409);
    const managed = JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'applied', managedFields: [] },
    });
    const res = await call(
      'PATCH',
      `${CMS}/applied?fieldManager=t`,
      managed,
      APPLY,
    );
    expect(res.body.message).toBe('metadata.managedFields must be nil');
  });
});

describe('subresources', () => {
  it('changes only status through /status', async () => {
    const dep = (await call('GET', `${DEPLOY}/payments-api`)).body;
    const res = await call('PUT', `${DEPLOY}/payments-api/status`, {
      ...dep,
      spec: { ...dep.spec, replicas: 50 },
      status: { ...dep.status, readyReplicas: 1 },
    });
    expect(res.body.status.readyReplicas).toBe(1);
    expect(res.body.spec.replicas).toBe(3);
    const entry = res.body.metadata.managedFields.find(
      (m: { subresource?: string; manager: string }) =>
        m.subresource === 'status' && m.manager === 'node',
    );
    expect(entry.fieldsV1).toEqual({ 'f:status': { 'f:readyReplicas': {} } });
  });

  it('reads and patches scale', async () => {
    const scale = await call('GET', `${DEPLOY}/payments-api/scale`);
    expect(scale.body).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 3 },
      status: { replicas: 3, selector: 'app.kubernetes.io/name=payments-api' },
    });
    const patched = await call(
      'PATCH',
      `${DEPLOY}/payments-api/scale`,
      { spec: { replicas: 5 } },
      'application/merge-patch+json',
    );
    expect(patched.body.spec.replicas).toBe(5);
    expect(
      (await call('GET', `${DEPLOY}/payments-api`)).body.spec.replicas,
    ).toBe(5);
  });
});

describe('custom resources', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'compositions.example.paved.dev' },
    spec: {
      group: 'example.paved.dev',
      scope: 'Namespaced',
      names: {
        kind: 'Composition',
        plural: 'compositions',
        singular: 'composition',
        listKind: 'CompositionList',
      },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              'x-kubernetes-preserve-unknown-fields': true,
            },
          },
          subresources: { status: {} },
          additionalPrinterColumns: [
            {
              name: 'Ready',
              type: 'string',
              jsonPath: '.status.conditions[?(@.type=="Ready")].status',
            },
            {
              name: 'Age',
              type: 'date',
              jsonPath: '.metadata.creationTimestamp',
            },
          ],
        },
      ],
    },
  };

  it('serves the kinds a created CRD defines', async () => {
    expect(
      (
        await call(
          'POST',
          '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
          crd,
        )
      ).status,
    ).toBe(201);
    const stored = await call(
      'GET',
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/compositions.example.paved.dev',
    );
    expect(
      stored.body.status.conditions.map((c: { type: string }) => c.type),
    ).toEqual(['NamesAccepted', 'Established']);
    const discovery = await call('GET', '/apis/example.paved.dev/v1');
    expect(
      discovery.body.resources.map((r: { name: string }) => r.name),
    ).toEqual(['compositions', 'compositions/status']);

    const cr =
      'apiVersion: example.paved.dev/v1\nkind: Composition\nmetadata:\n  name: db\nspec:\n  size: small\n';
    const created = await call(
      'PATCH',
      '/apis/example.paved.dev/v1/namespaces/payments/compositions/db?fieldManager=paved',
      cr,
      APPLY,
    );
    expect(created.status).toBe(201);
    await call(
      'PATCH',
      '/apis/example.paved.dev/v1/namespaces/payments/compositions/db/status',
      { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      'application/merge-patch+json',
    );
    const list = await call('GET', '/apis/example.paved.dev/v1/compositions');
    expect(list.body.kind).toBe('CompositionList');
    expect(list.body.items[0].kind).toBe('Composition');
    const table = await fetch(
      `${double.url}/apis/example.paved.dev/v1/namespaces/payments/compositions`,
      {
        headers: {
          Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`,
          Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
        },
      },
    ).then(r => r.json());
    expect(
      table.columnDefinitions.map((c: { name: string }) => c.name),
    ).toEqual(['Name', 'Ready', 'Age']);
    expect(table.rows[0].cells).toEqual(['db', 'True', '0s']);
    const strategic = await call(
      'PATCH',
      '/apis/example.paved.dev/v1/namespaces/payments/compositions/db',
      {},
      'application/strategic-merge-patch+json',
    );
    expect(strategic.status).toBe(415);

    await call(
      'DELETE',
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/compositions.example.paved.dev',
    );
    expect((await call('GET', '/apis/example.paved.dev/v1')).status).toBe(404);
  });
});
