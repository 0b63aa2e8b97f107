import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PavedEntitiesProcessor } from './PavedEntitiesProcessor';
import { roadmapVocabularyFromConfig } from './roadmapVocabularyConfig';

// Import of the Markdown teams really write: files saved on Windows, id
// styles of their own, and roadmaps that yield nothing (an error, never an
// empty Roadmap).

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-import-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array) {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

function bare(
  kind: 'ADR' | 'Roadmap',
  file: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'paved.dev/v1alpha1',
    kind,
    metadata: {
      name: 'x',
      annotations: {
        'paved.dev/markdown-source': `file:${file}`,
        ...annotations,
      },
    },
    spec:
      kind === 'ADR'
        ? { owner: 'group:default/team', status: 'proposed' }
        : { owner: 'group:default/team', phases: [] },
  };
}

const location = { type: 'file', target: '/repo/catalog-info.yaml' };

describe('PavedEntitiesProcessor import of real-world Markdown', () => {
  const processor = new PavedEntitiesProcessor({
    reader: mockServices.urlReader.mock(),
  });

  it('reads an ADR saved on Windows (BOM + CRLF) with its whole status', async () => {
    const text =
      '# 5. Use Flux\n\nDate: 2024-05-02\n\n## Status\n\nAccepted\n\n## Decision\n\nFlux.\n';
    const file = await write(
      '0005-use-flux.md',
      Buffer.from(`\ufeff${text.replace(/\n/g, '\r\n')}`, 'utf8'),
    );
    const entity = await processor.preProcessEntity(
      bare('ADR', file),
      location,
    );
    expect(entity.spec).toMatchObject({
      status: 'accepted',
      number: 5,
      date: '2024-05-02',
      decision: 'Flux.',
    });
  });

  it('turns a roadmap without items into a processing error saying what it looked for', async () => {
    const file = await write(
      'VISION.md',
      '# Vision\n\n## Why\n\nBecause.\n\n## How\n\nTogether.\n',
    );
    await expect(
      processor.preProcessEntity(bare('Roadmap', file), location),
    ).rejects.toThrow(
      new RegExp(
        `^file:${file.replace(
          /[.*+?^${}()|[\]\\/]/g,
          '\\$&',
        )}: no roadmap items found\\. Looked for headings.*dotted numbers`,
      ),
    );
  });

  it('reads ids in the house style the annotation gives, and names a bad pattern', async () => {
    const file = await write(
      'ROADMAP.md',
      '# R\n\n## Next\n\n- STORY/12 Rotate certificates\n- STORY/13 Renew the wildcard (after STORY/12)\n',
    );
    const entity = await processor.preProcessEntity(
      bare('Roadmap', file, {
        'paved.dev/roadmap-id-pattern': 'STORY/\\d+',
      }),
      location,
    );
    expect(entity.spec?.phases).toEqual([
      expect.objectContaining({
        title: 'Next',
        items: [
          expect.objectContaining({ id: 'STORY/12' }),
          expect.objectContaining({
            id: 'STORY/13',
            title: 'Renew the wildcard',
            dependsOn: ['STORY/12'],
          }),
        ],
      }),
    ]);
    await expect(
      processor.preProcessEntity(
        bare('Roadmap', file, { 'paved.dev/roadmap-id-pattern': 'STORY/(' }),
        location,
      ),
    ).rejects.toThrow(
      /: paved\.dev\/roadmap-id-pattern: "STORY\/\(" is not a valid regular expression/,
    );
  });

  it('uses the module config for every roadmap, under the annotations', async () => {
    const file = await write(
      'CONFIGURED.md',
      '## Now\n\n- T/1 One\n- T/2 Two\n  Gated by: T/1\n',
    );
    const configured = new PavedEntitiesProcessor({
      reader: mockServices.urlReader.mock(),
      roadmaps: roadmapVocabularyFromConfig(
        mockServices.rootConfig({
          data: {
            paved: {
              roadmaps: {
                idPatterns: ['T/\\d+'],
                dependencyWords: ['gated by'],
                statusWords: { parked: 'blocked' },
              },
            },
          },
        }),
      ),
    });
    const entity = await configured.preProcessEntity(
      bare('Roadmap', file),
      location,
    );
    expect(
      (entity.spec?.phases as Array<{ items: unknown[] }>)[0].items,
    ).toEqual([
      expect.objectContaining({ id: 'T/1' }),
      expect.objectContaining({ id: 'T/2', dependsOn: ['T/1'] }),
    ]);
  });

  it('refuses bad config at start, naming the key', () => {
    expect(() =>
      roadmapVocabularyFromConfig(
        mockServices.rootConfig({
          data: { paved: { roadmaps: { idPatterns: ['x*'] } } },
        }),
      ),
    ).toThrow('paved.roadmaps.idPatterns: "x*" matches an empty id');
  });

  it('passes the vocabulary annotations of the annotated entity to its roadmap', async () => {
    const results: CatalogProcessorResult[] = [];
    await processor.postProcessEntity(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'svc',
          annotations: {
            'paved.dev/roadmap-location': './ROADMAP.md',
            'paved.dev/roadmap-id-pattern': 'STORY/\\d+',
            'paved.dev/roadmap-dependency-words': 'gated by',
          },
        },
        spec: { owner: 'group:default/team' },
      },
      location,
      result => results.push(result),
    );
    const roadmap = results.find(r => r.type === 'entity');
    expect(
      roadmap?.type === 'entity' && roadmap.entity.metadata.annotations,
    ).toMatchObject({
      'paved.dev/roadmap-id-pattern': 'STORY/\\d+',
      'paved.dev/roadmap-dependency-words': 'gated by',
    });
  });
});
