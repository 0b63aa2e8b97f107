/* eslint-disable no-console */
// Times parsing and entity building for 2,000 generated ADRs (all three
// formats), a 500-item roadmap and the two seed roadmaps (read from
// ../shared/seeds when present), then the search collator's documents for
// all of them indexed into Lunr. Target: the whole run in 10 s or less.
// Run: yarn workspace @paved/plugin-catalog-backend-module-paved bench
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Entity } from '@backstage/catalog-model';
import {
  LunrSearchEngine,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import { pavedSearchDocuments } from '@paved/plugin-search-backend-module-paved';
import {
  decodeMarkdownSource,
  findRoadmapProblems,
  parseAdrMarkdown,
  parseRoadmapMarkdown,
} from '@paved/plugin-paved-common';
import { withAdr, withRoadmap } from '../src/processor/fromMarkdown';
import { pavedRelations } from '../src/processor/relations';

function adr(n: number): string {
  const body =
    '\n\n## Context\n\nSome context that runs on for a while. '.repeat(3);
  switch (n % 3) {
    case 0:
      return `# ${n}. Decision number ${n}\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\nSupersedes [${
        n - 1
      }. X](${String(n - 1).padStart(
        4,
        '0',
      )}-x.md)${body}\n\n## Decision\n\nWe do ${n}.\n`;
    case 1:
      return `# Decision number ${n}\n\n* Status: proposed\n* Deciders: Ana, Ben\n* Date: 2024-01-02\n${body}\n\n## Decision Outcome\n\nChosen.\n`;
    default:
      return `---\nstatus: accepted\ndate: 2024-01-02\ndeciders: [Ana]\n---\n# Decision number ${n}\n${body}\n`;
  }
}

function roadmap(items: number): string {
  const lines = ['# Generated roadmap'];
  for (let i = 0; i < items; i++) {
    const phase = Math.floor(i / 25) + 1;
    if (i % 25 === 0) lines.push('', `## Phase ${phase}`);
    const id = `${phase}.${(i % 25) + 1}`;
    lines.push(
      '',
      `### ${id} Item ${i}`,
      'Priority: P2',
      i % 25 ? `Depends on: ${phase}.${i % 25}` : '',
      'ADR: ADR-0001',
    );
    for (let t = 0; t < 5; t++)
      lines.push(`- [${(i + t) % 3 ? ' ' : 'x'}] task ${t}`);
  }
  return lines.join('\n');
}

function measure<T>(label: string, run: () => T): T {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const result = run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  console.log(
    `${label}: ${ms.toFixed(0)} ms, heap +${heapMb.toFixed(
      1,
    )} MB, rss ${rssMb.toFixed(0)} MB`,
  );
  return result;
}

const stub = (kind: string, name: string): Entity => ({
  apiVersion: 'paved.dev/v1alpha1',
  kind,
  metadata: {
    name,
    annotations: { 'paved.dev/imported-for': 'component:default/bench' },
  },
  spec: {
    owner: 'group:default/team',
    decidesAbout: ['component:default/bench'],
  },
});

const encoder = new TextEncoder();
const adrFiles = Array.from({ length: 2000 }, (_, i) =>
  encoder.encode(adr(i + 1)),
);
const roadmapFile = encoder.encode(roadmap(500));

const benchStart = process.hrtime.bigint();
const entities: Entity[] = [];

measure('2,000 ADRs: decode + parse + entity + relations', () => {
  let relations = 0;
  for (const [i, bytes] of adrFiles.entries()) {
    const text = decodeMarkdownSource(bytes);
    if (!text.ok) throw new Error(text.error.message);
    const parsed = parseAdrMarkdown(text.value, { fileName: `${i + 1}-x.md` });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const entity = withAdr(stub('ADR', `bench-adr-${i + 1}`), parsed.value);
    entities.push(entity);
    relations += pavedRelations(entity).length;
  }
  return relations;
});

measure(
  '500-item roadmap: decode + parse + validate + entity + relations',
  () => {
    const text = decodeMarkdownSource(roadmapFile);
    if (!text.ok) throw new Error(text.error.message);
    const parsed = parseRoadmapMarkdown(text.value);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const items = parsed.value.phases.flatMap(p => p.items).length;
    if (items !== 500 || findRoadmapProblems(parsed.value.phases).length) {
      throw new Error(`unexpected roadmap: ${items} items`);
    }
    const entity = withRoadmap(stub('Roadmap', 'bench-roadmap'), parsed.value);
    entities.push(entity);
    return pavedRelations(entity).length;
  },
);

// The seeds are design input kept outside the repository (../shared/seeds).
const seedsDir =
  process.env.PAVED_SEEDS_DIR ??
  path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'seeds');
const seedFiles = existsSync(seedsDir)
  ? readdirSync(seedsDir).filter(f => /^00[01]_/.test(f))
  : [];
if (seedFiles.length === 0) {
  console.log(`seed roadmaps: skipped, none found in ${seedsDir}`);
}
for (const file of seedFiles.sort()) {
  measure(`seed roadmap ${file}: decode + parse + entity + relations`, () => {
    const text = decodeMarkdownSource(readFileSync(path.join(seedsDir, file)));
    if (!text.ok) throw new Error(text.error.message);
    const parsed = parseRoadmapMarkdown(text.value);
    if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
    const entity = withRoadmap(
      stub('Roadmap', `seed-${file.slice(0, 3)}`),
      parsed.value,
    );
    entities.push(entity);
    return pavedRelations(entity).length;
  });
}

async function main() {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const documents = entities.flatMap(e => pavedSearchDocuments(e));
  const engine = new LunrSearchEngine({ logger: silentLogger() });
  await TestPipeline.fromCollator(Readable.from(documents))
    .withIndexer(await engine.getIndexer('paved-decisions'))
    .execute();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const hits = await engine.query({ term: 'Decision number 1999' });
  if (hits.results.length === 0) throw new Error('the index finds nothing');
  console.log(
    `search: ${documents.length} documents collated and indexed in ${ms.toFixed(
      0,
    )} ms, heap +${(
      (process.memoryUsage().heapUsed - heapBefore) /
      1024 /
      1024
    ).toFixed(1)} MB, rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(
      0,
    )} MB`,
  );
  const totalS = Number(process.hrtime.bigint() - benchStart) / 1e9;
  console.log(
    `total: ${totalS.toFixed(1)} s (target <= 10 s): ${
      totalS <= 10 ? 'PASS' : 'FAIL'
    }`,
  );
}

function silentLogger(): any {
  const logger = {
    info() {},
    warn() {},
    error() {},
    debug() {},
    child: () => logger,
  };
  return logger;
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
