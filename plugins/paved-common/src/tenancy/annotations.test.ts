import {
  ANNOTATION_MONTHLY_BUDGET,
  ANNOTATION_NAMESPACES,
  ANNOTATION_TIER,
  readTenantAnnotations,
} from './annotations';

describe('readTenantAnnotations', () => {
  it('reads namespaces, tier and budget', () => {
    expect(
      readTenantAnnotations({
        'paved.dev/tenant': 'orders',
        [ANNOTATION_TIER]: '3',
        [ANNOTATION_NAMESPACES]: 'orders-dev, orders-prod',
        [ANNOTATION_MONTHLY_BUDGET]: '1500.50',
        'paved.dev/cost-center': 'cc-1',
      }),
    ).toEqual({
      tenant: 'orders',
      tier: 3,
      namespaces: ['orders-dev', 'orders-prod'],
      monthlyBudget: 1500.5,
      costCenter: 'cc-1',
    });
  });

  it('leaves out what is malformed instead of guessing', () => {
    expect(
      readTenantAnnotations({
        [ANNOTATION_TIER]: '7',
        [ANNOTATION_MONTHLY_BUDGET]: 'lots',
      }),
    ).toEqual({ namespaces: [] });
    expect(readTenantAnnotations(undefined)).toEqual({ namespaces: [] });
  });
});
