import { Entity } from '@backstage/catalog-model';
import {
  hasKubernetesWorkloads,
  isKubernetesClusterEntity,
} from './entityFilters';

const entity = (
  kind: string,
  spec: NonNullable<Entity['spec']>,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', annotations },
  spec,
});

describe('card filters', () => {
  it('shows the cluster card on kubernetes-cluster Resources only', () => {
    expect(
      isKubernetesClusterEntity(
        entity('Resource', { type: 'kubernetes-cluster' }),
      ),
    ).toBe(true);
    expect(
      isKubernetesClusterEntity(entity('Resource', { type: 'database' })),
    ).toBe(false);
    expect(
      isKubernetesClusterEntity(
        entity('Component', { type: 'kubernetes-cluster' }),
      ),
    ).toBe(false);
  });

  it('shows the workload card on Components with the Kubernetes annotations', () => {
    expect(
      hasKubernetesWorkloads(
        entity('Component', {}, { 'backstage.io/kubernetes-id': 'a' }),
      ),
    ).toBe(true);
    expect(
      hasKubernetesWorkloads(
        entity(
          'Component',
          {},
          { 'backstage.io/kubernetes-label-selector': 'app=a' },
        ),
      ),
    ).toBe(true);
    expect(hasKubernetesWorkloads(entity('Component', {}))).toBe(false);
    expect(
      hasKubernetesWorkloads(
        entity('Resource', {}, { 'backstage.io/kubernetes-id': 'a' }),
      ),
    ).toBe(false);
  });
});
