import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { tenantCard } from './tenantExtensions';

const entity = (kind: string, type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: { type },
});

describe('tenant entity card', () => {
  it('is on tenant Resources only', () => {
    const filter = createExtensionTester(tenantCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(entity('Resource', 'kubernetes-tenant'))).toBe(true);
    expect(filter(entity('Resource', 'kubernetes-cluster'))).toBe(false);
    expect(filter(entity('Component', 'kubernetes-tenant'))).toBe(false);
  });
});
