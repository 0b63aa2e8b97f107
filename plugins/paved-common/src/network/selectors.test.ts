import { selectorMatchesLabels } from './selectors';

describe('selectorMatchesLabels', () => {
  const labels = { app: 'web', tier: 'frontend' };

  it.each<[string, unknown, boolean]>([
    ['an empty selector selects everything', {}, true],
    ['a missing selector selects nothing', undefined, false],
    ['matchLabels all equal', { matchLabels: { app: 'web' } }, true],
    [
      'matchLabels one differs',
      { matchLabels: { app: 'web', tier: 'db' } },
      false,
    ],
    [
      'In with the value',
      {
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['db', 'frontend'] },
        ],
      },
      true,
    ],
    [
      'In without the key',
      { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
      false,
    ],
    [
      'NotIn with another value',
      {
        matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }],
      },
      true,
    ],
    [
      'NotIn without the key matches',
      { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] },
      true,
    ],
    [
      'NotIn with the value',
      {
        matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }],
      },
      false,
    ],
    [
      'Exists',
      { matchExpressions: [{ key: 'app', operator: 'Exists' }] },
      true,
    ],
    [
      'DoesNotExist',
      { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] },
      false,
    ],
    [
      'a prototype name is not a label',
      { matchExpressions: [{ key: 'toString', operator: 'Exists' }] },
      false,
    ],
    [
      'matchLabels AND matchExpressions',
      {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }],
      },
      false,
    ],
  ])('%s', (_name, selector, expected) => {
    expect(selectorMatchesLabels(selector, labels)).toBe(expected);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'an unknown operator',
      { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['x'] }] },
      /unknown operator "Equals"/,
    ],
    [
      'In without values',
      { matchExpressions: [{ key: 'a', operator: 'In' }] },
      /In needs at least one value/,
    ],
    [
      'Exists with values',
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      /Exists takes no values/,
    ],
    [
      'a number label value',
      { matchLabels: { version: 1 } },
      /matchLabels\.version: label value must be a string/,
    ],
    ['a list instead of a selector', [], /must be a label selector object/],
  ])('refuses %s', (_name, selector, message) => {
    expect(() => selectorMatchesLabels(selector, labels)).toThrow(message);
  });
});
