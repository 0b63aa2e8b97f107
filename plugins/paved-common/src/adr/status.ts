import { findAdrReferences } from './references';
import { AdrReference, AdrStatus } from './types';

const STATUS_WORDS: Record<string, AdrStatus> = {
  proposed: 'proposed',
  draft: 'proposed',
  accepted: 'accepted',
  approved: 'accepted',
  rejected: 'rejected',
  deprecated: 'deprecated',
  superseded: 'superseded',
};

export interface AdrStatusInfo {
  status?: AdrStatus;
  /** The status word as written, when it is not one we know. */
  unknown?: string;
  supersedes: AdrReference[];
  supersededBy: AdrReference[];
}

/**
 * Reads a status as people write it: `Accepted`, `accepted (2024-01-02)`,
 * `Superseded by [ADR-0005](0005-x.md)`, or adr-tools' multi-line sections
 * (`Accepted` then `Supersedes [1. ...](0001-....md)`).
 */
export function parseAdrStatus(text: string): AdrStatusInfo {
  const info: AdrStatusInfo = { supersedes: [], supersededBy: [] };
  const lines = text
    .split(/\r?\n/)
    .map(l =>
      l
        .replace(/^[\s>*+-]*/, '')
        .replace(/[*_`]/g, '')
        .trim(),
    )
    .filter(Boolean);
  for (const line of lines) {
    const superseded = /^superseded\s+by\b:?\s*(.*)$/i.exec(line);
    if (superseded) {
      info.status = 'superseded';
      info.supersededBy.push(...findAdrReferences(superseded[1]));
      continue;
    }
    const supersedes = /^supersedes\b:?\s*(.*)$/i.exec(line);
    if (supersedes) {
      info.supersedes.push(...findAdrReferences(supersedes[1]));
      continue;
    }
    // Other adr-tools link lines ("Amends", "Clarified by") carry no status.
    if (/^(amends|amended by|clarifies|clarified by)\b/i.test(line)) {
      continue;
    }
    if (info.status || info.unknown) {
      continue;
    }
    const word = /^([a-z][a-z-]*)/i.exec(line)?.[1].toLowerCase();
    if (word && STATUS_WORDS[word]) {
      info.status = STATUS_WORDS[word];
    } else if (!/^date\b/i.test(line)) {
      info.unknown = line.length > 60 ? `${line.slice(0, 57)}...` : line;
    }
  }
  if (info.status) {
    delete info.unknown;
  }
  return info;
}
