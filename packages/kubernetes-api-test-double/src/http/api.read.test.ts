import { DEFAULT_ADMIN_TOKEN } from '../auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '../startServer';

let double: KubernetesApiTestDouble;
beforeAll(async () => {
  double = await startKubernetesApiTestDouble({
    now: () => new Date('2026-11-21T05:00:00Z'),
  });
});
afterAll(() => double.close());

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${double.url}${path}`, {
    headers: { Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`, ...headers },
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : await res.text();
  return { status: res.status, body, type };
}

const names = (list: { items: Array<{ metadata: { name: string } }> }) =>
  list.items.map(i => i.metadata.name);

describe('discovery', () => {
  it('serves /version without a token', async () => {
    const res = await fetch(`${double.url}/version`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      major: '1',
      minor: '30',
      gitVersion: 'v1.30.6',
    });
  });

  it('serves /api and /api/v1 with subresources', async () => {
    expect((await get('/api')).body).toMatchObject({
      kind: 'APIVersions',
      versions: ['v1'],
    });
    const { body } = await get('/api/v1');
    expect(body.kind).toBe('APIResourceList');
    expect(body.groupVersion).toBe('v1');
    const byName = Object.fromEntries(
      body.resources.map((r: { name: string }) => [r.name, r]),
    );
    expect(byName.pods).toMatchObject({
      kind: 'Pod',
      namespaced: true,
      shortNames: ['po'],
    });
    expect(byName.pods.verbs).toEqual(
      expect.arrayContaining(['get', 'list', 'watch', 'create', 'patch']),
    );
    expect(byName['pods/log']).toMatchObject({ kind: 'Pod', verbs: ['get'] });
    expect(byName['pods/status']).toBeDefined();
    expect(byName.secrets).toBeDefined();
    expect(byName.nodes.namespaced).toBe(false);
    for (const r of [
      'namespaces',
      'services',
      'configmaps',
      'events',
      'resourcequotas',
      'limitranges',
      'serviceaccounts',
      'persistentvolumeclaims',
      'endpoints',
    ]) {
      expect(byName[r]).toBeDefined();
    }
  });

  it('serves /apis with preferred versions and every group version', async () => {
    const { body } = await get('/apis');
    expect(body.kind).toBe('APIGroupList');
    const groups = Object.fromEntries(
      body.groups.map((g: { name: string }) => [g.name, g]),
    );
    expect(groups.autoscaling.preferredVersion).toEqual({
      groupVersion: 'autoscaling/v2',
      version: 'v2',
    });
    expect(
      groups.autoscaling.versions.map((v: { version: string }) => v.version),
    ).toEqual(['v2', 'v1']);
    for (const g of [
      'apps',
      'batch',
      'policy',
      'networking.k8s.io',
      'rbac.authorization.k8s.io',
      'apiextensions.k8s.io',
      'metrics.k8s.io',
    ]) {
      expect(groups[g]).toBeDefined();
    }
    const apps = await get('/apis/apps/v1');
    expect(apps.body).toMatchObject({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'apps/v1',
    });
    expect(apps.body.resources.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining([
        'deployments',
        'deployments/scale',
        'replicasets',
        'statefulsets',
        'daemonsets',
      ]),
    );
    expect((await get('/apis/apps')).body).toMatchObject({
      kind: 'APIGroup',
      name: 'apps',
    });
  });

  it('answers 404 for an unknown group, version or resource', async () => {
    for (const path of [
      '/apis/example.com/v1',
      '/apis/apps/v2',
      '/api/v1/widgets',
      '/apis/example.com/v1/widgets',
      '/nope',
    ]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'NotFound',
        message: 'the server could not find the requested resource',
        code: 404,
      });
    }
  });

  it('serves a skeleton OpenAPI v3 that advertises fieldValidation', async () => {
    const root = await get('/openapi/v3');
    const url = root.body.paths['apis/apps/v1'].serverRelativeURL;
    const doc = await get(url);
    const patch =
      doc.body.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']
        .patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
    });
    expect(patch.parameters.map((p: { name: string }) => p.name)).toContain(
      'fieldValidation',
    );
  });
});

