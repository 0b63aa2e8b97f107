/** A dependency as written, before it is resolved to item ids. */
export interface DependencyClause {
  value: string;
  /**
   * True for `Key: value` lines and table cells, where every part must name
   * something (an unknown id is kept, to be reported); false for phrases in
   * prose or titles, where only parts naming a known item or phase count.
   */
  strict: boolean;
  line?: number;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** The regular expressions for one set of dependency words. */
export interface DependencyPhrases {
  /** Dependency clauses a line of an item (or phase preamble) carries. */
  inLine(raw: string, line?: number): DependencyClause[];
  /** A title without its dependency clause, and the clause. */
  inTitle(title: string): { title: string; clause?: DependencyClause };
  /** Whether a heading or table header names dependencies. */
  isDependencyLabel(text: string): boolean;
}

export function dependencyPhrases(words: readonly string[]): DependencyPhrases {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  const w = `(?:${alternatives})`;
  // `Depends on: 1.2`, `**Depends on:** 1.2`, `*Requires: Phase 4.3*`.
  const keyed = new RegExp(
    String.raw`^[*_]*\s*(${w})\s*[*_]*\s*:\s*[*_]*\s*(.+)$`,
    'i',
  );
  // `_after_ 1.2`, `**Blocked by** KBP-07`.
  const emphasised = new RegExp(
    String.raw`^(\*\*|__|\*|_)(${w})\1\s+(.+)$`,
    'i',
  );
  // `Depends on 1.2` at the start of a line.
  const bare = new RegExp(String.raw`^(${w})\s+(.+)$`, 'i');
  // `(after A2)`, `[blocked by KBP-07]` anywhere.
  const bracketed = new RegExp(
    String.raw`[([]\s*[*_]*(${w})[*_]*\s*:?\s*([^)\]]+)[)\]]`,
    'gi',
  );
  // `Title — depends on A1, A2` at the end.
  const trailing = new RegExp(
    String.raw`\s[—–]\s*[*_]*(${w})[*_]*\s*:?\s*(.+)$`,
    'i',
  );
  const label = new RegExp(String.raw`^[*_]*(${w})[*_]*\s*:?\s*$`, 'i');

  return {
    inLine(raw, line) {
      const text = raw
        .replace(/^\s*(?:>\s*)*(?:[-*+•]|\d+[.)])\s+(?=\S)/, '')
        .replace(/^\[[ xX]\]\s+/, '')
        .replace(/^\|\s*/, '')
        .trim();
      const strip = (value: string) =>
        value.replace(/[\s*_]+$/, '').replace(/^[\s*_]+/, '');
      const k = keyed.exec(text);
      if (k) return [{ value: strip(k[2]), strict: true, line }];
      const e = emphasised.exec(text);
      if (e) return [{ value: strip(e[3]), strict: true, line }];
      const b = bare.exec(text);
      if (b) return [{ value: strip(b[2]), strict: false, line }];
      const found: DependencyClause[] = [...text.matchAll(bracketed)].map(
        m => ({ value: strip(m[2]), strict: false, line }),
      );
      const t = trailing.exec(text);
      if (t) found.push({ value: strip(t[2]), strict: false, line });
      return found;
    },
    inTitle(title) {
      const match = [...title.matchAll(bracketed)][0] ?? trailing.exec(title);
      if (!match) {
        return { title };
      }
      const value = match[2].replace(/[\s*_]+$/, '');
      return {
        title: (
          title.slice(0, match.index) +
          title.slice(match.index! + match[0].length)
        )
          .replace(/\s+/g, ' ')
          .trim(),
        clause: { value, strict: false },
      };
    },
    isDependencyLabel(text) {
      return label.test(text.trim());
    },
  };
}
