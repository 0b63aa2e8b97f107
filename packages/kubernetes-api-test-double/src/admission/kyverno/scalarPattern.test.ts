import { parseDuration, parseQuantity } from './goValues';
import { validateValue } from './scalarPattern';
import { wildcardMatch } from './wildcard';

describe('wildcardMatch', () => {
  it.each([
    ['*', '', true],
    ['?*', '', false],
    ['?*', 'x', true],
    ['nginx:*', 'nginx:1.27', true],
    ['*:latest', 'nginx:1.27', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*.example.com', 'registry.example.com', true],
    ['', '', true],
    ['', 'x', false],
    ['a*b*c', 'axxbyyc', true],
  ])('%j matches %j: %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });
});

describe('Go value parsing', () => {
  it('parses quantities and durations strictly', () => {
    expect(parseQuantity('250m')).toBeCloseTo(0.25);
    expect(parseQuantity('1Gi')).toBe(2 ** 30);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('1h')).toBeUndefined();
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseDuration('1h30m')).toBe(5400e9);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('5')).toBeUndefined();
  });
});

describe('validateValue (leaf patterns)', () => {
  it.each([
    ['plain equality', 'nginx', 'nginx', true],
    ['non-empty', 'x', '?*', true],
    ['non-empty on empty', '', '?*', false],
    ['non-empty on missing', undefined, '?*', false],
    ['wildcard', 'ghcr.io/paved/app:1', 'ghcr.io/*', true],
    ['negation', 'nginx:latest', '!*:latest', false],
    ['negation passes', 'nginx:1.27', '!*:latest', true],
    ['alternatives', 'IfNotPresent', 'Always | IfNotPresent', true],
    ['alternatives miss', 'Never', 'Always|IfNotPresent', false],
    ['and', 'nginx:1.27', 'nginx:* & !*:latest', true],
    ['greater than number', 5, '>3', true],
    ['greater than fails', 2, '>3', false],
    ['numeric string', '5', '>=5', true],
    ['quantity', '512Mi', '<=1Gi', true],
    ['quantity fails', '2Gi', '<=1Gi', false],
    ['duration', '90s', '>1m', true],
    ['range', 7, '1-10', true],
    ['not in range', 7, '1!-10', false],
    ['not equal number', 1000, '!0', true],
    ['not equal zero', 0, '!0', false],
    ['> on strings', 'abc', '>1', false],
    ['number pattern', 3, 3, true],
    ['number pattern vs float string', '3', 3, true],
    ['number pattern non-integral vs int', 3, 3.5, false],
    ['bool pattern', true, true, true],
    ['bool pattern vs string', 'true', true, false],
    ['null pattern on missing', undefined, null, true],
    ['null pattern on zero', 0, null, true],
    ['null pattern on value', 'x', null, false],
    ['map pattern', { a: 1 }, {}, true],
    ['map pattern on scalar', 'a', {}, false],
    ['bool rendered for wildcard', false, 'false', true],
  ])('%s', (_name, value, pattern, expected) => {
    expect(validateValue(value, pattern)).toBe(expected);
  });
});
