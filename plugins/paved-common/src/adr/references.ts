import { AdrReference } from './types';

const MARKDOWN_LINK = /\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g;
const ADR_NUMBER = /\b(?:ADR[-\s_]?)?(\d{1,6})\b/i;

function numberFrom(text: string, target?: string): number | undefined {
  const file = target?.split(/[\\/]/).pop() ?? '';
  const fromFile = /^(?:ADR[-_]?)?(\d{1,6})(?:[-_.]|$)/i.exec(file);
  if (fromFile) {
    return Number(fromFile[1]);
  }
  const fromText = ADR_NUMBER.exec(text);
  return fromText ? Number(fromText[1]) : undefined;
}

/**
 * Finds the ADRs a phrase points at: Markdown links (`[ADR-0005](0005-x.md)`,
 * `[3. Use X](0003-use-x.md)`) or bare numbers (`ADR-0005`, `ADR 5`).
 */
export function findAdrReferences(text: string): AdrReference[] {
  const refs: AdrReference[] = [];
  let rest = text;
  for (const match of text.matchAll(MARKDOWN_LINK)) {
    const [whole, label, target] = match;
    refs.push(withNumber({ text: label.trim() || target, target }));
    rest = rest.replace(whole, ' ');
  }
  for (const match of rest.matchAll(/\bADR[-\s_]?\d{1,6}\b/gi)) {
    refs.push(withNumber({ text: match[0] }));
  }
  if (!refs.length) {
    // "Superseded by 12." in adr-tools files written by hand.
    const bare = /^\s*#?(\d{1,6})\b/.exec(text);
    if (bare) {
      refs.push({ text: bare[0].trim(), number: Number(bare[1]) });
    }
  }
  return refs;
}

function withNumber(ref: AdrReference): AdrReference {
  const number = numberFrom(ref.text, ref.target);
  return number === undefined ? ref : { ...ref, number };
}
