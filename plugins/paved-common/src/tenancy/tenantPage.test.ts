import { tenantGuardrailsOf, tenantQuotaOf } from './tenantPage';

describe('tenantQuotaOf', () => {
  it('compares status.used with status.hard in base units, resource by resource', () => {
    const quota = tenantQuotaOf({
      metadata: { name: 'payments-quota', namespace: 'payments' },
      spec: { hard: { pods: '99' } },
      status: {
        hard: { 'requests.cpu': '8', 'limits.memory': '32Gi', pods: '30' },
        used: { 'requests.cpu': '2250m', 'limits.memory': '4608Mi', pods: '6' },
      },
    });
    expect(quota).toEqual({
      namespace: 'payments',
      name: 'payments-quota',
      items: [
        {
          resource: 'limits.memory',
          hard: '32Gi',
          used: '4608Mi',
          ratio: 4608 / (32 * 1024),
        },
        { resource: 'pods', hard: '30', used: '6', ratio: 0.2 },
        {
          resource: 'requests.cpu',
          hard: '8',
          used: '2250m',
          ratio: 2.25 / 8,
        },
      ],
    });
  });

  it('falls back to spec.hard before the controller writes a status, counting nothing used', () => {
    expect(
      tenantQuotaOf({
        metadata: { name: 'q', namespace: 'n' },
        spec: { hard: { pods: '10' } },
      }).items,
    ).toEqual([{ resource: 'pods', hard: '10', used: '0', ratio: 0 }]);
  });

  it('gives no ratio for a zero hard limit or a value that is not a quantity', () => {
    const { items } = tenantQuotaOf({
      metadata: { name: 'q', namespace: 'n' },
      status: {
        hard: { pods: '0', 'count/widgets': 'lots' },
        used: { pods: '0', 'count/widgets': '1' },
      },
    });
    expect(items.map(i => [i.resource, i.ratio])).toEqual([
      ['count/widgets', null],
      ['pods', null],
    ]);
  });
});

describe('tenantGuardrailsOf', () => {
  const report = (namespace: string, results: unknown[], scope?: unknown) => ({
    apiVersion: 'wgpolicyk8s.io/v1alpha2',
    kind: 'PolicyReport',
    metadata: { name: `r-${namespace}`, namespace },
    ...(scope ? { scope } : {}),
    results,
  });

  it('counts every outcome and lists failures, then errors, then warnings', () => {
    const g = tenantGuardrailsOf([
      report(
        'payments',
        [
          { policy: 'tenant-guardrails', rule: 'a', result: 'pass' },
          {
            policy: 'tenant-guardrails',
            rule: 'require-tenant-label',
            result: 'warn',
            message: 'label missing',
          },
          {
            policy: 'tenant-guardrails',
            rule: 'no-wildcard-tolerations',
            result: 'fail',
            severity: 'high',
            message: 'toleration without a key',
          },
        ],
        { kind: 'Pod', name: 'api-1', namespace: 'payments' },
      ),
      report('payments', [
        {
          policy: 'p',
          result: 'error',
          resources: [
            { kind: 'Service', name: 'alias', namespace: 'payments' },
          ],
        },
        { policy: 'p', result: 'skip' },
      ]),
    ]);
    expect(g.reports).toBe(2);
    expect(g.counts).toEqual({ pass: 1, fail: 1, warn: 1, error: 1, skip: 1 });
    expect(g.violations).toEqual([
      {
        namespace: 'payments',
        policy: 'tenant-guardrails',
        rule: 'no-wildcard-tolerations',
        result: 'fail',
        severity: 'high',
        message: 'toleration without a key',
        resource: { kind: 'Pod', name: 'api-1', namespace: 'payments' },
      },
      {
        namespace: 'payments',
        policy: 'p',
        result: 'error',
        resource: { kind: 'Service', name: 'alias', namespace: 'payments' },
      },
      {
        namespace: 'payments',
        policy: 'tenant-guardrails',
        rule: 'require-tenant-label',
        result: 'warn',
        message: 'label missing',
        resource: { kind: 'Pod', name: 'api-1', namespace: 'payments' },
      },
    ]);
    expect(g.omitted).toBe(0);
  });

  it('caps the violations and says how many were left out', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      policy: 'p',
      rule: `r${i}`,
      result: 'fail',
    }));
    const g = tenantGuardrailsOf([report('n', many)], 5);
    expect(g.violations).toHaveLength(5);
    expect(g.omitted).toBe(2);
    expect(g.counts.fail).toBe(7);
  });

  it('ignores reports without results', () => {
    expect(tenantGuardrailsOf([{}, null]).violations).toEqual([]);
  });
});
