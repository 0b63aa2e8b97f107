import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { gitopsStatusCard } from './gitopsExtensions';

const entity = (kind: string, type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: { type },
});

describe('GitOps status card', () => {
  it('is on components and tenant Resources', () => {
    const filter = createExtensionTester(gitopsStatusCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(entity('Component', 'service'))).toBe(true);
    expect(filter(entity('Resource', 'kubernetes-tenant'))).toBe(true);
    expect(filter(entity('Resource', 'kubernetes-cluster'))).toBe(false);
    expect(filter(entity('System', 'x'))).toBe(false);
  });
});
