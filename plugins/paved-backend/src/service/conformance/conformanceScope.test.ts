import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { conformanceScope } from './conformanceScope';

const entity = (
  kind: string,
  type: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', namespace: 'default', annotations },
  spec: { type },
});

describe('conformanceScope', () => {
  it("reads a tenant's tier, namespaces and optional cluster", () => {
    expect(
      conformanceScope(
        entity('Resource', 'kubernetes-tenant', {
          'paved.dev/tier': '3',
          'paved.dev/namespaces': 'shop-dev, shop-prod',
          'backstage.io/kubernetes-cluster': 'prod-eu-1',
        }),
      ),
    ).toEqual({
      tier: 3,
      scope: 'tenant',
      namespaces: ['shop-dev', 'shop-prod'],
      cluster: 'prod-eu-1',
    });
  });

  it('reads a cluster entity: its name, or the cluster it names', () => {
    expect(
      conformanceScope(
        entity('Resource', 'kubernetes-cluster', { 'paved.dev/tier': '2' }),
      ),
    ).toEqual({ tier: 2, scope: 'cluster', cluster: 'x' });
    expect(
      conformanceScope(
        entity('Resource', 'kubernetes-cluster', {
          'paved.dev/tier': '4',
          'backstage.io/kubernetes-cluster': 'prod-eu-1',
        }),
      ).cluster,
    ).toBe('prod-eu-1');
  });

  it('refuses an entity without a tier, with a bad tier, or a tenant without namespaces', () => {
    expect(() => conformanceScope(entity('Component', 'service', {}))).toThrow(
      InputError,
    );
    expect(() =>
      conformanceScope(
        entity('Resource', 'kubernetes-cluster', { 'paved.dev/tier': '6' }),
      ),
    ).toThrow(/must be 1, 2, 3, 4 or 5/);
    expect(() =>
      conformanceScope(
        entity('Component', 'service', { 'paved.dev/tier': '2' }),
      ),
    ).toThrow(/paved.dev\/namespaces/);
  });
});
