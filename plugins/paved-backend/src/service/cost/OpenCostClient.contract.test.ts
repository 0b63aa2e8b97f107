import { parseAllocationResponse } from '@paved/plugin-paved-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ClusterAccess } from '../clusters/ClusterAccess';
import { DEFAULT_OPENCOST_SERVICE, OpenCostTarget } from './costOptions';
import { OpenCostClient, OpenCostUnreachableError } from './OpenCostClient';

/**
 * Contract: OpenCost's documented allocation response. Every field the
 * acceptance criteria name is here, with NaN/Inf as null as OpenCost's JSON
 * encoder writes them, and an `__idle__` entry.
 */
function documentedAllocation(
  name: string,
  start: string,
  end: string,
  overrides = {},
) {
  return {
    name,
    properties: {
      cluster: 'prod-eu',
      namespace: 'payments',
      controllerKind: 'deployment',
      controller: 'payments-api',
      labels: { app: 'payments-api', paved_dev_team: 'team-payments' },
      namespaceLabels: { paved_dev_tenant: 'payments' },
    },
    window: { start, end },
    start,
    end,
    minutes: 1440,
    cpuCores: 0.75,
    cpuCoreRequestAverage: 0.75,
    cpuCoreUsageAverage: 0.12,
    cpuCoreHours: 18,
    cpuCost: 0.569,
    cpuCostAdjustment: 0,
    cpuEfficiency: 0.16,
    gpuCount: 0,
    gpuHours: 0,
    gpuCost: 0,
    gpuCostAdjustment: 0,
    networkTransferBytes: 1024,
    networkReceiveBytes: 2048,
    networkCost: 0.002,
    networkCostAdjustment: 0,
    loadBalancerCost: 0.6,
    loadBalancerCostAdjustment: 0,
    pvBytes: 0,
    pvByteHours: 0,
    pvCost: 0,
    pvCostAdjustment: 0,
    ramBytes: 1610612736,
    ramByteRequestAverage: 1610612736,
    ramByteUsageAverage: 402653184,
    ramByteHours: 38654705664,
    ramCost: 0.153,
    ramCostAdjustment: 0,
    ramEfficiency: 0.25,
    sharedCost: 0,
    externalCost: 0,
    totalCost: 1.324,
    totalEfficiency: 0.178,
    rawAllocationOnly: null,
    ...overrides,
  };
}

const day = (n: number) => {
  const start = new Date(Date.UTC(2026, 10, 14 + n))
    .toISOString()
    .replace('.000Z', 'Z');
  const end = new Date(Date.UTC(2026, 10, 15 + n))
    .toISOString()
    .replace('.000Z', 'Z');
  return {
    'payments/deployment:payments-api': documentedAllocation(
      'payments/deployment:payments-api',
      start,
      end,
    ),
    __idle__: documentedAllocation('__idle__', start, end, {
      properties: { cluster: 'prod-eu' },
      cpuEfficiency: null,
      ramEfficiency: null,
      totalEfficiency: null,
    }),
  };
};

const KUBE = 'http://backstage.test/api/kubernetes';
const SVC_PROXY = `${KUBE}/proxy/api/v1/namespaces/opencost/services/opencost:9003/proxy`;
const BASE = 'http://opencost.test:9003';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const access = new ClusterAccess({
  auth: {
    getPluginRequestToken: async () => ({ token: 'user-token' }),
    // Cluster reads go as Paved's own service identity.
    getOwnServiceCredentials: async () => ({
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'service', subject: 'plugin:paved' },
    }),
  } as any,
  discovery: { getBaseUrl: async () => KUBE } as any,
});
const client = new OpenCostClient(access);
const ctx = { credentials: {} as any, clusterAuthHeaders: {} };
const viaProxy = (endpoint: OpenCostTarget['endpoint']): OpenCostTarget => ({
  endpoint,
  service: DEFAULT_OPENCOST_SERVICE,
});
const viaBase = (endpoint: OpenCostTarget['endpoint']): OpenCostTarget => ({
  baseUrl: BASE,
  endpoint,
  service: DEFAULT_OPENCOST_SERVICE,
});
const QUERY = {
  window: '2026-11-14T00:00:00Z,2026-11-16T00:00:00Z',
  aggregate: 'namespace,controller',
  step: '1d',
  accumulate: false,
  filter: 'namespace:"payments"',
};

