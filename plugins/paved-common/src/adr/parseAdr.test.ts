import { parseAdrMarkdown } from './parseAdr';

const nygard = `# 2. Use PostgreSQL for the catalog

Date: 2024-03-05

## Status

Accepted

Supersedes [1. Use SQLite everywhere](0001-use-sqlite-everywhere.md)

## Context

SQLite does not survive restarts of the pod.

## Decision

We use PostgreSQL 15.

## Consequences

One more thing to run.
`;

const madr2 = `# Use Markdown Architectural Decision Records

* Status: accepted
* Deciders: Ana, Ben
* Date: 2020-01-02

Technical Story: how we record decisions

## Context and Problem Statement

We want to record decisions.

## Decision Outcome

Chosen option: "MADR".
`;

const madr3 = `---
status: "superseded by [ADR-0007](0007-use-gateway-api.md)"
date: 2023-11-20
deciders: [Ana, Ben]
consulted: Cara
informed:
  - platform-team
---
# Use ingress-nginx

## Context and Problem Statement

We need ingress.

## Decision Outcome

ingress-nginx.
`;

describe('parseAdrMarkdown', () => {
  it('reads Nygard / adr-tools files', () => {
    const result = parseAdrMarkdown(nygard, {
      fileName: '0002-use-postgresql.md',
    });
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      value: {
        format: 'nygard',
        number: 2,
        title: 'Use PostgreSQL for the catalog',
        status: 'accepted',
        date: '2024-03-05',
        supersedes: [{ number: 1, target: '0001-use-sqlite-everywhere.md' }],
        supersededBy: [],
      },
    });
    expect(result.ok && result.value.sections.decision).toBe(
      'We use PostgreSQL 15.',
    );
  });

  it('reads MADR 2 list-style metadata and takes the number from the file name', () => {
    const result = parseAdrMarkdown(madr2, {
      fileName: 'docs/adr/0000-use-markdown.md',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        format: 'madr2',
        number: 0,
        title: 'Use Markdown Architectural Decision Records',
        status: 'accepted',
        date: '2020-01-02',
        deciders: ['Ana', 'Ben'],
      },
    });
  });

  it('reads MADR 3 front matter, with a link in the status', () => {
    const result = parseAdrMarkdown(madr3, {
      fileName: '0004-use-ingress-nginx.md',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        format: 'madr3',
        number: 4,
        status: 'superseded',
        date: '2023-11-20',
        deciders: ['Ana', 'Ben'],
        consulted: ['Cara'],
        informed: ['platform-team'],
        supersededBy: [
          { number: 7, target: '0007-use-gateway-api.md', text: 'ADR-0007' },
        ],
      },
    });
  });

  it('accepts odd but valid files: no Date line, status in bold with a date, trailing sections', () => {
    const text = `# ADR-12: Keep secrets out of Git

## Status

**Accepted** (after review, 2024-05-01)

## Context

Secrets leak.

## Decision

Use External Secrets.

## Consequences

None worth noting.

## Notes

* Some trailing section
* Status: this line is not the status

## Links

- [ESO](https://external-secrets.io)
`;
    const result = parseAdrMarkdown(text);
    expect(result).toMatchObject({
      ok: true,
      value: {
        format: 'nygard',
        number: 12,
        title: 'Keep secrets out of Git',
        status: 'accepted',
      },
    });
    // No Date line: the date written with the status dates the record.
    expect(result.ok && result.value.date).toBe('2024-05-01');
    expect(result.ok && Object.keys(result.value.sections)).toEqual([
      'status',
      'context',
      'decision',
      'consequences',
      'notes',
      'links',
    ]);
  });

  it('treats a MADR 3 file without status as proposed, with a warning', () => {
    const result = parseAdrMarkdown(
      '---\ndate: 2024-01-01\n---\n# Try Cilium\n',
    );
    expect(result).toMatchObject({ ok: true, value: { status: 'proposed' } });
    expect(result.ok && result.warnings).toEqual([
      'no status given; treated as proposed',
    ]);
  });

  it('warns on a date it cannot read instead of failing', () => {
    const result = parseAdrMarkdown(
      '# 1. X\n\nDate: someday\n\n## Status\n\nProposed\n',
    );
    expect(result).toMatchObject({ ok: true, value: { status: 'proposed' } });
    expect(result.ok && result.warnings[0]).toMatch(/someday/);
  });

  it.each([
    [
      'malformed front matter',
      '---\nstatus: [accepted\n---\n# T\n',
      'malformed-front-matter',
    ],
    [
      'unclosed front matter',
      '---\nstatus: accepted\n# T\n',
      'malformed-front-matter',
    ],
    [
      'front matter that is a list',
      '---\n- a\n---\n# T\n',
      'malformed-front-matter',
    ],
    ['a missing title', '## Status\n\nAccepted\n', 'missing-title'],
    [
      'an unknown status',
      '# 1. T\n\n## Status\n\nMaybe later\n',
      'unknown-status',
    ],
    ['an empty file', '  \n', 'empty'],
  ])('gives a typed error for %s', (_, text, code) => {
    const result = parseAdrMarkdown(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('names the line of an unknown status', () => {
    const result = parseAdrMarkdown('# 1. T\n\n## Status\n\nParked\n');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown-status',
        line: 5,
        message: expect.stringContaining('unknown status "Parked"'),
      },
    });
  });

  it('follows a supersession chain across three ADRs', () => {
    const one = parseAdrMarkdown(
      '# 1. Use SQLite\n\n## Status\n\nSuperseded by [2. Use PostgreSQL](0002-use-postgresql.md)\n',
    );
    const two = parseAdrMarkdown(
      '# 2. Use PostgreSQL\n\n## Status\n\nAccepted\n\nSupersedes [1. Use SQLite](0001-use-sqlite.md)\n\nSuperseded by [3. Use CloudNativePG](0003-use-cloudnativepg.md)\n',
    );
    const three = parseAdrMarkdown(
      '---\nstatus: accepted\nsupersedes: ADR-0002\n---\n# Use CloudNativePG\n',
      { fileName: '0003-use-cloudnativepg.md' },
    );
    const get = (r: typeof one) => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    expect(get(one)).toMatchObject({
      status: 'superseded',
      supersededBy: [{ number: 2 }],
    });
    expect(get(two)).toMatchObject({
      status: 'superseded',
      supersedes: [{ number: 1 }],
      supersededBy: [{ number: 3 }],
    });
    expect(get(three)).toMatchObject({
      number: 3,
      status: 'accepted',
      supersedes: [{ number: 2 }],
    });
  });
});
