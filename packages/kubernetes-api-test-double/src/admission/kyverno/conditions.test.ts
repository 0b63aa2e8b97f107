import { evaluateConditions } from './conditions';
import { parseKindSelector } from './match';
import {
  evaluateExpression,
  substituteMessage,
  UnsupportedExpression,
} from './variables';

const root = {
  request: {
    operation: 'CREATE',
    object: {
      metadata: {
        name: 'web',
        labels: { 'app.kubernetes.io/name': 'web', tier: 'front' },
      },
      spec: { replicas: 3, containers: [{ name: 'app', image: 'nginx:1' }] },
    },
    oldObject: null,
  },
  serviceAccountName: 'deployer',
  serviceAccountNamespace: 'ci',
};

const cond = (key: unknown, operator: string, value: unknown) => ({
  key,
  operator,
  value,
});

describe('Kyverno variables', () => {
  it('resolves request paths, quoted keys, indexes and defaults', () => {
    expect(
      evaluateExpression(
        'request.object.metadata.labels."app.kubernetes.io/name"',
        root,
      ),
    ).toBe('web');
    expect(
      evaluateExpression('request.object.spec.containers[0].image', root),
    ).toBe('nginx:1');
    expect(
      evaluateExpression('request.object.metadata.labels.team', root),
    ).toBeNull();
    expect(
      evaluateExpression("request.object.metadata.labels.team || 'none'", root),
    ).toBe('none');
    expect(evaluateExpression('serviceAccountName', root)).toBe('deployer');
  });

  it('refuses what it cannot evaluate', () => {
    expect(() =>
      evaluateExpression('request.object.spec.containers[].image', root),
    ).toThrow(UnsupportedExpression);
    expect(() => evaluateExpression('length(images)', root)).toThrow(
      UnsupportedExpression,
    );
    expect(
      substituteMessage('{{ length(x) }} / {{ request.operation }}', root),
    ).toBe('{{ length(x) }} / CREATE');
  });
});

describe('Kyverno conditions', () => {
  it.each([
    [cond('{{ request.object.spec.replicas }}', 'GreaterThan', 2), true],
    [
      cond('{{ request.object.spec.replicas }}', 'LessThanOrEquals', '2'),
      false,
    ],
    [cond('{{ request.object.metadata.name }}', 'Equals', 'w*'), true],
    [cond('{{ request.object.metadata.name }}', 'NotEquals', 'web'), false],
    [cond('{{ request.operation }}', 'AnyIn', ['CREATE', 'UPDATE']), true],
    [cond(['a', 'b'], 'AllIn', ['a', 'b', 'c']), true],
    [cond(['a', 'x'], 'AllIn', ['a', 'b']), false],
    [cond(['a', 'x'], 'AnyNotIn', ['a', 'b']), true],
    [cond(['x', 'y'], 'AllNotIn', ['a', 'b']), true],
    [cond('512Mi', 'LessThan', '1Gi'), true],
  ])('%j → %s', (c, expected) => {
    expect(evaluateConditions({ all: [c] }, root).result).toBe(expected);
  });

  it('combines any and all, and the legacy list', () => {
    expect(
      evaluateConditions(
        {
          any: [cond('a', 'Equals', 'b'), cond('a', 'Equals', 'a')],
          all: [cond(1, 'Equals', 1)],
        },
        root,
      ).result,
    ).toBe(true);
    expect(
      evaluateConditions(
        [cond('a', 'Equals', 'a'), cond('a', 'Equals', 'b')],
        root,
      ).result,
    ).toBe(false);
  });
});

describe('parseKindSelector', () => {
  it.each([
    ['Pod', ['*', '*', 'Pod', '']],
    ['v1/Pod', ['*', 'v1', 'Pod', '']],
    ['apps/v1/Deployment', ['apps', 'v1', 'Deployment', '']],
    ['Pod/status', ['*', '*', 'Pod', 'status']],
    ['*/*', ['*', '*', '*', '*']],
    ['apps/v1/Deployment/scale', ['apps', 'v1', 'Deployment', 'scale']],
  ])('%s', (input, expected) => {
    expect(parseKindSelector(input)).toEqual(expected);
  });
});
