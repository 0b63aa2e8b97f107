import {
  CROSSPLANE_ANNOTATIONS,
  parseClaimReference,
  readCrossplaneAnnotations,
} from './annotations';

describe('Crossplane annotations', () => {
  it('parses references with and without namespace', () => {
    expect(
      parseClaimReference('PostgreSQLInstance.platform.paved.dev/payments/db'),
    ).toEqual({
      kind: 'PostgreSQLInstance',
      group: 'platform.paved.dev',
      namespace: 'payments',
      name: 'db',
    });
    expect(
      parseClaimReference('Bucket.platform.paved.dev/assets', 'checkout'),
    ).toEqual({
      kind: 'Bucket',
      group: 'platform.paved.dev',
      namespace: 'checkout',
      name: 'assets',
    });
  });

  it.each([
    ['db', /Kind>\.<group>/],
    ['postgres.platform.paved.dev/db', /is not <Kind>\.<group>/],
    ['Bucket.local/db', /is not <Kind>\.<group>/],
    ['Bucket.platform.paved.dev/NS/db', /namespace 'NS'/],
    ['Bucket.platform.paved.dev/ns/Db_1', /name 'Db_1'/],
  ])('refuses %s naming the wrong part', (entry, message) => {
    expect(() => parseClaimReference(entry)).toThrow(message);
  });

  it('reads every annotation and collects bad entries', () => {
    const read = readCrossplaneAnnotations({
      [CROSSPLANE_ANNOTATIONS.claims]:
        'PostgreSQLInstance.platform.paved.dev/db, nonsense',
      [CROSSPLANE_ANNOTATIONS.cluster]: 'paved-local',
      [CROSSPLANE_ANNOTATIONS.namespace]: 'payments',
    });
    expect(read.cluster).toBe('paved-local');
    expect(read.claims).toEqual([
      expect.objectContaining({ name: 'db', namespace: 'payments' }),
    ]);
    expect(read.invalid).toEqual([
      expect.objectContaining({ entry: 'nonsense' }),
    ]);
  });

  it('reads nothing from an entity without annotations', () => {
    expect(readCrossplaneAnnotations(undefined)).toEqual({
      claims: [],
      invalid: [],
    });
  });
});
