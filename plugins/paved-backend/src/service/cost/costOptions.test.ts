import { mockServices } from '@backstage/backend-test-utils';
import { readCostOptions } from './costOptions';
import { classifyCostError } from './costErrors';

const read = (cost: any) =>
  readCostOptions(mockServices.rootConfig({ data: { paved: { cost } } }));

describe('readCostOptions', () => {
  it('defaults to USD and the service proxy to opencost/opencost:9003', () => {
    const o = readCostOptions(mockServices.rootConfig({ data: {} }));
    expect(o.currency).toBe('USD');
    expect(o.clusterTimeoutMs).toBe(15_000);
    expect(o.cacheTtlMs).toBe(60_000);
    expect(o.target('any')).toEqual({
      endpoint: '/allocation',
      service: { namespace: 'opencost', service: 'opencost', port: '9003' },
    });
  });

  it('reads the display currency and its rate from config, naming what is wrong', () => {
    expect(read({}).conversion).toBeUndefined();
    expect(read({}).maxWindowDays).toBe(92);
    expect(read({ maxWindowDays: 400 }).maxWindowDays).toBe(400);
    expect(() => read({ maxWindowDays: 0 })).toThrow(
      /paved\.cost\.maxWindowDays must be a whole number/,
    );
    expect(
      read({ displayCurrency: 'EUR', rates: { EUR: 0.92, GBP: 0.79 } })
        .conversion,
    ).toEqual({ from: 'USD', to: 'EUR', rate: 0.92, source: 'config' });
    // Showing OpenCost's own currency converts nothing.
    expect(
      read({ displayCurrency: 'USD', rates: { EUR: 0.92 } }).conversion,
    ).toBeUndefined();
    expect(() => read({ displayCurrency: 'EUR' })).toThrow(
      'paved.cost.displayCurrency is EUR but paved.cost.rates has no EUR rate (EUR per 1 USD)',
    );
    expect(() => read({ displayCurrency: 'EUR', rates: { EUR: -1 } })).toThrow(
      /paved\.cost\.rates\.EUR must be a positive number/,
    );
    expect(() => read({ rates: { euro: 1 } })).toThrow(
      /paved\.cost\.rates keys must be ISO 4217 codes/,
    );
    expect(() => read({ displayCurrency: 'Euro', rates: { EUR: 1 } })).toThrow(
      /paved\.cost\.displayCurrency must be an ISO 4217 code/,
    );
  });

  it('reads the cache time to live as milliseconds or a duration', () => {
    expect(read({ cacheTtl: 0 }).cacheTtlMs).toBe(0);
    expect(read({ cacheTtl: { minutes: 2 } }).cacheTtlMs).toBe(120_000);
    expect(() => read({ cacheTtl: -5 })).toThrow(/paved\.cost\.cacheTtl/);
  });

  it('reads Backstage duration strings, naming the key of a bad one', () => {
    expect(read({ clusterTimeout: 'PT20S' }).clusterTimeoutMs).toBe(20_000);
    expect(read({ cacheTtl: '5m' }).cacheTtlMs).toBe(300_000);
    expect(() => read({ clusterTimeout: 'later' })).toThrow(
      /^paved\.cost\.clusterTimeout must be milliseconds, a duration/,
    );
    expect(() => read({ cacheTtl: { minute: 1 } })).toThrow(
      /^paved\.cost\.cacheTtl must be .*Needs one or more of 'years'/,
    );
  });

  it('reads per-cluster base URLs, endpoints and services', () => {
    const o = read({
      currency: 'EUR',
      clusterTimeout: { seconds: 5 },
      service: { namespace: 'cost', name: 'oc', port: 9090 },
      clusters: [
        {
          name: 'a',
          baseUrl: 'http://opencost.a:9003/',
          endpoint: '/allocation/compute',
        },
        { name: 'b', service: { port: 9003 } },
      ],
    });
    expect(o.currency).toBe('EUR');
    expect(o.clusterTimeoutMs).toBe(5000);
    expect(o.target('a')).toMatchObject({
      baseUrl: 'http://opencost.a:9003',
      endpoint: '/allocation/compute',
    });
    expect(o.target('b').service).toEqual({
      namespace: 'cost',
      service: 'oc',
      port: '9003',
    });
    expect(o.target('c').service.port).toBe('9090');
  });

  it('names the setting that is wrong', () => {
    expect(() => read({ currency: 'euro' })).toThrow(
      /paved.cost.currency must be an ISO 4217 code/,
    );
    expect(() => read({ endpoint: '/cost' })).toThrow(
      /paved.cost.endpoint must be/,
    );
    expect(() =>
      read({ clusters: [{ name: 'a', baseUrl: 'opencost:9003' }] }),
    ).toThrow(/paved.cost.clusters\[a\].baseUrl must be an http\(s\) URL/);
  });
});

describe('classifyCostError', () => {
  const target = readCostOptions(mockServices.rootConfig({ data: {} })).target(
    'x',
  );
  it.each([
    [
      {
        name: 'ClusterRequestError',
        message: 'HTTP 404: services "opencost" not found',
        statusCode: 404,
      },
      'opencost-not-found',
    ],
    [
      {
        name: 'ClusterRequestError',
        message: 'HTTP 503: no endpoints available for service "opencost:9003"',
        statusCode: 503,
      },
      'opencost-not-found',
    ],
    [{ name: 'ClusterTimeoutError', message: 'slow' }, 'timeout'],
    [{ name: 'OpenCostDataError', message: 'bad' }, 'malformed'],
    [
      { name: 'ClusterRequestError', message: 'HTTP 403: no', statusCode: 403 },
      'forbidden',
    ],
    [
      {
        name: 'ClusterRequestError',
        message: 'HTTP 500: boom',
        statusCode: 500,
      },
      'failed',
    ],
  ])('%j is %s', (error, problem) => {
    expect(classifyCostError('x', error, target).problem).toBe(problem);
  });
});
