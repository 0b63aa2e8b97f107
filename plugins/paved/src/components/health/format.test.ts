import { byPhase } from './format';

describe('health formats', () => {
  it('lists Pod phases, busiest first', () => {
    expect(byPhase({ Running: 2, Pending: 1, Failed: 0 })).toBe(
      'Running 2 · Pending 1',
    );
    expect(byPhase({})).toBe('none');
  });
});
