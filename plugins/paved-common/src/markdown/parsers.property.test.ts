import fc from 'fast-check';
import { parseAdrMarkdown } from '../adr/parseAdr';
import { parseRoadmapMarkdown } from '../roadmap/parseRoadmap';
import { decodeMarkdownSource } from './source';

const CODES = [
  'too-large',
  'binary',
  'empty',
  'malformed-front-matter',
  'missing-title',
  'unknown-status',
  'no-roadmap-items',
  'invalid-vocabulary',
];

// Markdown-ish noise: random text salted with the tokens the parsers react to.
const token = fc.constantFrom(
  '#',
  '## ',
  '### ',
  '---\n',
  '- [ ] ',
  '- [x] ',
  '* ',
  '1. ',
  '**',
  'Status: ',
  'Date: ',
  'Depends on: ',
  'ADR-0001',
  '1.4 ',
  'KBP-07 — ',
  '☐ ',
  '☑ ',
  '\n',
  '\n\n',
  '[a](b.md)',
  '|',
  '`',
  ':',
  // Shapes the roadmap parser detects or falls back to.
  '| ID | Item | Status | Depends on |\n|---|---|---|---|\n',
  '| A1 | x | ✅ | A2 |\n',
  '## Q3 2025\n',
  '### M1 ',
  'PLAT-12 ',
  'Q3-2025-01 ',
  '_after_ ',
  '(after A1)',
  '**Blocked by:** ',
  'Phase 2',
  '🚧 ',
  '~~',
  '\r\n',
  '\ufeff',
);
const markdownish = fc
  .array(
    fc.oneof(
      token,
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map(parts => parts.join(''));

function checkbox(style: string, done: boolean): string {
  if (style === 'gfm') {
    return done ? '[x]' : '[ ]';
  }
  return done ? '☑' : '☐';
}

describe('Markdown parsers on random input', () => {
  it('never throw; they give a result or a typed error', () => {
    fc.assert(
      fc.property(markdownish, text => {
        const results = [parseAdrMarkdown(text), parseRoadmapMarkdown(text)];
        const errors = results.flatMap(r => (r.ok ? [] : [r.error]));
        expect(
          errors.filter(e => !CODES.includes(e.code) || !e.message),
        ).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never throw on random bytes either', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), bytes => {
        const decoded = decodeMarkdownSource(bytes);
        const text = decoded.ok ? decoded.value : '';
        expect(() => [
          parseAdrMarkdown(text),
          parseRoadmapMarkdown(text),
        ]).not.toThrow();
        expect(CODES).toContain(decoded.ok ? 'empty' : decoded.error.code);
      }),
      { numRuns: 300 },
    );
  });

  it('counts exactly the checkboxes it is given, per item, phase and roadmap', () => {
    const item = fc.record({
      boxes: fc.array(
        fc.record({
          done: fc.boolean(),
          style: fc.constantFrom('gfm', 'ballot'),
          nested: fc.boolean(),
        }),
        { maxLength: 8 },
      ),
      text: fc.stringMatching(/^[a-z][a-z ]{0,19}$/),
    });
    const roadmap = fc.array(fc.array(item, { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(roadmap, phases => {
        const lines: string[] = ['# Generated'];
        phases.forEach((items, p) => {
          lines.push('', `## Phase ${p + 1}`);
          items.forEach((it, i) => {
            lines.push(
              '',
              `### ${p + 1}.${i + 1} ${it.text}`,
              '',
              '- [ ] parent',
            );
            for (const box of it.boxes) {
              const mark = checkbox(box.style, box.done);
              lines.push(
                `${box.nested ? '  ' : ''}- ${mark} ${it.text || 'task'}`,
              );
            }
          });
        });
        const result = parseRoadmapMarkdown(lines.join('\n'));
        if (!result.ok) throw new Error(result.error.message);
        const parsed = result.value;
        expect(parsed.phases).toHaveLength(phases.length);
        let done = 0;
        let total = 0;
        parsed.phases.forEach((phase, p) => {
          expect(phase.items).toHaveLength(phases[p].length);
          phase.items.forEach((parsedItem, i) => {
            const boxes = phases[p][i].boxes;
            const expectedDone = boxes.filter(b => b.done).length;
            // +1 for the open "parent" box each item starts with.
            expect(parsedItem.progress).toEqual({
              done: expectedDone,
              total: boxes.length + 1,
            });
            const notDone =
              parsedItem.progress.total - parsedItem.progress.done;
            expect(parsedItem.progress.done + notDone).toBe(boxes.length + 1);
            expect(parsedItem.status).toBe(
              expectedDone > 0 ? 'in-progress' : 'planned',
            );
          });
          expect(phase.progress.done).toBe(
            phase.items.reduce((n, x) => n + x.progress.done, 0),
          );
          expect(phase.progress.total).toBe(
            phase.items.reduce((n, x) => n + x.progress.total, 0),
          );
          done += phase.progress.done;
          total += phase.progress.total;
        });
        expect(parsed.progress).toEqual({ done, total });
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips ADR metadata through the three formats', () => {
    const adr = fc.record({
      number: fc.integer({ min: 1, max: 9999 }),
      title: fc.stringMatching(/^[A-Z][a-z]{2,10}( [a-z]{2,10}){0,4}$/),
      status: fc.constantFrom('proposed', 'accepted', 'rejected', 'deprecated'),
      date: fc
        .date({
          min: new Date('2000-01-01'),
          max: new Date('2099-12-31'),
          noInvalidDate: true,
        })
        .map(d => d.toISOString().slice(0, 10)),
      format: fc.constantFrom('nygard', 'madr2', 'madr3'),
    });
    fc.assert(
      fc.property(adr, a => {
        const text = {
          nygard: `# ${a.number}. ${a.title}\n\nDate: ${a.date}\n\n## Status\n\n${a.status}\n\n## Context\n\nx\n`,
          madr2: `# ${a.title}\n\n* Status: ${a.status}\n* Date: ${a.date}\n\n## Context and Problem Statement\n\nx\n`,
          madr3: `---\nstatus: ${a.status}\ndate: ${a.date}\n---\n\n# ${a.title}\n`,
        }[a.format];
        const result = parseAdrMarkdown(text, {
          fileName: `${String(a.number).padStart(4, '0')}-x.md`,
        });
        expect(result).toMatchObject({
          ok: true,
          value: {
            format: a.format,
            number: a.number,
            title: a.title,
            status: a.status,
            date: a.date,
          },
        });
      }),
      { numRuns: 200 },
    );
  });
});
