/* eslint-disable no-console */
// Times parsing and entity building for 2,000 generated ADRs (all three
// formats) and a 500-item roadmap. Run: yarn workspace
// @paved/plugin-catalog-backend-module-paved bench
import { Entity } from '@backstage/catalog-model';
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

measure('2,000 ADRs: decode + parse + entity + relations', () => {
  let relations = 0;
  for (const [i, bytes] of adrFiles.entries()) {
    const text = decodeMarkdownSource(bytes);
    if (!text.ok) throw new Error(text.error.message);
    const parsed = parseAdrMarkdown(text.value, { fileName: `${i + 1}-x.md` });
    if (!parsed.ok) throw new Error(parsed.error.message);
    relations += pavedRelations(
      withAdr(stub('ADR', `bench-adr-${i + 1}`), parsed.value),
    ).length;
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
    return pavedRelations(
      withRoadmap(stub('Roadmap', 'bench-roadmap'), parsed.value),
    ).length;
  },
);
