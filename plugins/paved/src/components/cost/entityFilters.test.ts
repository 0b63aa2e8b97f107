import { Entity } from '@backstage/catalog-model';
import { hasCost, isTenantEntity } from './entityFilters';

const entity = (
  kind: string,
  annotations: Record<string, string> = {},
  spec: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', annotations },
  spec,
});

describe('which entities show cost', () => {
  it.each([
    ['a tenant', entity('System', { 'paved.dev/tenant': 'shop' })],
    [
      'a Component with workloads',
      entity('Component', { 'backstage.io/kubernetes-id': 'x' }),
    ],
    [
      'a cluster Resource',
      entity('Resource', {}, { type: 'kubernetes-cluster' }),
    ],
    ['a team', entity('Group')],
    [
      'anything with a cost label',
      entity('Domain', { 'paved.dev/cost-label': 'cost-center=cc-1' }),
    ],
  ])('%s', (_, e) => {
    expect(hasCost(e)).toBe(true);
  });

  it('not a plain Component, System or API', () => {
    expect(hasCost(entity('Component'))).toBe(false);
    expect(hasCost(entity('System'))).toBe(false);
    expect(hasCost(entity('API'))).toBe(false);
  });

  it('budgets only tenants', () => {
    expect(isTenantEntity(entity('Group'))).toBe(false);
    expect(isTenantEntity(entity('System', { 'paved.dev/tenant': 's' }))).toBe(
      true,
    );
  });
});
