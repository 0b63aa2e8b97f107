import { ANNOTATION_COST_LABEL, readCostLabel } from './costLabel';

describe('readCostLabel', () => {
  it('is undefined without the annotation', () => {
    expect(readCostLabel({})).toBeUndefined();
  });

  it.each([
    ['team=payments-team', { label: 'team', value: 'payments-team' }],
    [
      'paved.dev/team=team-payments',
      { label: 'paved.dev/team', value: 'team-payments' },
    ],
    [' cost-center = cc-4100 ', { label: 'cost-center', value: 'cc-4100' }],
  ])('reads %j', (raw, expected) => {
    expect(readCostLabel({ [ANNOTATION_COST_LABEL]: raw })).toEqual(expected);
  });

  it.each(['team', 'team=', '=x', 'bad key=x', 'team=not ok', 'a/b/c=x'])(
    'refuses %j naming the annotation',
    raw => {
      expect(() => readCostLabel({ [ANNOTATION_COST_LABEL]: raw })).toThrow(
        /paved\.dev\/cost-label must be <label key>=<value>/,
      );
    },
  );
});
