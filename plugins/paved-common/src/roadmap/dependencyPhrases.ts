/** A dependency as written, before it is resolved to item ids. */
export interface DependencyClause {
  value: string;
  /**
   * True for `Key: value` fields, emphasised keys and table cells, where
   * every part must name something (an unknown id is kept, to be
   * reported); false for phrases in prose or titles, where only parts
   * naming a known item or phase count.
   */
  strict: boolean;
  line?: number;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** Keys of the item fields other than dependencies. */
export const FIELD_KEYS: readonly string[] = [
  'status',
  'state',
  'priority',
  'prio',
  'estimate',
  'effort',
  'story points',
  'sp',
  'adrs',
  'adr',
  'decisions',
  'runbooks',
  'runbook',
  'components',
  'component',
  'changes',
];

/** How one vocabulary's fields and dependency phrases are found. */
export interface DependencyPhrases {
  /**
   * `Key:` of a field or a dependency (`Status:`, `**Depends on:**`,
   * `*Requires:`); group 1 is what precedes it, 2 the emphasis, 3 the key.
   */
  keys: RegExp;
  isDependencyKey(key: string): boolean;
  /** `Depends on 1.2` or `_after_ 1.2` opening a paragraph. */
  atStart(text: string): DependencyClause | undefined;
  /** `(after A2)`, `— blocked by KBP-07`, `**needs** A1` within prose. */
  inProse(text: string): DependencyClause[];
  /** Where an emphasised dependency phrase starts in `text`, or -1. */
  emphasisedAt(text: string): number;
  /** A title without its dependency clause, and the clause. */
  inTitle(title: string): { title: string; clause?: DependencyClause };
  /** Whether a heading or table header names dependencies. */
  isDependencyLabel(text: string): boolean;
}

export function dependencyPhrases(words: readonly string[]): DependencyPhrases {
  const byLength = (a: string, b: string) => b.length - a.length;
  const w = `(?:${[...words].sort(byLength).map(escape).join('|')})`;
  const all = `(?:${[...words, ...FIELD_KEYS]
    .sort(byLength)
    .map(escape)
    .join('|')})`;
  const keys = new RegExp(
    String.raw`(^|[\s|(>])([*_]{0,2})(${all})[*_]{0,2}\s*:(?!\/)[*_]{0,2}`,
    'gi',
  );
  const emphasisedStart = new RegExp(
    String.raw`^(\*\*|__|\*|_)(${w})\1\s+(.+)$`,
    'is',
  );
  const bareStart = new RegExp(String.raw`^(${w})\s+(.+)$`, 'is');
  const emphasised = new RegExp(
    String.raw`(?:^|\s)(\*\*|__|\*|_)(${w})\1\s+`,
    'i',
  );
  const bracketed = new RegExp(
    String.raw`[([]\s*[*_]*(${w})[*_]*\s*:?\s*([^)\]]+)[)\]]`,
    'gi',
  );
  const trailing = new RegExp(
    String.raw`\s[—–]\s*[*_]*(${w})[*_]*\s*:?\s*(.+)$`,
    'is',
  );
  const label = new RegExp(String.raw`^[*_]*(${w})[*_]*\s*:?\s*$`, 'i');
  const dependencyKey = new RegExp(`^${w}$`, 'i');
  const tidy = (value: string) =>
    value
      .replace(/\s+/g, ' ')
      .replace(/[\s*_]+$/, '')
      .replace(/^[\s*_]+/, '');

  return {
    keys,
    isDependencyKey: key => dependencyKey.test(key.trim()),
    atStart(text) {
      const e = emphasisedStart.exec(text.trim());
      if (e) return { value: tidy(e[3]), strict: true };
      // `*Requires Phase 2 first.*`: emphasis around the whole sentence.
      const b = bareStart.exec(text.trim().replace(/^[*_]+/, ''));
      return b ? { value: tidy(b[2]), strict: false } : undefined;
    },
    inProse(text) {
      const found: DependencyClause[] = [...text.matchAll(bracketed)].map(
        m => ({ value: tidy(m[2]), strict: false }),
      );
      const t = trailing.exec(text);
      if (t) found.push({ value: tidy(t[2]), strict: false });
      const e = emphasised.exec(text);
      if (e && e.index > 0) {
        found.push({
          value: tidy(text.slice(e.index + e[0].length)),
          strict: false,
        });
      }
      return found;
    },
    emphasisedAt(text) {
      const e = emphasised.exec(text);
      return e ? e.index : -1;
    },
    inTitle(title) {
      const match = [...title.matchAll(bracketed)][0] ?? trailing.exec(title);
      if (!match) {
        return { title };
      }
      return {
        title: (
          title.slice(0, match.index) +
          title.slice(match.index! + match[0].length)
        )
          .replace(/\s+/g, ' ')
          .trim(),
        clause: { value: tidy(match[2]), strict: false },
      };
    },
    isDependencyLabel(text) {
      return label.test(text.trim());
    },
  };
}