describe('lists and gets', () => {
  it('lists a namespace in key order with the real List shape', async () => {
    const { body } = await get('/api/v1/namespaces/payments/pods');
    expect(body.apiVersion).toBe('v1');
    expect(body.kind).toBe('PodList');
    expect(Number(body.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(body.metadata.continue).toBeUndefined();
    expect(names(body)).toEqual([...names(body)].sort());
    expect(names(body)).toContain('ledger-worker-1');
    // Built-in list items carry no apiVersion/kind.
    expect(body.items[0].apiVersion).toBeUndefined();
    expect(body.items[0].kind).toBeUndefined();
    expect(
      body.items.every(
        (p: { metadata: { namespace: string } }) =>
          p.metadata.namespace === 'payments',
      ),
    ).toBe(true);
  });

  it('lists namespaced kinds across all namespaces', async () => {
    const { body } = await get('/api/v1/pods');
    const namespaces = new Set(
      body.items.map(
        (p: { metadata: { namespace: string } }) => p.metadata.namespace,
      ),
    );
    expect([...namespaces].sort()).toEqual([
      'checkout',
      'kube-system',
      'monitoring',
      'opencost',
      'payments',
    ]);
    const deployments = await get('/apis/apps/v1/deployments');
    expect(deployments.body.kind).toBe('DeploymentList');
    expect(names(deployments.body)).toEqual([
      'checkout-web',
      'coredns',
      'metrics-server',
      'opencost',
      'payments-api',
    ]);
  });

  it('gets single objects with apiVersion and kind', async () => {
    const { body } = await get(
      '/apis/apps/v1/namespaces/payments/deployments/payments-api',
    );
    expect(body).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'payments-api', namespace: 'payments' },
    });
    expect(body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    const node = await get('/api/v1/nodes/paved-local-worker-b');
    expect(node.body.spec.unschedulable).toBe(true);
    const ns = await get('/api/v1/namespaces/payments');
    expect(ns.body.metadata.labels['paved.dev/tenant']).toBe('payments');
  });

  it('serves autoscaling/v2 HPAs and policy/v1 PDBs', async () => {
    const hpa = await get(
      '/apis/autoscaling/v2/namespaces/checkout/horizontalpodautoscalers/checkout-web',
    );
    expect(hpa.body.status.currentReplicas).toBe(hpa.body.spec.maxReplicas);
    const pdb = await get(
      '/apis/policy/v1/namespaces/payments/poddisruptionbudgets/ledger-worker',
    );
    expect(pdb.body.status.disruptionsAllowed).toBe(0);
  });

  it('serves pod and node metrics', async () => {
    const pods = await get(
      '/apis/metrics.k8s.io/v1beta1/namespaces/payments/pods',
    );
    expect(pods.body.kind).toBe('PodMetricsList');
    expect(pods.body.items[0].containers[0].usage.cpu).toMatch(/n$/);
    const nodes = await get('/apis/metrics.k8s.io/v1beta1/nodes');
    expect(names(nodes.body)).toContain('paved-local-worker-a');
  });
});

