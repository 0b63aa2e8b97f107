import { matchesLabelSelector, parseLabelSelector } from './labelSelector';
import { SelectorError } from './errors';

const labels = {
  app: 'web',
  tier: 'frontend',
  'paved.dev/tenant': 'payments',
  replicas: '3',
};
const matches = (selector: string, l: Record<string, string> = labels) =>
  matchesLabelSelector(parseLabelSelector(selector), l);

describe('parseLabelSelector', () => {
  it('parses every operator', () => {
    expect(
      parseLabelSelector('a=1,b==2,c!=3,d in (x, y),e notin (z),f,!g,h>4,i<5'),
    ).toEqual([
      { key: 'a', operator: 'Equals', values: ['1'] },
      { key: 'b', operator: 'Equals', values: ['2'] },
      { key: 'c', operator: 'NotEquals', values: ['3'] },
      { key: 'd', operator: 'In', values: ['x', 'y'] },
      { key: 'e', operator: 'NotIn', values: ['z'] },
      { key: 'f', operator: 'Exists', values: [] },
      { key: 'g', operator: 'DoesNotExist', values: [] },
      { key: 'h', operator: 'GreaterThan', values: ['4'] },
      { key: 'i', operator: 'LessThan', values: ['5'] },
    ]);
  });

  it('treats an empty selector as matching everything', () => {
    expect(parseLabelSelector('')).toEqual([]);
    expect(matches('')).toBe(true);
  });

  it('accepts an empty value', () => {
    expect(parseLabelSelector('app=')).toEqual([
      { key: 'app', operator: 'Equals', values: [''] },
    ]);
  });

  it.each([
    ['app=web=x', "found '=', expected: ',' or 'end of string'"],
    ['app in web', "found 'web', expected: '('"],
    ['app in (a', "found '', expected: ',' or ')'"],
    ['app in ()', "values set can't be empty"],
    ['a,', "found '', expected: identifier"],
    ['=x', "found '=', expected: identifier"],
    ['bad key!x=1', 'unable to parse requirement'],
    ['app=-bad-', 'a valid label must be an empty string'],
    ['n>abc', 'the value must be an integer'],
  ])('rejects %j', (selector, message) => {
    expect(() => parseLabelSelector(selector)).toThrow(SelectorError);
    expect(() => parseLabelSelector(selector)).toThrow(message);
  });
});

describe('matchesLabelSelector', () => {
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app=api', false],
    ['app!=api', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app in (api, web)', true],
    ['app in (api)', false],
    ['app notin (api)', true],
    ['app notin (web)', false],
    ['missing notin (x)', true],
    ['paved.dev/tenant', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['replicas>2', true],
    ['replicas<3', false],
    ['app=web,tier=frontend', true],
    ['app=web,tier=backend', false],
  ])('%j → %s', (selector, expected) => {
    expect(matches(selector)).toBe(expected);
  });

  it('handles objects without labels', () => {
    expect(matchesLabelSelector(parseLabelSelector('!app'), undefined)).toBe(
      true,
    );
    expect(matchesLabelSelector(parseLabelSelector('app'), undefined)).toBe(
      false,
    );
  });
});
