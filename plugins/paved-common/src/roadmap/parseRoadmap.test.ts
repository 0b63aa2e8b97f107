import { parseRoadmapMarkdown } from './parseRoadmap';

describe('parseRoadmapMarkdown', () => {
  it('reads item fields and written statuses', () => {
    const result = parseRoadmapMarkdown(`# Paved roadmap

## Phase 1: Kinds

### 1.1 ADR kind
Status: done
Priority: P1
Estimate: 3 days
ADR: ADR-0002, adr:default/paved-adr-0003
Runbook: [Stuck ingestion](https://example.com/runbooks/ingestion)
Components: component:default/paved-backend, paved-app

- [x] schema
- [ ] docs

### 1.2 Roadmap kind
**Status:** blocked
- [ ] parser

## Later

- **KBP-07** — Something listed only
  - [x] a nested box counted for KBP-07
- [ ] a loose box in the phase
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.phases).toEqual([
      {
        title: 'Phase 1: Kinds',
        progress: { done: 1, total: 3 },
        items: [
          {
            id: '1.1',
            title: 'ADR kind',
            status: 'done',
            priority: 'P1',
            estimate: '3 days',
            adrs: ['ADR-0002', 'adr:default/paved-adr-0003'],
            runbooks: ['https://example.com/runbooks/ingestion'],
            components: ['component:default/paved-backend', 'paved-app'],
            progress: { done: 1, total: 2 },
          },
          {
            id: '1.2',
            title: 'Roadmap kind',
            status: 'blocked',
            progress: { done: 0, total: 1 },
          },
        ],
      },
      {
        title: 'Later',
        progress: { done: 1, total: 2 },
        items: [
          {
            id: 'KBP-07',
            title: 'Something listed only',
            status: 'done',
            progress: { done: 1, total: 1 },
          },
        ],
      },
    ]);
    expect(result.value.progress).toEqual({ done: 2, total: 5 });
  });

  it('fails on an unknown written status, naming item and line', () => {
    const result = parseRoadmapMarkdown('## P\n### 1.1 A\nStatus: someday\n');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown-status',
        line: 3,
        message: expect.stringContaining(
          'item 1.1 has unknown status "someday"',
        ),
      },
    });
  });

  it('fails on malformed front matter', () => {
    expect(parseRoadmapMarkdown('---\ntitle: [x\n---\n## P\n')).toMatchObject({
      ok: false,
      error: { code: 'malformed-front-matter' },
    });
  });

  it('counts boxes before any heading in the total', () => {
    const result = parseRoadmapMarkdown(
      '- [x] early\n\n## P\n### 1.1 A\n- [ ] a\n',
    );
    expect(result.ok && result.value.progress).toEqual({ done: 1, total: 2 });
  });
});