describe('label selectors', () => {
  const select = async (selector: string) =>
    names(
      (await get(`/api/v1/pods?labelSelector=${encodeURIComponent(selector)}`))
        .body,
    );

  it.each([
    ['backstage.io/kubernetes-id=payments-api', 3],
    ['backstage.io/kubernetes-id==checkout-web', 5],
    ['backstage.io/kubernetes-id in (payments-api, ledger-worker)', 8],
    [
      'backstage.io/kubernetes-id,backstage.io/kubernetes-id notin (payments-api,ledger-worker)',
      5,
    ],
    [
      'backstage.io/kubernetes-id=ledger-worker,app.kubernetes.io/name!=ledger-worker',
      2,
    ],
    ['k8s-app', 3],
    // node-exporter ×4, prometheus-k8s-0 and opencost.
    // 6, plus the three kube-system Pods of fixtures/27-scheduling.yaml.
    ['!backstage.io/kubernetes-id,!k8s-app', 9],
  ])('%s selects %d pods', async (selector, count) => {
    expect(await select(selector)).toHaveLength(count);
  });

  it('finds every kind of a component by its Backstage label', async () => {
    const q = `?labelSelector=${encodeURIComponent(
      'backstage.io/kubernetes-id=payments-api',
    )}`;
    for (const path of [
      '/apis/apps/v1/deployments',
      '/apis/apps/v1/replicasets',
      '/api/v1/services',
      '/api/v1/configmaps',
      '/apis/autoscaling/v2/horizontalpodautoscalers',
      '/apis/policy/v1/poddisruptionbudgets',
    ]) {
      expect((await get(path + q)).body.items.length).toBeGreaterThan(0);
    }
  });

  it('rejects a malformed selector with 400', async () => {
    const res = await get('/api/v1/pods?labelSelector=app%3D%3Dweb%3Dx');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      code: 400,
    });
    expect(res.body.message).toContain('unable to parse requirement');
  });
});

describe('field selectors', () => {
  const select = async (path: string, selector: string) =>
    get(`${path}?fieldSelector=${encodeURIComponent(selector)}`);

  it('filters pods by phase, node and name', async () => {
    const running = await select('/api/v1/pods', 'status.phase=Running');
    expect(
      running.body.items.every(
        (p: { status: { phase: string } }) => p.status.phase === 'Running',
      ),
    ).toBe(true);
    const notRunning = names(
      (await select('/api/v1/pods', 'status.phase!=Running')).body,
    );
    expect(notRunning).toEqual(
      expect.arrayContaining([
        'ledger-worker-2',
        'checkout-web-6d8f7b9c5-7tlwm',
        'ledger-reconcile-29920560-x7k2p',
      ]),
    );
    expect(
      names(
        (await select('/api/v1/pods', 'spec.nodeName=paved-local-worker-b'))
          .body,
      ),
    ).toContain('payments-api-7c9d8f6b5d-8wzrt');
    expect(
      names((await select('/api/v1/pods', 'spec.nodeName=')).body),
      // The GPU check waits for a node that has GPUs (27-scheduling.yaml).
    ).toEqual(['gpu-node-check-7q4zt', 'ledger-worker-2']);
    expect(
      names(
        (
          await select(
            '/api/v1/namespaces/payments/pods',
            'metadata.name==ledger-worker-0',
          )
        ).body,
      ),
    ).toEqual(['ledger-worker-0']);
  });

  it('filters events, nodes and secrets by their own fields', async () => {
    const events = await select(
      '/api/v1/namespaces/payments/events',
      'involvedObject.name=ledger-worker-1,reason=BackOff,type=Warning',
    );
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0].count).toBeGreaterThan(100);
    const uid = (await get('/api/v1/namespaces/payments/pods/ledger-worker-2'))
      .body.metadata.uid;
    const byUid = await select(
      '/api/v1/namespaces/payments/events',
      `involvedObject.uid=${uid}`,
    );
    expect(byUid.body.items.map((e: { reason: string }) => e.reason)).toEqual([
      'FailedScheduling',
    ]);
    expect(
      names((await select('/api/v1/nodes', 'spec.unschedulable=true')).body),
    ).toEqual(['paved-local-worker-b']);
    expect(
      names(
        (await select('/api/v1/namespaces/payments/secrets', 'type=Opaque'))
          .body,
      ),
    ).toEqual(['payments-api-db']);
  });

  it('rejects unsupported field labels with 400', async () => {
    const res = await select('/api/v1/pods', 'spec.foo=bar');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      reason: 'BadRequest',
      message: 'field label not supported: spec.foo',
    });
    const dep = await select(
      '/apis/apps/v1/deployments',
      'status.phase=Running',
    );
    expect(dep.body.message).toBe('field label not supported: status.phase');
  });
});

