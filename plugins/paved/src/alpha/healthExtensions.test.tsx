import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { clusterHealthCard, workloadHealthCard } from './healthExtensions';

const entity = (
  kind: string,
  type: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', annotations },
  spec: { type },
});

describe('health entity cards', () => {
  it('shows the cluster card on kubernetes-cluster Resources only', () => {
    const filter = createExtensionTester(clusterHealthCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(entity('Resource', 'kubernetes-cluster'))).toBe(true);
    expect(filter(entity('Resource', 'database'))).toBe(false);
    expect(filter(entity('Component', 'service'))).toBe(false);
  });

  it('shows the workload card on annotated Components only', () => {
    const filter = createExtensionTester(workloadHealthCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(
      filter(
        entity('Component', 'service', {
          'backstage.io/kubernetes-id': 'ledger-worker',
        }),
      ),
    ).toBe(true);
    expect(filter(entity('Component', 'service'))).toBe(false);
  });
});
