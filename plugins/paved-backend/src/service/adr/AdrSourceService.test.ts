import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AdrSourceService } from './AdrSourceService';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-adr-source-'));
const adrDir = path.join(root, 'adr');
fs.mkdirSync(path.join(adrDir, 'images'), { recursive: true });
fs.writeFileSync(path.join(root, 'entities.yaml'), 'kind: System\n');
fs.writeFileSync(path.join(adrDir, '0001-x.md'), '# 1. X\n\n## Risks\n');
fs.writeFileSync(path.join(adrDir, 'images', 'flow.svg'), '<svg/>');
fs.writeFileSync(path.join(adrDir, 'notes.txt'), 'text');
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-outside-'));
fs.writeFileSync(path.join(outside, 'secret.png'), 'png');

function adr(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'paved.dev/v1alpha1',
    kind: 'ADR',
    metadata: { name, namespace: 'default', annotations },
    spec: { owner: 'group:default/a', status: 'accepted' },
  };
}

const local = adr('local', {
  'paved.dev/markdown-source': `file:${path.join(adrDir, '0001-x.md')}`,
  'backstage.io/managed-by-location': `file:${path.join(adrDir, '0001-x.md')}`,
  'backstage.io/managed-by-origin-location': `file:${path.join(
    root,
    'entities.yaml',
  )}`,
});
const registered = adr('registered', {
  ...local.metadata.annotations!,
  'backstage.io/managed-by-origin-location':
    'url:https://github.com/o/r/blob/main/catalog-info.yaml',
});
const remote = adr('remote', {
  'paved.dev/markdown-source':
    'url:https://github.com/o/r/blob/main/docs/adr/0002-y.md',
  'backstage.io/managed-by-origin-location':
    'url:https://github.com/o/r/blob/main/catalog-info.yaml',
});

const reads: string[] = [];
const reader = {
  ...mockServices.urlReader.mock(),
  readUrl: jest.fn(async (url: string) => {
    reads.push(url);
    return { buffer: async () => Buffer.from(`read ${url}`) } as any;
  }),
};
const service = new AdrSourceService({
  catalog: catalogServiceMock({ entities: [local, registered, remote] }),
  reader,
});
const user = mockCredentials.user();
const read = (name: string, rel?: string) =>
  service.read({ namespace: 'default', name }, rel, user);

describe('AdrSourceService', () => {
  it('serves a local ADR and the images beside it', async () => {
    const md = await read('local');
    expect(md.contentType).toMatch(/^text\/markdown/);
    expect(md.body.toString()).toContain('## Risks');
    const svg = await read('local', 'images/flow.svg');
    expect(svg).toEqual({
      contentType: 'image/svg+xml',
      body: Buffer.from('<svg/>'),
    });
  });

  it('serves nothing but Markdown and images, and nothing outside the registering folder', async () => {
    await expect(read('local', 'notes.txt')).rejects.toThrow(/Only Markdown/);
    await expect(
      read('local', path.relative(adrDir, path.join(outside, 'secret.png'))),
    ).rejects.toThrow(/outside the folder/);
    await expect(read('local', '/etc/x.png')).rejects.toThrow(/relative/);
    await expect(read('local', 'file:/etc/x.png')).rejects.toThrow(/relative/);
    await expect(read('local', 'missing.png')).rejects.toThrow(/No file/);
  });

  it('refuses local files for entities registered from a URL', async () => {
    await expect(read('registered')).rejects.toThrow(/only for entities/);
  });

  it('reads remote ADRs and their images through the UrlReader, on the same host only', async () => {
    const img = await read('remote', '../images/a.png?raw=true');
    expect(img.contentType).toBe('image/png');
    expect(reads).toEqual([
      'https://github.com/o/r/blob/main/docs/images/a.png',
    ]);
    await expect(read('remote', '//evil.example/a.png')).rejects.toThrow();
  });

  it('finds no ADR the user may not read or that does not exist', async () => {
    await expect(read('nope')).rejects.toThrow(/No entity/);
  });
});