describe('paging', () => {
  it('pages through every pod with limit and continue', async () => {
    const all = names((await get('/api/v1/pods')).body);
    const seen: string[] = [];
    const remaining: Array<number | undefined> = [];
    let token: string | undefined;
    do {
      const query = token ? `&continue=${encodeURIComponent(token)}` : '';
      const { body } = await get(`/api/v1/pods?limit=4${query}`);
      seen.push(...names(body));
      remaining.push(body.metadata.remainingItemCount);
      token = body.metadata.continue;
    } while (token);
    expect(seen).toEqual(all);
    const pages = Math.ceil(all.length / 4);
    expect(remaining).toEqual([
      ...Array.from({ length: pages - 1 }, (_, i) => all.length - 4 * (i + 1)),
      undefined,
    ]);
  });

  it('keeps the first page snapshot while paging', async () => {
    const first = (await get('/api/v1/namespaces/payments/pods?limit=2')).body;
    const rv = first.metadata.resourceVersion;
    const next = (
      await get(
        `/api/v1/namespaces/payments/pods?limit=2&continue=${first.metadata.continue}`,
      )
    ).body;
    expect(next.metadata.resourceVersion).toBe(rv);
  });

  it('answers 400 for a garbage token and 410 Expired for a compacted one', async () => {
    const garbage = await get('/api/v1/pods?limit=2&continue=garbage');
    expect(garbage.status).toBe(400);
    expect(garbage.body.message).toContain('invalid continue token');

    const first = (await get('/api/v1/pods?limit=2')).body;
    double.store.put({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'bump', namespace: 'default' },
    });
    double.store.compact();
    const expired = await get(
      `/api/v1/pods?limit=2&continue=${first.metadata.continue}`,
    );
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({
      kind: 'Status',
      reason: 'Expired',
      code: 410,
    });
    expect(expired.body.message).toContain(
      'The provided continue parameter is too old',
    );
    expect(expired.body.metadata.continue).toBeDefined();
  });
});

describe('tables', () => {
  const TABLE =
    'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

  it('prints pods the way kubectl shows them', async () => {
    const { body } = await get('/api/v1/pods', { Accept: TABLE });
    expect(body).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect(
      body.columnDefinitions.slice(0, 5).map((c: { name: string }) => c.name),
    ).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age']);
    const rows = Object.fromEntries(
      body.rows.map((r: { cells: string[] }) => [r.cells[0], r.cells]),
    );
    expect(rows['ledger-worker-1'][2]).toBe('CrashLoopBackOff');
    expect(rows['ledger-worker-1'][3]).toMatch(/^27 \(\S+ ago\)$/);
    expect(rows['checkout-web-5f7b9c4d8-qz8lp'][2]).toBe('ImagePullBackOff');
    expect(rows['checkout-web-6d8f7b9c5-7tlwm'][2]).toBe('Evicted');
    expect(rows['ledger-worker-2'][2]).toBe('Pending');
    expect(rows['ledger-reconcile-29920560-x7k2p'][2]).toBe('Completed');
    expect(rows['ledger-migrate-v42-9fjt5'][2]).toBe('Error');
    expect(rows['payments-api-7c9d8f6b5d-tq9mc'].slice(1, 4)).toEqual([
      '1/1',
      'Running',
      '2 (38m ago)',
    ]);
    expect(body.rows[0].object).toMatchObject({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
    });
    expect(body.rows[0].object.metadata.namespace).toBeDefined();
  });

  it('includes the full object on request and prints nodes and generic kinds', async () => {
    const full = await get(
      '/api/v1/namespaces/payments/pods/ledger-worker-0?includeObject=Object',
      { Accept: TABLE },
    );
    expect(full.body.rows[0].object.kind).toBe('Pod');
    const nodes = (await get('/api/v1/nodes', { Accept: TABLE })).body;
    const status = Object.fromEntries(
      nodes.rows.map((r: { cells: string[] }) => [r.cells[0], r.cells[1]]),
    );
    expect(status).toEqual({
      'paved-local-control-plane': 'Ready',
      'paved-local-worker-a': 'Ready',
      'paved-local-worker-b': 'Ready,SchedulingDisabled',
      'paved-local-worker-c': 'NotReady',
    });
    const cms = (
      await get('/api/v1/namespaces/payments/configmaps', { Accept: TABLE })
    ).body;
    expect(cms.columnDefinitions.map((c: { name: string }) => c.name)).toEqual([
      'Name',
      'Age',
    ]);
  });

  it('refuses an Accept header it cannot serve with 406', async () => {
    const res = await get('/api/v1/pods', {
      Accept: 'application/vnd.kubernetes.protobuf',
    });
    expect(res.status).toBe(406);
  });
});

