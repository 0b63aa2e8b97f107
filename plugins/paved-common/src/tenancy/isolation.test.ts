import { TIER_NUMBERS } from '../tiers';
import { ANNOTATION_ISOLATION, readTenantAnnotations } from './annotations';
import {
  ISOLATION_LEVELS,
  isolationIncludes,
  isIsolationLevel,
  tierShipsGvisor,
  tierShipsTenantPriorityClasses,
  TENANT_PRIORITY_CLASSES,
} from './isolation';
import {
  isAzureTenantId,
  workloadIdentityProblem,
  WorkloadIdentityProvider,
} from './workloadIdentity';

describe('isolation tiers', () => {
  it('are cumulative, each adding one layer to the one before', () => {
    expect(
      ISOLATION_LEVELS.map(l =>
        ISOLATION_LEVELS.filter(layer => isolationIncludes(l, layer)),
      ),
    ).toEqual([
      ['namespace'],
      ['namespace', 'sandboxed'],
      ['namespace', 'sandboxed', 'dedicated-nodes'],
      ['namespace', 'sandboxed', 'dedicated-nodes', 'virtual-cluster'],
    ]);
    expect(isIsolationLevel('sandboxed')).toBe(true);
    expect(isIsolationLevel('tier-2')).toBe(false);
  });

  it('need gVisor from tier 3 and PriorityClasses from tier 2', () => {
    expect(TIER_NUMBERS.filter(tierShipsGvisor)).toEqual([3, 4, 5]);
    expect(TIER_NUMBERS.filter(tierShipsTenantPriorityClasses)).toEqual([
      2, 3, 4, 5,
    ]);
  });

  it('offer PriorityClasses below the system ones, in increasing order', () => {
    const values = TENANT_PRIORITY_CLASSES.map(c => c.value);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    // system-cluster-critical is 2000000000; user classes stay below 1e9.
    expect(Math.max(...values)).toBeLessThan(1_000_000_000);
  });

  it('is read from the tenant entity, or left out when unknown', () => {
    expect(
      readTenantAnnotations({ [ANNOTATION_ISOLATION]: 'dedicated-nodes' })
        .isolation,
    ).toBe('dedicated-nodes');
    expect(
      readTenantAnnotations({ [ANNOTATION_ISOLATION]: 'vm' }).isolation,
    ).toBeUndefined();
  });
});

describe('workloadIdentityProblem', () => {
  const cases: Array<[WorkloadIdentityProvider, unknown, boolean]> = [
    ['aws-eks', 'arn:aws:iam::123456789012:role/orders', true],
    ['aws-eks', 'arn:aws-cn:iam::123456789012:role/team/orders', true],
    ['aws-eks', 'arn:aws:iam::123456789012:role/a//b', false],
    ['aws-eks', 'arn:aws:iam::123456789012:user/orders', false],
    ['aws-eks', 'arn:aws:iam::1234:role/orders', false],
    ['aws-eks', `arn:aws:iam::123456789012:role/${'r'.repeat(65)}`, false],
    ['aws-eks', 'arn:aws:s3:::bucket', false],
    ['aws-eks', 42, false],
    ['gke', 'orders@shop-1234.iam.gserviceaccount.com', true],
    ['gke', 'orders@shop.iam.gserviceaccount.com', false],
    ['gke', 'Orders@shop-1234.iam.gserviceaccount.com', false],
    ['gke', 'orders@shop-1234.example.com', false],
    ['aks', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', true],
    ['aks', '0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0', true],
    ['aks', '0f1e2d3c4b5a69788796a5b4c3d2e1f0', false],
    ['aks', 'orders', false],
  ];
  it.each(cases)('%s %j: valid %s', (provider, identity, valid) => {
    const problem = workloadIdentityProblem(provider, identity);
    expect(problem ?? 'valid').toMatch(
      valid ? /^valid$/ : /expected the form|empty IAM path/,
    );
  });

  it('checks Azure tenant ids as GUIDs', () => {
    expect(isAzureTenantId('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')).toBe(true);
    expect(isAzureTenantId('contoso.onmicrosoft.com')).toBe(false);
  });
});
