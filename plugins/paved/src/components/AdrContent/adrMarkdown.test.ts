import {
  adrSections,
  isRelativeTarget,
  markdownTargets,
  resolveAgainstSource,
} from './adrMarkdown';

describe('adrSections', () => {
  it('drops front matter, title and metadata lines; splits at level-2 headings outside code', () => {
    const sections = adrSections(
      [
        '\uFEFF# 3. Use Kyverno',
        '',
        'Date: 2024-01-01',
        '* Status: accepted',
        '',
        'A note before the sections.',
        '',
        '## Status',
        '',
        'Accepted',
        '',
        '## Decision',
        '',
        '```md',
        '## not a heading',
        '```',
        '### Details',
        '',
        '## 4. Pros and Cons of the Options:',
        'x',
      ].join('\r\n'),
    );
    expect(sections.map(s => [s.heading, s.label])).toEqual([
      ['', 'introduction'],
      ['Status', 'status'],
      ['Decision', 'decision'],
      ['4. Pros and Cons of the Options:', 'pros and cons of the options'],
    ]);
    expect(sections[0].markdown).toBe('A note before the sections.');
    expect(sections[2].markdown).toContain('## not a heading');
    expect(sections[2].markdown).toContain('### Details');
  });
});

describe('links and images', () => {
  it('finds inline and reference targets', () => {
    expect(
      markdownTargets(
        '![a](img/a.png "t") [b](0002-b.md#x) [c]: <../c.svg>\n[d](https://x.io)',
      ),
    ).toEqual({
      links: ['0002-b.md#x', 'https://x.io'],
      images: ['img/a.png'],
    });
    expect(markdownTargets('[c]: ../c.svg').images).toEqual(['../c.svg']);
  });

  it('tells relative targets from the rest', () => {
    expect(isRelativeTarget('img/a.png')).toBe(true);
    expect(isRelativeTarget('../a.md')).toBe(true);
    for (const t of ['https://x', 'mailto:a@b', '#top', '/abs', 'data:x']) {
      expect(isRelativeTarget(t)).toBe(false);
    }
  });

  it('resolves against url: and file: sources', () => {
    expect(
      resolveAgainstSource(
        'url:https://github.com/o/r/blob/main/docs/adr/0001-a.md',
        '../images/x.png#frag',
      ),
    ).toEqual({
      type: 'url',
      target: 'https://github.com/o/r/blob/main/docs/images/x.png',
      fragment: '#frag',
    });
    expect(
      resolveAgainstSource('file:/repo/docs/adr/0001-a.md', './0002 b.md'),
    ).toEqual({
      type: 'file',
      target: '/repo/docs/adr/0002 b.md',
      fragment: '',
    });
    expect(resolveAgainstSource('./x.md', 'y.md')).toBeUndefined();
  });
});
