/*
 * "The new ADR reaches the catalog": the scaffolder's `paved:adr:create`
 * action writes into a workspace folder that a component's
 * `paved.dev/adr-location: dir:` annotation points at (as the "Record an
 * architecture decision" template's pull request does once merged), and the
 * real catalog, with this module, imports the new ADRs with their number,
 * status, title and supersession.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModulePaved from '@paved/plugin-catalog-backend-module-paved';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAdrCreateAction } from './adrCreate';

jest.setTimeout(60_000);

async function runAction(
  workspacePath: string,
  input: Record<string, unknown>,
) {
  const outputs: Record<string, unknown> = {};
  await createAdrCreateAction().handler({
    input,
    workspacePath,
    logger: mockServices.logger.mock(),
    output: (k: string, v: unknown) => {
      outputs[k] = v;
    },
    createTemporaryDirectory: () =>
      fs.mkdtemp(path.join(os.tmpdir(), 'paved-tmp-')),
    checkpoint: async ({ fn }: { fn: () => unknown }) => fn(),
    getInitiatorCredentials: async () => ({}),
    task: { id: 'task-1' },
    isDryRun: false,
  } as any);
  return outputs;
}

const relationsOf = (entity: Entity | undefined, type: string) =>
  (entity?.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();

describe('paved:adr:create into the catalog', () => {
  it('writes ADRs that the catalog imports through paved.dev/adr-location', async () => {
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-adr-ws-'));
    await fs.mkdir(path.join(workspace, 'docs/adr'), { recursive: true });
    await fs.writeFile(
      path.join(workspace, 'catalog-info.yaml'),
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger
  annotations:
    backstage.io/techdocs-ref: dir:.
    paved.dev/adr-location: dir:./docs/adr
spec:
  type: service
  lifecycle: production
  owner: group:default/payments
`,
    );
    // What an earlier fetch:plain step brought in.
    await fs.writeFile(
      path.join(workspace, 'docs/adr/0001-use-sqlite.md'),
      '# 1. Use SQLite\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nSmall.\n',
    );

    const second = await runAction(workspace, {
      title: 'Use PostgreSQL',
      targetPath: 'docs/adr',
      format: 'nygard',
      status: 'accepted',
      date: '2025-02-01',
      deciders: ['ana'],
      context: 'We outgrew SQLite.',
      decision: 'Use PostgreSQL 16.',
      consequences: 'Run a database.',
      supersedes: [1],
    });
    const third = await runAction(workspace, {
      title: 'Run PostgreSQL with CloudNativePG',
      targetPath: 'docs/adr',
      format: 'madr3',
      status: 'proposed',
      date: '2025-03-01',
      deciders: ['ana', 'ben'],
      decision: 'Use the CloudNativePG operator.',
    });
    expect([second.number, third.number]).toEqual([2, 3]);

    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModulePaved,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            catalog: {
              rules: [{ allow: ['Component', 'Location', 'ADR'] }],
              locations: [
                {
                  type: 'file',
                  target: path.join(workspace, 'catalog-info.yaml'),
                },
              ],
            },
          },
        }),
      ],
    });
    const { port } = server.address() as { port: number };
    let entities: Entity[] = [];
    const byRef = (ref: string) =>
      entities.find(e => stringifyEntityRef(e) === ref);
    for (let attempt = 0; attempt < 160; attempt++) {
      const response = await fetch(
        `http://localhost:${port}/api/catalog/entities?filter=kind=adr`,
        { headers: { Authorization: 'Bearer mock-service-token' } },
      );
      entities = await response.json();
      // Wait for every record: 0001's supersededBy can be stitched before 0002 is.
      const ready =
        byRef('adr:default/ledger-adr-0002')?.spec?.number === 2 &&
        byRef('adr:default/ledger-adr-0003')?.spec?.number === 3 &&
        relationsOf(byRef('adr:default/ledger-adr-0001'), 'supersededBy')
          .length === 1;
      if (ready) break;
      await new Promise(resolve => setTimeout(resolve, 250));
    }

    expect(entities.map(e => stringifyEntityRef(e)).sort()).toEqual([
      'adr:default/ledger-adr-0001',
      'adr:default/ledger-adr-0002',
      'adr:default/ledger-adr-0003',
    ]);
    const two = byRef('adr:default/ledger-adr-0002');
    const three = byRef('adr:default/ledger-adr-0003');
    expect(two).toMatchObject({
      metadata: {
        title: 'Use PostgreSQL',
        annotations: {
          'paved.dev/imported-for': 'component:default/ledger',
        },
      },
      spec: {
        number: 2,
        status: 'accepted',
        format: 'nygard',
        date: '2025-02-01',
        deciders: ['ana'],
        owner: 'group:default/payments',
        decision: 'Use PostgreSQL 16.',
      },
    });
    expect(two?.metadata.annotations?.['paved.dev/markdown-source']).toMatch(
      new RegExp(`docs/adr/${second.fileName}$`),
    );
    expect(three).toMatchObject({
      metadata: { title: 'Run PostgreSQL with CloudNativePG' },
      spec: {
        number: 3,
        status: 'proposed',
        format: 'madr3',
        deciders: ['ana', 'ben'],
        decision: 'Use the CloudNativePG operator.',
      },
    });
    // docs/adr is inside the component's TechDocs (docs/), so it links there.
    expect(two?.metadata.annotations).toMatchObject({
      'backstage.io/techdocs-entity': 'component:default/ledger',
      'backstage.io/techdocs-entity-path': '/adr/0002-use-postgresql/',
    });
    expect(two?.metadata.links).toEqual([
      {
        url: 'http://localhost:3000/docs/default/component/ledger/adr/0002-use-postgresql/',
        title: 'Read in TechDocs',
        icon: 'docs',
        type: 'techdocs',
      },
    ]);
    expect(relationsOf(two, 'supersedes')).toEqual([
      'adr:default/ledger-adr-0001',
    ]);
    expect(
      relationsOf(byRef('adr:default/ledger-adr-0001'), 'supersededBy'),
    ).toEqual(['adr:default/ledger-adr-0002']);
    expect(relationsOf(three, 'decidesAbout')).toEqual([
      'component:default/ledger',
    ]);
  });
});
