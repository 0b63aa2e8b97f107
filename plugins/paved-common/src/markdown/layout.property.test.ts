import fc from 'fast-check';
import { parseAdrMarkdown } from '../adr/parseAdr';
import { parseRoadmapMarkdown } from '../roadmap/parseRoadmap';

// The parse of a document must not depend on how it was saved or wrapped:
// LF, CRLF or CR line endings, a byte-order mark, or paragraphs re-wrapped
// at another width (as editors and formatters do) give the same result.

// Prose, salted with words the parsers react to at the start of a line.
const word = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[a-z]{1,9}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'after',
      'needs',
      'depends',
      'on',
      'requires',
      'blocked',
      'by',
      'phase',
      '1.1',
      'A1',
      'status',
    ),
  },
);
const words = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max });

/** Greedy line breaking at `width`; continuation lines get `indent`. */
function wrap(text: string[], width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const w of text) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + w;
    } else {
      line = line ? `${line} ${w}` : w;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

type Render = (width: number) => string;

const variants = fc.record({
  width: fc.integer({ min: 12, max: 120 }),
  ending: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
});

function laidOut(
  render: Render,
  v: { width: number; ending: string; bom: boolean },
) {
  const text = render(v.width).replace(/\n/g, v.ending);
  return v.bom ? `\ufeff${text}` : text;
}

const adr: fc.Arbitrary<Render> = fc
  .record({
    format: fc.constantFrom('nygard', 'madr2', 'madr3', 'log4brains'),
    title: words(1, 8),
    status: fc.constantFrom(
      'Accepted',
      'approved',
      'Accepted on 2024-03-01',
      'Draft',
      'superseded',
    ),
    supersededBy: fc.option(words(2, 12), { nil: undefined }),
    context: fc.array(words(1, 60), { minLength: 1, maxLength: 3 }),
    decision: fc.array(words(1, 60), { minLength: 1, maxLength: 3 }),
  })
  .map(a => (width: number) => {
    const title = a.title.join(' ');
    const status = a.supersededBy
      ? wrap(
          [
            'Superseded',
            'by',
            `[7.`,
            ...a.supersededBy.slice(0, -1),
            `${a.supersededBy[a.supersededBy.length - 1]}](0007-next.md)`,
          ],
          width,
        )
      : a.status;
    const body = [
      '## Context',
      ...a.context.map(p => wrap(p, width)),
      '## Decision',
      ...a.decision.map(p => wrap(p, width)),
    ].join('\n\n');
    switch (a.format) {
      case 'nygard':
        return `# 3. ${title}\n\nDate: 2024-02-01\n\n## Status\n\n${status}\n\n${body}\n`;
      case 'madr2':
        return `# ${title}\n\n* Status: ${status}\n* Date: 2024-02-01\n\n${body}\n`;
      case 'log4brains':
        return `# ${title}\n\n- Status: ${status}\n- Date: 2024-02-01\n- Tags: x\n\n${body}\n`;
      default:
        return `---\nstatus: ${JSON.stringify(
          status.replace(/\n/g, ' '),
        )}\n---\n# ${title}\n\n${body}\n`;
    }
  });

const item = fc.record({
  style: fc.constantFrom('heading', 'list'),
  title: words(1, 14),
  prose: fc.option(words(1, 40), { nil: undefined }),
  dependsOnPrevious: fc.boolean(),
  boxes: fc.array(fc.record({ done: fc.boolean(), text: words(1, 20) }), {
    maxLength: 4,
  }),
});

const roadmap: fc.Arbitrary<Render> = fc
  .record({
    phases: fc.array(
      fc.record({
        title: words(1, 5),
        preamble: fc.option(words(1, 40), { nil: undefined }),
        items: fc.array(item, { minLength: 1, maxLength: 4 }),
        table: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(r => (width: number) => {
    const out = ['# Generated roadmap'];
    let previous: string | undefined;
    r.phases.forEach((phase, p) => {
      out.push(`## Phase ${p + 1}: ${phase.title.join(' ')}`);
      if (phase.preamble) out.push(wrap(phase.preamble, width));
      if (phase.table) {
        // Table rows cannot wrap; endings and BOM still apply.
        const rows = phase.items.map((it, i) => {
          const id = `T${p + 1}-${i + 1}`;
          const deps = it.dependsOnPrevious && previous ? previous : '';
          previous = id;
          return `| ${id} | ${it.title.join(' ')} | ${
            it.boxes[0]?.done ? '✅ Done' : 'Planned'
          } | ${deps} |`;
        });
        out.push(
          ['| ID | Item | Status | Depends on |', '| --- | --- | --- | --- |']
            .concat(rows)
            .join('\n'),
        );
        return;
      }
      phase.items.forEach((it, i) => {
        const id = it.style === 'heading' ? `${p + 1}.${i + 1}` : `K-${p}${i}`;
        const fields = [
          ...(it.dependsOnPrevious && previous
            ? [`Depends on: ${previous}`]
            : []),
          'Priority: P2',
        ];
        const boxes = it.boxes.map(
          b => `- [${b.done ? 'x' : ' '}] ${wrap(b.text, width, '  ')}`,
        );
        if (it.style === 'heading') {
          out.push(`### ${id} ${it.title.join(' ')}`);
          if (it.prose) out.push(wrap(it.prose, width));
          // Field lines as one paragraph: re-wrapping may join them.
          out.push(wrap(fields.join(' ').split(' '), width));
          if (boxes.length) out.push(boxes.join('\n'));
        } else {
          const head = wrap(['-', `**${id}**`, ...it.title], width, '  ');
          const rest = fields.map(f => `  ${f}`).join('\n');
          const nested = boxes.map(b => `  ${b.replace(/\n/g, '\n  ')}`);
          out.push([head, rest, ...nested].join('\n'));
        }
        previous = id;
      });
    });
    return `${out.join('\n\n')}\n`;
  });

describe('parsers and document layout', () => {
  it('an ADR parses the same whatever its line endings, BOM or wrapping', () => {
    fc.assert(
      fc.property(adr, variants, (render, v) => {
        const base = parseAdrMarkdown(render(80), { fileName: '0003-x.md' });
        expect(
          parseAdrMarkdown(laidOut(render, v), { fileName: '0003-x.md' }),
        ).toEqual(base);
      }),
      { numRuns: 300 },
    );
  });

  it('a roadmap parses the same whatever its line endings, BOM or wrapping', () => {
    fc.assert(
      fc.property(roadmap, variants, (render, v) => {
        const base = parseRoadmapMarkdown(render(80));
        expect(base.ok).toBe(true);
        expect(parseRoadmapMarkdown(laidOut(render, v))).toEqual(base);
      }),
      { numRuns: 300 },
    );
  });
});
