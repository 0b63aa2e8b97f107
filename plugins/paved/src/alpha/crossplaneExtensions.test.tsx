import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  crossplaneClaimsCard,
  crossplaneContent,
} from './crossplaneExtensions';

const entity = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: { type: 'service' },
});

describe('Crossplane extensions', () => {
  it('shows the card and the tab on Components and Resources only', () => {
    const card = createExtensionTester(crossplaneClaimsCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    const tab = createExtensionTester(crossplaneContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    for (const filter of [card, tab]) {
      expect(filter(entity('Component'))).toBe(true);
      expect(filter(entity('Resource'))).toBe(true);
      expect(filter(entity('Group'))).toBe(false);
    }
  });
});
