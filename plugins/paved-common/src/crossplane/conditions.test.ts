import { conditionState, readCondition } from './conditions';

const withConditions = (...conditions: object[]) => ({
  status: { conditions },
});

describe('readCondition', () => {
  it('reads reason, message and last transition time', () => {
    const obj = withConditions({
      type: 'Synced',
      status: 'False',
      reason: 'ReconcileError',
      message: 'create failed: InvalidParameterValue',
      lastTransitionTime: '2026-11-21T04:10:00Z',
    });
    expect(readCondition(obj, 'Synced')).toEqual({
      type: 'Synced',
      status: 'False',
      reason: 'ReconcileError',
      message: 'create failed: InvalidParameterValue',
      lastTransitionTime: '2026-11-21T04:10:00Z',
    });
  });

  it('is Absent without the condition, without status, or for a non-object', () => {
    expect(readCondition(withConditions(), 'Ready').status).toBe('Absent');
    expect(readCondition({}, 'Ready').status).toBe('Absent');
    expect(readCondition(undefined, 'Ready').status).toBe('Absent');
    expect(readCondition({ status: { conditions: 'x' } }, 'Ready').status).toBe(
      'Absent',
    );
  });

  it('treats a status Kubernetes does not define as Unknown', () => {
    expect(
      readCondition(withConditions({ type: 'Ready', status: 'yes' }), 'Ready')
        .status,
    ).toBe('Unknown');
  });
});

describe('conditionState: the Synced x Ready matrix', () => {
  const c = (type: 'Synced' | 'Ready', status: any) => ({ type, status });
  const statuses = ['True', 'False', 'Unknown', 'Absent'] as const;
  const expected: Record<string, string> = {
    'True/True': 'ready',
    'Absent/True': 'ready',
    'Unknown/True': 'unknown',
    'True/Unknown': 'unknown',
    'True/Absent': 'unknown',
    'Unknown/Unknown': 'unknown',
    'Unknown/Absent': 'unknown',
    'Absent/Unknown': 'unknown',
    'Absent/Absent': 'unknown',
  };
  const cases = statuses.flatMap(s => statuses.map(r => [s, r] as const));
  it.each(cases)('Synced=%s Ready=%s', (s, r) => {
    const want =
      s === 'False' || r === 'False' ? 'not-ready' : expected[`${s}/${r}`];
    expect(conditionState(c('Synced', s), c('Ready', r))).toBe(want);
  });

  it('deleting wins over any condition', () => {
    expect(conditionState(c('Synced', 'True'), c('Ready', 'True'), true)).toBe(
      'deleting',
    );
  });
});
