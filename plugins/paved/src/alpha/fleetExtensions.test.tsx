import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { fleetPage } from './fleetExtensions';

describe('fleet page extension', () => {
  it('is the page at /clusters, titled for the sidebar', () => {
    const tester = createExtensionTester(fleetPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/clusters');
    expect(tester.get(coreExtensionData.title)).toBe('Clusters');
  });
});
