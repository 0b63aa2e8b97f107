import { pavedCrossplaneApiRef, pavedHealthApiRef } from './api';
import { pavedPlugin } from './plugin';

describe('pavedPlugin', () => {
  it('provides the health API to legacy apps', () => {
    const ids = [...pavedPlugin.getApis()].map(factory => factory.api.id);
    expect(ids).toContain(pavedHealthApiRef.id);
  });

  it('provides the Crossplane API to legacy apps', () => {
    const ids = [...pavedPlugin.getApis()].map(factory => factory.api.id);
    expect(ids).toContain(pavedCrossplaneApiRef.id);
  });
});
