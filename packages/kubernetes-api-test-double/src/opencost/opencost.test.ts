import {
  DEFAULT_RESTRICTED_TOKEN,
  DEFAULT_VIEWER_TOKEN,
  TokenConfig,
} from '../auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '../startServer';
import { seedSyntheticPods } from '../scale';
import { DATA_START_ANNOTATION } from './serviceProxy';

const NOW = new Date('2026-11-21T05:00:00Z');
const PROXY = '/api/v1/namespaces/opencost/services/opencost:9003/proxy';

let double: KubernetesApiTestDouble;
beforeAll(async () => {
  double = await startKubernetesApiTestDouble({ now: () => NOW });
});
afterAll(() => double.close());

async function get(path: string, token = DEFAULT_VIEWER_TOKEN) {
  const res = await fetch(`${double.url}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // plain text answer
  }
  return { status: res.status, body };
}

const COST_FIELDS = [
  'cpuCost',
  'gpuCost',
  'ramCost',
  'pvCost',
  'networkCost',
  'loadBalancerCost',
  'sharedCost',
  'externalCost',
  'totalCost',
  'cpuCoreRequestAverage',
  'cpuCoreUsageAverage',
  'ramByteRequestAverage',
  'ramByteUsageAverage',
  'cpuEfficiency',
  'ramEfficiency',
  'totalEfficiency',
];

describe('OpenCost behind the service proxy', () => {
  it.each(['/allocation', '/allocation/compute'])(
    'serves %s in the documented shape, one set per step',
    async endpoint => {
      const { status, body } = await get(
        `${PROXY}${endpoint}?window=2026-11-18T00:00:00Z,2026-11-21T00:00:00Z&step=1d&aggregate=namespace,controller`,
      );
      expect(status).toBe(200);
      expect(body.code).toBe(200);
      expect(body.data).toHaveLength(3);
      const day = body.data[0];
      const api = day['payments/deployment:payments-api'];
      expect(api.window).toEqual({
        start: '2026-11-18T00:00:00Z',
        end: '2026-11-19T00:00:00Z',
      });
      expect(api.properties).toMatchObject({
        cluster: 'paved-local',
        namespace: 'payments',
        controllerKind: 'deployment',
        controller: 'payments-api',
      });
      for (const f of COST_FIELDS) expect(api).toHaveProperty(f);
      // 3 pods × 250m requested.
      expect(api.cpuCoreRequestAverage).toBeCloseTo(0.75);
      expect(api.totalCost).toBeCloseTo(
        api.cpuCost +
          api.gpuCost +
          api.ramCost +
          api.pvCost +
          api.networkCost +
          api.loadBalancerCost,
      );
      expect(day['payments/statefulset:ledger-worker'].pvCost).toBeGreaterThan(
        0,
      );
      // Idle capacity, and NaN efficiencies sent as null.
      expect(day.__idle__.totalCost).toBeGreaterThan(0);
      expect(day.__idle__.cpuEfficiency).toBeNull();
      expect(day['opencost/deployment:opencost'].cpuEfficiency).toBeNull();
      expect(day['opencost/deployment:opencost'].ramEfficiency).toBeGreaterThan(
        0,
      );
    },
  );

  it('is deterministic and accumulates steps into one set', async () => {
    const q = `${PROXY}/allocation?window=7d&aggregate=namespace&step=1d`;
    const a = await get(q);
    const b = await get(q);
    expect(a.body).toEqual(b.body);
    const acc = await get(
      `${PROXY}/allocation?window=7d&aggregate=namespace&accumulate=true`,
    );
    expect(acc.body.data).toHaveLength(1);
    const sum = a.body.data.reduce(
      (s: number, set: any) => s + set.payments.totalCost,
      0,
    );
    expect(acc.body.data[0].payments.totalCost).toBeCloseTo(sum, 8);
  });

  it('filters on /allocation only, as OpenCost does', async () => {
    const filtered = await get(
      `${PROXY}/allocation?window=1d&aggregate=namespace&filter=${encodeURIComponent(
        'namespace:"checkout"',
      )}`,
    );
    expect(Object.keys(filtered.body.data[0]).sort()).toEqual([
      '__idle__',
      'checkout',
    ]);
    const byLabel = await get(
      `${PROXY}/allocation?window=1d&aggregate=label:paved.dev/team&includeIdle=false`,
    );
    expect(Object.keys(byLabel.body.data[0]).sort()).toEqual([
      '__unallocated__',
      'team-payments',
      'team-platform',
      'team-storefront',
    ]);
  });

  it('answers a bad parameter with OpenCost error body', async () => {
    const { status, body } = await get(`${PROXY}/allocation?window=soon`);
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 400,
      message: 'Invalid window parameter: soon',
    });
    expect(
      (await get(`${PROXY}/allocation?window=1d&aggregate=colour`)).status,
    ).toBe(400);
    expect((await get(`${PROXY}/nope`)).status).toBe(404);
  });

  it('has no data before OpenCost started collecting, and none in the future', async () => {
    const dep = double.store.find(
      'apps/v1',
      'Deployment',
      'opencost',
      'opencost',
    )!;
    double.store.put({
      ...dep,
      metadata: {
        ...dep.metadata,
        annotations: {
          ...dep.metadata.annotations,
          [DATA_START_ANNOTATION]: 'P2D',
        },
      },
    });
    try {
      const { body } = await get(
        `${PROXY}/allocation?window=5d&step=1d&aggregate=namespace`,
      );
      expect(body.data).toHaveLength(5);
      expect(
        body.data.slice(0, 3).map((s: object) => Object.keys(s).length),
      ).toEqual([0, 0, 0]);
      expect(body.data[3].payments.start).toBe('2026-11-19T05:00:00Z');
    } finally {
      double.store.put(dep);
    }
    const future = await get(
      `${PROXY}/allocation?window=2026-12-01T00:00:00Z,2026-12-02T00:00:00Z`,
    );
    expect(future.body.data).toEqual([{}]);
  });
});

describe('the service proxy', () => {
  it('answers 404 for a missing Service and 503 with nothing behind it', async () => {
    const missing = await get(
      '/api/v1/namespaces/monitoring/services/opencost:9003/proxy/allocation?window=1d',
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      message: 'services "opencost" not found',
    });
    const other = await get(
      '/api/v1/namespaces/kube-system/services/kube-dns:53/proxy/allocation?window=1d',
    );
    expect(other.status).toBe(503);
    expect(other.body.message).toBe(
      'no endpoints available for service "kube-dns:53"',
    );
    const wrongPort = await get(
      '/api/v1/namespaces/opencost/services/opencost:9999/proxy/allocation?window=1d',
    );
    expect(wrongPort.status).toBe(503);
  });

  it('needs services/proxy like RBAC does', async () => {
    const noProxy: TokenConfig = {
      'no-proxy': {
        user: 'system:serviceaccount:x:no-proxy',
        allow: [{ verbs: ['get', 'list'] }],
        deny: [{ resources: ['services/proxy'] }],
      },
    };
    const d = await startKubernetesApiTestDouble({
      now: () => NOW,
      tokens: noProxy,
    });
    try {
      const res = await fetch(`${d.url}${PROXY}/allocation?window=1d`, {
        headers: { Authorization: 'Bearer no-proxy' },
      });
      expect(res.status).toBe(403);
      expect((await res.json()).message).toContain(
        'cannot get resource "services/proxy"',
      );
      // Reading the Service itself is still allowed.
      const svc = await fetch(
        `${d.url}/api/v1/namespaces/opencost/services/opencost`,
        {
          headers: { Authorization: 'Bearer no-proxy' },
        },
      );
      expect(svc.status).toBe(200);
    } finally {
      await d.close();
    }
    expect(
      (await get(`${PROXY}/allocation?window=1d`, DEFAULT_RESTRICTED_TOKEN))
        .status,
    ).toBe(200);
  });
});

describe('OpenCost answers the double reuses', () => {
  it('keeps past steps only while the store is unchanged', async () => {
    const d = await startKubernetesApiTestDouble({ now: () => NOW });
    try {
      const q = `${d.url}${PROXY}/allocation?window=2026-11-17T00:00:00Z,2026-11-21T05:00:00Z&step=1d&aggregate=namespace`;
      const askText = async () => {
        const res = await fetch(q, {
          headers: { Authorization: `Bearer ${DEFAULT_VIEWER_TOKEN}` },
        });
        expect(res.headers.get('content-type')).toBe('application/json');
        return res.text();
      };
      const ask = async () => JSON.parse(await askText());
      const text = await askText();
      // Reused pieces still make one body, exactly as JSON.stringify writes it.
      expect(JSON.stringify(JSON.parse(text))).toBe(text);
      expect(await askText()).toBe(text);
      const first = JSON.parse(text);
      // A workload that ran all along appears in the past days at once.
      seedSyntheticPods(d.store, {
        namespace: 'late-comer',
        labels: { app: 'late-comer' },
        count: 2,
        createdAt: new Date('2026-11-01T00:00:00Z'),
        crashLoopEvery: 0,
        pendingEvery: 0,
      });
      const after = await ask();
      expect(after.data).toHaveLength(first.data.length);
      for (const [i, set] of after.data.entries()) {
        expect(set['late-comer'].totalCost).toBeGreaterThan(0);
        expect(set.payments).toEqual(first.data[i].payments);
      }
    } finally {
      await d.close();
    }
  });
});