describe('pod logs', () => {
  it('returns text/plain from fixture log files', async () => {
    const res = await get(
      '/api/v1/namespaces/payments/pods/ledger-worker-1/log?previous=true&tailLines=1',
    );
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/plain');
    expect(res.body).toContain('"level":"fatal"');
    expect(res.body.trim().split('\n')).toHaveLength(1);
  });

  it('makes up logs for running containers', async () => {
    const res = await get(
      '/api/v1/namespaces/payments/pods/ledger-worker-0/log?timestamps=true',
    );
    expect(res.body).toMatch(
      /^2026-\S+Z level=info msg="starting ledger-worker"/,
    );
  });

  it('answers like the real server when there is no log', async () => {
    const waiting = await get(
      '/api/v1/namespaces/checkout/pods/checkout-web-5f7b9c4d8-qz8lp/log',
    );
    expect(waiting.status).toBe(400);
    expect(waiting.body.message).toBe(
      'container "checkout-web" in pod "checkout-web-5f7b9c4d8-qz8lp" is waiting to start: trying and failing to pull image',
    );
    const pending = await get(
      '/api/v1/namespaces/payments/pods/ledger-worker-2/log',
    );
    expect(pending.body.message).toBe(
      'pod ledger-worker-2 does not have a host assigned',
    );
    const unreachable = await get(
      '/api/v1/namespaces/monitoring/pods/node-exporter-z5hcn/log',
    );
    expect(unreachable.status).toBe(500);
    const badContainer = await get(
      '/api/v1/namespaces/payments/pods/ledger-worker-0/log?container=nope',
    );
    expect(badContainer.body.message).toBe(
      'container nope is not valid for pod ledger-worker-0',
    );
    const noPrevious = await get(
      '/api/v1/namespaces/payments/pods/ledger-worker-0/log?previous=true',
    );
    expect(noPrevious.body.message).toBe(
      'previous terminated container "ledger-worker" in pod "ledger-worker-0" not found',
    );
  });
});

describe('watch', () => {
  it('streams changes after a resourceVersion and ends at timeoutSeconds', async () => {
    const rv = (await get('/api/v1/namespaces/default/configmaps')).body
      .metadata.resourceVersion;
    const res = await fetch(
      `${double.url}/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${rv}&timeoutSeconds=1`,
      { headers: { Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}` } },
    );
    double.store.put({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'watched', namespace: 'default' },
    });
    double.store.put({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'elsewhere', namespace: 'payments' },
    });
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(lines.map(l => `${l.type} ${l.object.metadata.name}`)).toEqual([
      'ADDED watched',
    ]);
    expect(lines[0].object.kind).toBe('ConfigMap');
  });
});
