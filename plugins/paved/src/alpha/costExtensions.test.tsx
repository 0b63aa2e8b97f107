import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { costCard, costContent } from './costExtensions';

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

describe('cost entity card and tab', () => {
  it('are on tenants, Components with workloads and clusters only', () => {
    const card = createExtensionTester(costCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    const content = createExtensionTester(costContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    for (const filter of [card, content]) {
      expect(filter(entity('System', '', { 'paved.dev/tenant': 'shop' }))).toBe(
        true,
      );
      expect(
        filter(
          entity('Component', 'service', { 'backstage.io/kubernetes-id': 'x' }),
        ),
      ).toBe(true);
      expect(filter(entity('Resource', 'kubernetes-cluster'))).toBe(true);
      expect(filter(entity('Component', 'library'))).toBe(false);
      expect(filter(entity('Resource', 'database'))).toBe(false);
    }
  });
});
