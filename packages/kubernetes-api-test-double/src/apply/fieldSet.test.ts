import { fromFieldsV1, toFieldSet, toFieldsV1 } from './fieldSet';
import { getAt, pathToString, removeAt } from './fieldPath';

const deployment = {
  metadata: { labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx',
            ports: [{ containerPort: 80 }],
            args: ['--a', '--b'],
          },
        ],
      },
    },
  },
};

describe('field sets', () => {
  it('encodes FieldsV1 the way the API server does', () => {
    expect(toFieldsV1(toFieldSet(deployment))).toEqual({
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': {
        'f:replicas': {},
        'f:selector': {},
        'f:template': {
          'f:spec': {
            'f:containers': {
              'k:{"name":"web"}': {
                '.': {},
                'f:args': {},
                'f:image': {},
                'f:name': {},
                'f:ports': {
                  'k:{"containerPort":80,"protocol":"TCP"}': {
                    '.': {},
                    'f:containerPort': {},
                  },
                },
              },
            },
          },
        },
      },
    });
  });

  it('decodes what it encodes', () => {
    const set = toFieldSet(deployment);
    const decoded = fromFieldsV1(toFieldsV1(set));
    expect(decoded.size).toBe(set.size);
    for (const p of set.toArray()) expect(decoded.has(p)).toBe(true);
  });

  it('tracks finalizers as a set', () => {
    expect(
      toFieldsV1(toFieldSet({ metadata: { finalizers: ['a', 'b'] } })),
    ).toEqual({
      'f:metadata': { 'f:finalizers': { 'v:"a"': {}, 'v:"b"': {} } },
    });
  });

  it('reads, prints and removes keyed paths', () => {
    const path = [
      'f:spec',
      'f:template',
      'f:spec',
      'f:containers',
      'k:{"name":"web"}',
      'f:image',
    ];
    expect(getAt(deployment, path)).toBe('nginx');
    expect(pathToString(path)).toBe(
      '.spec.template.spec.containers[name="web"].image',
    );
    const copy = structuredClone(deployment) as Record<string, unknown>;
    removeAt(copy, ['f:metadata', 'f:labels', 'f:app']);
    expect(copy.metadata).toEqual({});
  });
});
