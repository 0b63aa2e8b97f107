import { AdrStatus } from './types';

/**
 * The words teams write for each status, lower-cased. Two-word phrases are
 * looked up before single words, so "not accepted" is not "accepted".
 */
export const ADR_STATUS_WORDS: Record<string, AdrStatus> = {
  proposed: 'proposed',
  proposal: 'proposed',
  draft: 'proposed',
  drafted: 'proposed',
  pending: 'proposed',
  open: 'proposed',
  wip: 'proposed',
  rfc: 'proposed',
  suggested: 'proposed',
  'in review': 'proposed',
  'under review': 'proposed',
  'under discussion': 'proposed',
  'in discussion': 'proposed',
  'in progress': 'proposed',
  accepted: 'accepted',
  approved: 'accepted',
  adopted: 'accepted',
  agreed: 'accepted',
  decided: 'accepted',
  active: 'accepted',
  implemented: 'accepted',
  'in effect': 'accepted',
  rejected: 'rejected',
  declined: 'rejected',
  refused: 'rejected',
  withdrawn: 'rejected',
  abandoned: 'rejected',
  'not accepted': 'rejected',
  deprecated: 'deprecated',
  obsolete: 'deprecated',
  retired: 'deprecated',
  outdated: 'deprecated',
  sunset: 'deprecated',
  superseded: 'superseded',
  replaced: 'superseded',
};

/** The status the start of `text` names, with how many words it took. */
export function statusWordAt(
  text: string,
): { status: AdrStatus; word: string } | undefined {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (!/^[a-z]/i.test(text)) {
    return undefined;
  }
  const two = words.slice(0, 2).join(' ');
  if (words.length >= 2 && ADR_STATUS_WORDS[two]) {
    return { status: ADR_STATUS_WORDS[two], word: two };
  }
  const one = words[0];
  return one && ADR_STATUS_WORDS[one]
    ? { status: ADR_STATUS_WORDS[one], word: one }
    : undefined;
}
