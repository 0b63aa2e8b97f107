import { goYamlMapOfMaps, yamlKeyLess } from './goYaml';

const yaml = (data: Record<string, Record<string, string>>) =>
  goYamlMapOfMaps(
    new Map(
      Object.entries(data).map(([k, v]) => [k, new Map(Object.entries(v))]),
    ),
  );

describe('goYamlMapOfMaps (Kyverno denial YAML)', () => {
  it('sorts keys and quotes messages that contain ": "', () => {
    expect(
      yaml({
        'require-labels': {
          'check-team': 'validation error: team label is required.',
          'check-app': 'plain message',
        },
        'disallow-latest': { r: "it's a 'quote': yes" },
      }),
    ).toBe(
      [
        'disallow-latest:',
        "  r: 'it''s a ''quote'': yes'",
        'require-labels:',
        '  check-app: plain message',
        "  check-team: 'validation error: team label is required.'",
        '',
      ].join('\n'),
    );
  });

  it('folds long values at the first space past column 80', () => {
    expect(
      yaml({
        'require-labels': {
          'autogen-check-for-labels':
            'validation error: The label `app.kubernetes.io/name` is required. rule autogen-check-for-labels failed at path /spec/template/metadata/labels/app.kubernetes.io/name/',
        },
      }),
    ).toBe(
      'require-labels:\n' +
        "  autogen-check-for-labels: 'validation error: The label `app.kubernetes.io/name`\n" +
        "    is required. rule autogen-check-for-labels failed at path /spec/template/metadata/labels/app.kubernetes.io/name/'\n",
    );
  });

  it('double-quotes strings YAML would read as something else', () => {
    expect(yaml({ p: { '123': 'true' } })).toBe('p:\n  "123": "true"\n');
  });

  it('orders keys like yaml.v2', () => {
    expect(yamlKeyLess('rule2', 'rule10')).toBe(true);
    expect(yamlKeyLess('a-b', 'ab')).toBe(true);
    expect(yamlKeyLess('b', 'a')).toBe(false);
  });
});
