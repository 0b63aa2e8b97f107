import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { adrEntityName, roadmapEntityName } from './naming';
import { PavedEntitiesProcessor } from './PavedEntitiesProcessor';
import { resolveTarget } from './resolveTarget';

describe('resolveTarget', () => {
  it('resolves relative to a file, a URL, or keeps an absolute URL', () => {
    expect(
      resolveTarget('dir:./docs/adr', {
        type: 'file',
        target: '/repo/catalog-info.yaml',
      }),
    ).toEqual({
      type: 'file',
      target: '/repo/docs/adr',
    });
    expect(
      resolveTarget('./ROADMAP.md', {
        type: 'url',
        target: 'https://github.com/o/r/blob/main/catalog-info.yaml',
      }),
    ).toEqual({
      type: 'url',
      target: 'https://github.com/o/r/blob/main/ROADMAP.md',
    });
    expect(
      resolveTarget('url:https://x.dev/adr', { type: 'file', target: '/a' }),
    ).toEqual({
      type: 'url',
      target: 'https://x.dev/adr',
    });
  });
});

describe('naming', () => {
  it('names ADRs by number or file, within 63 characters', () => {
    expect(adrEntityName('paved', 3)).toBe('paved-adr-0003');
    expect(adrEntityName('paved', 'docs/adr/use-postgres.md')).toBe(
      'paved-adr-use-postgres',
    );
    expect(adrEntityName('x'.repeat(80), 12).length).toBeLessThanOrEqual(63);
    expect(roadmapEntityName('paved')).toBe('paved-roadmap');
  });
});

describe('PavedEntitiesProcessor.validateEntityKind', () => {
  const processor = new PavedEntitiesProcessor({
    reader: mockServices.urlReader.mock(),
  });
  const roadmap = (deps: Record<string, string[]>): Entity => ({
    apiVersion: 'paved.dev/v1alpha1',
    kind: 'Roadmap',
    metadata: {
      name: 'r',
      annotations: { 'paved.dev/markdown-source': 'file:/repo/ROADMAP.md' },
    },
    spec: {
      owner: 'team',
      phases: [
        {
          title: 'P',
          items: Object.entries(deps).map(([id, dependsOn]) => ({
            id,
            title: id,
            status: 'planned',
            dependsOn,
          })),
        },
      ],
    },
  });

  it('rejects a dependsOn cycle, naming the file and the cycle', async () => {
    await expect(
      processor.validateEntityKind(roadmap({ '1.4': ['2.1'], '2.1': ['1.4'] })),
    ).rejects.toThrow(
      'file:/repo/ROADMAP.md: dependsOn cycle: 1.4 -> 2.1 -> 1.4',
    );
  });

  it('rejects a dependency on an item that does not exist', async () => {
    await expect(
      processor.validateEntityKind(roadmap({ '1.1': ['9.9'] })),
    ).rejects.toThrow('item 1.1 dependsOn 9.9, which does not exist');
  });

  it('accepts valid roadmaps and leaves other kinds alone', async () => {
    await expect(
      processor.validateEntityKind(roadmap({ '1.1': [], '1.2': ['1.1'] })),
    ).resolves.toBe(true);
    await expect(
      processor.validateEntityKind({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'c' },
      }),
    ).resolves.toBe(false);
  });
});
