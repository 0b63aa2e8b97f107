import { findAdrReferences } from './references';
import { statusWordAt } from './statusWords';
import { AdrReference, AdrStatus } from './types';

export interface AdrStatusInfo {
  status?: AdrStatus;
  /** The status as written, when it is not one we know. */
  unknown?: string;
  /** An ISO date written with the status ("Accepted on 2024-03-01"). */
  date?: string;
  supersedes: AdrReference[];
  supersededBy: AdrReference[];
}

/**
 * Link phrases adr-tools and people write after or instead of a status.
 * Only the supersession ones carry meaning here; the others are skipped so
 * that their targets are not read as supersessions.
 */
const RELATION =
  /(?:^|(?<=[\s*_([,;.:—–-]))(superseded\s+by|replaced\s+by|supersedes|replaces|amends|amended\s+by|clarifies|clarified\s+by|extends|extended\s+by|related\s+to|see\s+also)\b[*_]*\s*:?[*_]*/gi;

function plainWords(text: string): string {
  return text
    .replace(/^[\s>*+\-•]*/, '')
    .replace(/[*_`~]/g, '')
    .replace(/^status\s*:\s*/i, '')
    .trim();
}

/**
 * Reads a status as people write it: `Accepted`, `accepted (2024-01-02)`,
 * `Accepted on 2024-03-01`, `**Approved** ✅`, `Superseded by [5](0005-x.md)`,
 * or adr-tools' sections (`Accepted` then `Supersedes [1. ...](0001-....md)`),
 * with the links on the same line or on their own.
 */
export function parseAdrStatus(text: string): AdrStatusInfo {
  const info: AdrStatusInfo = { supersedes: [], supersededBy: [] };
  const lines = text
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean);
  for (const line of lines) {
    const matches = [...line.matchAll(RELATION)];
    const leadText = plainWords(
      matches.length ? line.slice(0, matches[0].index) : line,
    );
    matches.forEach((match, i) => {
      const end = i + 1 < matches.length ? matches[i + 1].index : line.length;
      const target = line.slice(match.index! + match[0].length, end);
      const keyword = match[1].toLowerCase().replace(/\s+/g, ' ');
      if (keyword === 'superseded by' || keyword === 'replaced by') {
        info.status = 'superseded';
        info.supersededBy.push(...findAdrReferences(target));
      } else if (keyword === 'supersedes' || keyword === 'replaces') {
        info.supersedes.push(...findAdrReferences(target));
      }
    });
    // A `Date:` line joined to the status when the paragraph was unwrapped.
    const lead = leadText.replace(/^date\s*:\s*[\d./-]+\s*/i, '');
    if (!lead || /^date\s*:/i.test(lead)) {
      continue;
    }
    const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(lead)?.[1];
    if (date && !info.date) {
      info.date = date;
    }
    if (info.status || info.unknown) {
      continue;
    }
    // Emoji or other marks before the word ("✅ Accepted") say nothing more.
    const word = statusWordAt(lead.replace(/^[^A-Za-z]+/, ''));
    if (word) {
      info.status = word.status;
    } else if (!/^[\d\s./-]+$/.test(lead)) {
      info.unknown = lead.length > 60 ? `${lead.slice(0, 57)}...` : lead;
    }
  }
  if (info.status) {
    delete info.unknown;
  }
  return info;
}
