import { applyJsonPatch } from './jsonPatch';
import { applyMergePatch } from './mergePatch';
import { applyStrategicMergePatch, PatchError } from './strategicMergePatch';

const deployment = {
  metadata: { labels: { app: 'web', tier: 'fe' } },
  spec: {
    replicas: 1,
    template: {
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1' },
          { name: 'proxy', image: 'envoy:1' },
        ],
      },
    },
  },
};

describe('merge patch', () => {
  it('merges maps, deletes nulls and replaces lists', () => {
    expect(
      applyMergePatch(deployment, {
        metadata: { labels: { tier: null, team: 'x' } },
        spec: { template: { spec: { containers: [{ name: 'only' }] } } },
      }),
    ).toEqual({
      metadata: { labels: { app: 'web', team: 'x' } },
      spec: {
        replicas: 1,
        template: { spec: { containers: [{ name: 'only' }] } },
      },
    });
  });
});

describe('strategic merge patch', () => {
  it('merges containers by name', () => {
    const out = applyStrategicMergePatch(deployment, {
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'web', image: 'nginx:2' },
              { name: 'new', image: 'x' },
            ],
          },
        },
      },
    }) as typeof deployment;
    expect(out.spec.template.spec.containers).toEqual([
      { name: 'web', image: 'nginx:2' },
      { name: 'proxy', image: 'envoy:1' },
      { name: 'new', image: 'x' },
    ]);
  });

  it('honours $patch: delete and replace', () => {
    const deleted = applyStrategicMergePatch(deployment, {
      spec: {
        template: {
          spec: { containers: [{ name: 'proxy', $patch: 'delete' }] },
        },
      },
    }) as typeof deployment;
    expect(deleted.spec.template.spec.containers.map(c => c.name)).toEqual([
      'web',
    ]);
    const replaced = applyStrategicMergePatch(deployment, {
      metadata: { labels: { $patch: 'replace', only: 'one' } },
    }) as typeof deployment;
    expect(replaced.metadata.labels).toEqual({ only: 'one' });
  });

  it('requires the merge key', () => {
    expect(() =>
      applyStrategicMergePatch(deployment, {
        spec: { template: { spec: { containers: [{ image: 'x' }] } } },
      }),
    ).toThrow(PatchError);
  });
});

describe('JSON patch', () => {
  it('applies add, replace, remove, copy, move and test', () => {
    const out = applyJsonPatch(deployment, [
      { op: 'test', path: '/spec/replicas', value: 1 },
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/metadata/labels/team', value: 'x' },
      { op: 'remove', path: '/metadata/labels/tier' },
      {
        op: 'copy',
        from: '/metadata/labels/app',
        path: '/metadata/labels/copied',
      },
      {
        op: 'move',
        from: '/metadata/labels/team',
        path: '/metadata/labels/moved',
      },
      {
        op: 'add',
        path: '/spec/template/spec/containers/-',
        value: { name: 'last' },
      },
    ]) as any;
    expect(out.spec.replicas).toBe(3);
    expect(out.metadata.labels).toEqual({
      app: 'web',
      copied: 'web',
      moved: 'x',
    });
    expect(out.spec.template.spec.containers[2]).toEqual({ name: 'last' });
    expect(deployment.spec.replicas).toBe(1);
  });

  it('fails a failed test or a missing path', () => {
    expect(() =>
      applyJsonPatch(deployment, [
        { op: 'test', path: '/spec/replicas', value: 2 },
      ]),
    ).toThrow(PatchError);
    expect(() =>
      applyJsonPatch(deployment, [{ op: 'remove', path: '/nope/x' }]),
    ).toThrow(PatchError);
    expect(() => applyJsonPatch(deployment, { op: 'add' })).toThrow(PatchError);
  });
});
