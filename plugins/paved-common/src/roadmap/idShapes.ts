/** One way of writing item ids, named for error messages. */
export interface IdShape {
  name: string;
  examples: string;
  /** Regular expression source matching one id, without anchors. */
  source: string;
}

/** The id styles real roadmaps use, tried in this order. */
export const BUILT_IN_ID_SHAPES: readonly IdShape[] = [
  {
    name: 'dotted numbers',
    examples: '1.2, 1.2.3',
    source: String.raw`\d+(?:\.\d+)+`,
  },
  {
    name: 'prefix with dashes',
    examples: 'KBP-07, PLAT-123, Q3-2025-01',
    source: String.raw`[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*[-_]\d+[a-z]?`,
  },
  {
    name: 'letters with a number',
    examples: 'A1, M2, R3.1',
    source: String.raw`[A-Z]{1,3}\d+(?:\.\d+)*`,
  },
];

const LETTERS_AND_NUMBER = BUILT_IN_ID_SHAPES[2];

/** Where an id may end in a heading or list entry: `1.2 X`, `A1: X`, `KBP-07 — X`. */
const ID_END = String.raw`(?=$|[\s:.)—–]|-\s)`;

/** Ids that point elsewhere rather than name an item of this roadmap. */
const REFERENCE_PREFIX = /^(?:ADR|CVE|RFC)[-_ ]?\d/i;

/**
 * Calendar periods (`Q3 2025`, `H1-2026`, `2025 Q4`) head phases, however
 * much they look like `letters with a number` ids.
 */
const PERIOD =
  /^(?:(?:Q[1-4]|H[12])[\s/-]*'?\d{2,4}|\d{4}[\s/-]*(?:Q[1-4]|H[12]))(?![-_.]?\d)\b/;

export function isPeriod(text: string): boolean {
  return PERIOD.test(text.trim());
}

/** Finds ids of the shapes in use. */
export interface IdMatcher {
  readonly shapes: readonly IdShape[];
  /** The id `text` starts with, if any. */
  atStart(text: string): string | undefined;
  /** Every id written anywhere in `text`, in order. */
  findAll(text: string): string[];
}

export function idMatcher(shapes: readonly IdShape[]): IdMatcher {
  const union = shapes.map(s => `(?:${s.source})`).join('|') || '(?!)';
  const start = new RegExp(`^(?:${union})${ID_END}`);
  const anywhere = new RegExp(
    String.raw`(?<![\w.#/-])(?:${union})(?![\w]|[.-][\w])`,
    'g',
  );
  return {
    shapes,
    atStart(text) {
      const trimmed = text.trim();
      if (isPeriod(trimmed) || REFERENCE_PREFIX.test(trimmed)) {
        return undefined;
      }
      return start.exec(trimmed)?.[0];
    },
    findAll(text) {
      return [...text.matchAll(anywhere)]
        .map(m => m[0])
        .filter(id => !REFERENCE_PREFIX.test(id));
    },
  };
}

/**
 * The shapes a document uses, from the texts that could start an item
 * (headings, list entries, table cells). A shape counts when one candidate
 * starts with it; `letters with a number` only for letters used with two
 * or more numbers (`A1`, `A2`), so a heading like "S3 buckets" is no item.
 */
export function detectIdShapes(
  candidates: readonly string[],
  shapes: readonly IdShape[] = BUILT_IN_ID_SHAPES,
): IdShape[] {
  const used: IdShape[] = [];
  for (const shape of shapes) {
    const found = new Set<string>();
    const matcher = idMatcher([shape]);
    for (const text of candidates) {
      const id = matcher.atStart(text);
      if (id) found.add(id);
    }
    if (!found.size) continue;
    if (shape !== LETTERS_AND_NUMBER) {
      used.push(shape);
      continue;
    }
    const byLetters = new Map<string, Set<string>>();
    for (const id of found) {
      const letters = /^[A-Z]+/.exec(id)![0];
      byLetters.set(letters, (byLetters.get(letters) ?? new Set()).add(id));
    }
    const prefixes = [...byLetters]
      .filter(([, ids]) => ids.size >= 2)
      .map(([letters]) => letters);
    if (prefixes.length) {
      used.push({
        ...shape,
        source: String.raw`(?:${prefixes.join('|')})\d+(?:\.\d+)*`,
      });
    }
  }
  return used;
}
