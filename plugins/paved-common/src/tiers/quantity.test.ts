import fc from 'fast-check';
import { isQuantity, parseQuantity, QUANTITY_PATTERN } from './quantity';
import { isDns1123Label, isLabelValue } from './names';

describe('quantities', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['1Gi', 2 ** 30],
    ['1.5Mi', 1.5 * 2 ** 20],
    ['1e3', 1000],
    ['100M', 1e8],
    ['.5', 0.5],
  ])('parses %s', (q, n) => expect(parseQuantity(q)).toBeCloseTo(n));

  it.each(['', 'abc', '1GB', '1 Gi', '1.2.3', 'Gi', '-', '1gi'])(
    'refuses %p',
    q => {
      expect(isQuantity(q)).toBe(false);
      expect(() => parseQuantity(q)).toThrow(/not a Kubernetes quantity/);
    },
  );

  it('agrees with the form pattern', () => {
    const re = new RegExp(QUANTITY_PATTERN);
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), s => {
        expect(re.test(s)).toBe(isQuantity(s));
      }),
    );
  });
});

describe('names', () => {
  it('checks DNS-1123 labels', () => {
    expect(isDns1123Label('team-a')).toBe(true);
    expect(isDns1123Label('Team')).toBe(false);
    expect(isDns1123Label('-a')).toBe(false);
    expect(isDns1123Label('a'.repeat(64))).toBe(false);
  });
  it('checks label values', () => {
    expect(isLabelValue('')).toBe(true);
    expect(isLabelValue('CC_1.2')).toBe(true);
    expect(isLabelValue('a b')).toBe(false);
  });
});
