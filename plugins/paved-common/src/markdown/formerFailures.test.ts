import { parseAdrMarkdown } from '../adr/parseAdr';
import { parseRoadmapMarkdown } from '../roadmap/parseRoadmap';
import { readRoadmapVocabulary } from '../roadmap/vocabulary';
import { decodeMarkdownSource } from './source';

// Each class of document that used to fail, or to import as nothing, now
// parses or fails with an error that names the problem.

const windows = (text: string) =>
  new TextEncoder().encode(`\ufeff${text.replace(/\n/g, '\r\n')}`);

describe('former failure: an ADR saved on Windows (BOM + CRLF)', () => {
  const nygard = `# 7. Use Flux for add-ons\n\nDate: 2024-05-02\n\n## Status\n\nAccepted\n\n## Decision\n\nFlux installs\nthe add-ons.\n`;

  it.each([
    ['from bytes', () => decodeMarkdownSource(windows(nygard))],
    [
      'from a string that kept its BOM',
      () => ({
        ok: true as const,
        value: `\ufeff${nygard.replace(/\n/g, '\r\n')}`,
      }),
    ],
    [
      'with old Mac CR endings',
      () => ({
        ok: true as const,
        value: nygard.replace(/\n/g, '\r'),
      }),
    ],
  ])('keeps its whole status, %s', (_, read) => {
    const text = read();
    if (!text.ok) throw new Error('not decoded');
    const result = parseAdrMarkdown(text.value, { fileName: '0007-x.md' });
    expect(result).toMatchObject({
      ok: true,
      value: { status: 'accepted', date: '2024-05-02', number: 7 },
    });
    // No carriage return survives into the text shown on the Decision tab.
    expect(result.ok && result.value.sections.decision).toBe(
      'Flux installs the add-ons.',
    );
  });

  it('reads MADR 2 and MADR 3 saved the same way', () => {
    const madr2 = `# Use Flux\n\n* Status: superseded by [ADR-0009](0009-x.md)\n* Date: 2024-05-02\n`;
    const madr3 = `---\nstatus: approved\ndate: 2024-05-02\n---\n# Use Flux\n`;
    for (const [text, status] of [
      [madr2, 'superseded'],
      [madr3, 'accepted'],
    ]) {
      const decoded = decodeMarkdownSource(windows(text));
      expect(decoded.ok && parseAdrMarkdown(decoded.value)).toMatchObject({
        ok: true,
        value: { status, date: '2024-05-02' },
      });
    }
  });
});

describe('former failure: a roadmap whose ids are not 1.2 or KBP-07', () => {
  it.each([
    ['letters with numbers', '### A1 First\n\n### A2 Second\n', ['A1', 'A2']],
    [
      'quarter codes',
      '### Q3-2025-01 First\n\n### Q3-2025-02 Second\n',
      ['Q3-2025-01', 'Q3-2025-02'],
    ],
    ['milestones', '### M1 First\n\n### M2 Second\n', ['M1', 'M2']],
    [
      'three-part numbers',
      '### 1.2.3 First\n\n### 1.2.4 Second\n',
      ['1.2.3', '1.2.4'],
    ],
    [
      'long prefixes',
      '- **PLAT-123** First\n- **PLAT-124** Second\n',
      ['PLAT-123', 'PLAT-124'],
    ],
  ])('finds items with %s', (_, items, ids) => {
    const result = parseRoadmapMarkdown(`# R\n\n## Phase 1\n\n${items}`);
    expect(
      result.ok && result.value.phases.flatMap(p => p.items.map(i => i.id)),
    ).toEqual(ids);
  });

  it('is an error naming what was looked for when nothing is an item', () => {
    const result = parseRoadmapMarkdown(
      '# R\n\n## Backlog\n\n- §12 Rotate certificates\n- §13 Renew the wildcard\n',
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'no-roadmap-items' },
    });
    const message = result.ok ? '' : result.error.message;
    for (const looked of [
      'headings, list entries and table rows',
      'dotted numbers (1.2, 1.2.3)',
      'prefix with dashes (KBP-07, PLAT-123, Q3-2025-01)',
      'letters with a number (A1, M2, R3.1)',
      'checkbox lines',
      '2 heading(s), 0 checkbox line(s)',
      'paved.dev/roadmap-id-pattern',
    ]) {
      expect(message).toContain(looked);
    }
  });

  it('parses that roadmap with the id pattern of its location', () => {
    const vocabulary = readRoadmapVocabulary({
      'paved.dev/roadmap-id-pattern': '§\\d+',
    });
    if (!vocabulary.ok) throw new Error(vocabulary.error.message);
    const result = parseRoadmapMarkdown(
      '# R\n\n## Backlog\n\n- §12 Rotate certificates\n- §13 Renew the wildcard\n  Depends on: §12\n',
      { vocabulary: vocabulary.value },
    );
    expect(result.ok && result.value.phases[0].items).toEqual([
      expect.objectContaining({ id: '§12', title: 'Rotate certificates' }),
      expect.objectContaining({ id: '§13', dependsOn: ['§12'] }),
    ]);
  });

  it('says so when a configured pattern matches nothing', () => {
    const vocabulary = readRoadmapVocabulary(undefined, {
      idPatterns: ['TICKET-\\d+'],
    });
    if (!vocabulary.ok) throw new Error(vocabulary.error.message);
    const result = parseRoadmapMarkdown('## P\n\n### 1.1 A\n\n- [ ] x\n', {
      vocabulary: vocabulary.value,
    });
    expect(!result.ok && result.error.message).toContain(
      'configured patterns pattern 1 (/TICKET-\\d+/)',
    );
  });
});
