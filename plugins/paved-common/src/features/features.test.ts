import { ConfigReader } from '@backstage/config';
import { isPavedFeatureOn, PAVED_FEATURES } from './features';

describe('isPavedFeatureOn', () => {
  it('is on without config and without the key', () => {
    expect(isPavedFeatureOn(undefined, 'cost')).toBe(true);
    expect(isPavedFeatureOn(new ConfigReader({}), 'cost')).toBe(true);
  });

  it('follows paved.features.<feature>, one feature at a time', () => {
    for (const feature of PAVED_FEATURES) {
      const config = new ConfigReader({
        paved: { features: { [feature]: false } },
      });
      expect(PAVED_FEATURES.filter(f => !isPavedFeatureOn(config, f))).toEqual([
        feature,
      ]);
    }
  });

  it('refuses a value that is not a boolean, naming the key', () => {
    const config = new ConfigReader({
      paved: { features: { crossplane: 'maybe' } },
    });
    expect(() => isPavedFeatureOn(config, 'crossplane')).toThrow(
      /paved\.features\.crossplane/,
    );
  });
});
