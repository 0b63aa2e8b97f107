import { mockServices } from '@backstage/backend-test-utils';
import { ALL_FEATURES_ON, featuresOff, readFeatureSwitches } from './features';

const readWith = (features?: object) => {
  const logger = mockServices.logger.mock();
  const switches = readFeatureSwitches(
    mockServices.rootConfig({
      data: features === undefined ? {} : { paved: { features } },
    }),
    logger,
  );
  return { switches, warnings: logger.warn.mock.calls.map(c => c[0]) };
};

describe('readFeatureSwitches', () => {
  it('has every feature on by default', () => {
    expect(readWith().switches).toEqual(ALL_FEATURES_ON);
    expect(Object.values(ALL_FEATURES_ON)).toHaveLength(9);
    expect(featuresOff(readWith().switches)).toEqual([]);
  });

  it('switches off the features set to false, the rest stay on', () => {
    const { switches, warnings } = readWith({
      cost: false,
      crossplane: false,
      health: true,
    });
    expect(switches).toEqual({
      ...ALL_FEATURES_ON,
      cost: false,
      crossplane: false,
    });
    expect(featuresOff(switches)).toEqual(['cost', 'crossplane']);
    expect(warnings).toEqual([]);
  });

  it('names the key of a value that is not a boolean', () => {
    expect(() => readWith({ gitops: 'sometimes' })).toThrow(
      /paved\.features\.gitops/,
    );
  });

  it('warns about a name it does not know, naming the known ones', () => {
    const { switches, warnings } = readWith({ crosplane: false });
    expect(switches).toEqual(ALL_FEATURES_ON);
    expect(warnings).toEqual([
      "paved.features has unknown 'crosplane'; the features that can be switched off are health, conformance, cost, crossplane, gitops, drift, evidence, fleet, tenants",
    ]);
  });
});