describe('OpenCost allocation contract', () => {
  it.each([
    ['service proxy', '/allocation', viaProxy, SVC_PROXY],
    ['service proxy', '/allocation/compute', viaProxy, SVC_PROXY],
    ['base URL', '/allocation', viaBase, BASE],
    ['base URL', '/allocation/compute', viaBase, BASE],
  ] as const)(
    'reads %s %s in the documented shape',
    async (_via, endpoint, target, base) => {
      let seen: URL | undefined;
      let cluster: string | null = null;
      server.use(
        http.get(`${base}${endpoint}`, ({ request }) => {
          seen = new URL(request.url);
          cluster = request.headers.get('backstage-kubernetes-cluster');
          return HttpResponse.json({
            code: 200,
            status: 'success',
            data: [day(0), day(1)],
          });
        }),
      );
      const sets = await client.allocations(
        'prod-eu',
        ['prod-eu'],
        target(endpoint),
        QUERY,
        ctx,
      );
      expect(sets).toHaveLength(2);
      const api = sets[0].allocations.find(a =>
        a.name.includes('payments-api'),
      )!;
      for (const f of [
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
      ]) {
        expect(typeof (api as any)[f]).toBe('number');
      }
      expect(api.window).toEqual({
        start: '2026-11-14T00:00:00Z',
        end: '2026-11-15T00:00:00Z',
      });
      const idle = sets[0].allocations.find(a => a.name === '__idle__')!;
      expect(idle.cpuEfficiency).toBeNull();
      expect(seen!.searchParams.get('window')).toBe(QUERY.window);
      expect(seen!.searchParams.get('aggregate')).toBe('namespace,controller');
      expect(seen!.searchParams.get('step')).toBe('1d');
      expect(seen!.searchParams.get('accumulate')).toBe('false');
      // Only /allocation understands filter.
      expect(seen!.searchParams.get('filter')).toBe(
        endpoint === '/allocation' ? 'namespace:"payments"' : null,
      );
      expect(cluster).toBe(base === SVC_PROXY ? 'prod-eu' : null);
    },
  );

  it('refuses a malformed allocation, naming the field', async () => {
    server.use(
      http.get(`${BASE}/allocation`, () =>
        HttpResponse.json({
          code: 200,
          data: [{ x: { ...day(0).__idle__, ramCost: 'NaN-ish' } }],
        }),
      ),
    );
    await expect(
      client.allocations(
        'prod-eu',
        ['prod-eu'],
        viaBase('/allocation'),
        QUERY,
        ctx,
      ),
    ).rejects.toThrow('Malformed OpenCost response at data[0]["x"].ramCost');
  });

  it('refuses a body that is not JSON, and reports OpenCost errors with their message', async () => {
    server.use(
      http.get(
        `${BASE}/allocation`,
        () => new HttpResponse('<html>oops</html>', { status: 200 }),
      ),
    );
    await expect(
      client.allocations(
        'prod-eu',
        ['prod-eu'],
        viaBase('/allocation'),
        QUERY,
        ctx,
      ),
    ).rejects.toMatchObject({
      statusCode: 502,
      message: 'Malformed JSON from OpenCost (HTTP 200)',
    });
    server.use(
      http.get(`${BASE}/allocation`, () =>
        HttpResponse.json(
          {
            code: 500,
            status: '',
            data: null,
            message: 'error querying prometheus',
          },
          { status: 500 },
        ),
      ),
    );
    await expect(
      client.allocations(
        'prod-eu',
        ['prod-eu'],
        viaBase('/allocation'),
        QUERY,
        ctx,
      ),
    ).rejects.toMatchObject({
      statusCode: 500,
      message: 'HTTP 500 from OpenCost: error querying prometheus',
    });
  });

  it('takes a partial answer (a null step) as a step without data', async () => {
    server.use(
      http.get(`${SVC_PROXY}/allocation`, () =>
        HttpResponse.json({ code: 200, data: [null, day(1)] }),
      ),
    );
    const sets = await client.allocations(
      'prod-eu',
      ['prod-eu'],
      viaProxy('/allocation'),
      QUERY,
      ctx,
    );
    expect(sets[0].allocations).toEqual([]);
    expect(sets[1].allocations).toHaveLength(2);
  });

  it('says OpenCost is unreachable at a base URL that does not answer', async () => {
    server.use(http.get(`${BASE}/allocation`, () => HttpResponse.error()));
    await expect(
      client.allocations(
        'prod-eu',
        ['prod-eu'],
        viaBase('/allocation'),
        QUERY,
        ctx,
      ),
    ).rejects.toBeInstanceOf(OpenCostUnreachableError);
  });

  it('the documented response parses with the shared parser', () => {
    expect(() =>
      parseAllocationResponse({ code: 200, data: [day(0)] }),
    ).not.toThrow();
  });
});
