import { DependencyClause, DependencyPhrases } from './dependencyPhrases';
import { BUILT_IN_ID_SHAPES, idMatcher } from './idShapes';

const BUILT_IN = idMatcher(BUILT_IN_ID_SHAPES);

/** Whether `text` is one id of the built-in shapes: `1.4`, `KBP-07`, `A1`. */
export function isItemId(text: string): boolean {
  return BUILT_IN.atStart(text) === text.trim();
}

/** Splits `1.4 Title` / `KBP-07 — Title` into id and title (built-in shapes). */
export function splitItemHeading(
  text: string,
): { id: string; title: string } | undefined {
  return splitLeadingId(text, BUILT_IN.atStart);
}

/** Splits off the id `atStart` finds, and the punctuation after it. */
export function splitLeadingId(
  text: string,
  atStart: (text: string) => string | undefined,
): { id: string; title: string } | undefined {
  const trimmed = text.trim();
  const id = atStart(trimmed);
  if (!id) {
    return undefined;
  }
  const title = trimmed
    .slice(id.length)
    .replace(/^\s*[:.)]?\s*[—–-]?\s*/, '')
    .replace(/^[—–:-]\s*/, '')
    .trim();
  return { id, title };
}

/** The written fields an item (or a phase's preamble) may carry. */
export interface ItemFields {
  status?: { text: string; line: number };
  priority?: string;
  estimate?: string;
  dependsOn: DependencyClause[];
  adrs: string[];
  runbooks: string[];
  components: string[];
}

export function emptyFields(): ItemFields {
  return { dependsOn: [], adrs: [], runbooks: [], components: [] };
}

function cleanLine(line: string): string {
  return line
    .replace(/^\s*(?:>\s*)+/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/^\[[ xX]\]\s+/, '')
    .replace(/[*_`|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function splitValues(value: string): string[] {
  return value
    .split(/\s*(?:,|;|\band\b)\s*/)
    .map(v => v.replace(/^[\s[(<]+|[\s\])>.]+$/g, '').trim())
    .filter(Boolean);
}

function linkTargets(value: string): string[] {
  const links = [...value.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]);
  return links.length ? links : splitValues(value);
}

function addUnique(target: string[], values: string[]) {
  for (const value of values) {
    if (!target.includes(value)) {
      target.push(value);
    }
  }
}

/** `ADR: ADR-0002, adr:default/x` to the references as written. */
export function adrReferences(value: string): string[] {
  const entityRefs = splitValues(value).filter(v => /^adr:/i.test(v));
  const rest = splitValues(value)
    .filter(v => !/^adr:/i.test(v))
    .join(' ');
  return [
    ...[...rest.matchAll(/(?<![\w-])ADR[-_ ]?\d{1,6}\b/gi)].map(m =>
      m[0].toUpperCase().replace(/[_ ]/, '-'),
    ),
    ...entityRefs,
  ];
}

/**
 * Reads `Status:`/`State:`, `Priority:`, `Estimate:`/`SP:`, dependencies
 * (see `dependencyPhrases`), `ADR:`, `Runbook:` and `Components:` from an
 * item's lines. Only the start of a line counts for most keys, so prose that
 * mentions "status" is left alone; priority and story points may share a
 * line (`Priority: Must SP: 3`).
 */
export function readItemFields(
  lines: Array<{ text: string; line: number }>,
  fields: ItemFields,
  phrases: DependencyPhrases,
): void {
  for (const { text: raw, line } of lines) {
    const text = cleanLine(raw);
    const keyed = /^([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(.*)$/.exec(text);
    const key = keyed?.[1].toLowerCase();
    const value = keyed?.[2].trim() ?? '';
    fields.dependsOn.push(...phrases.inLine(raw, line));
    if ((key === 'status' || key === 'state') && !fields.status && value) {
      fields.status = { text: value, line };
    } else if (key === 'adr' || key === 'adrs' || key === 'decisions') {
      addUnique(fields.adrs, adrReferences(value));
    } else if (key === 'runbook' || key === 'runbooks') {
      addUnique(
        fields.runbooks,
        linkTargets(raw.slice(raw.indexOf(':') + 1).replace(/^[*\s]+/, '')),
      );
    } else if (key && ['component', 'components', 'changes'].includes(key)) {
      addUnique(fields.components, splitValues(value));
    }
    const priority = /\bPriority\s*:\s*([A-Za-z0-9][\w-]*)/i.exec(text);
    if (priority && !fields.priority) {
      fields.priority = priority[1];
    }
    const estimate =
      /\b(Estimate|Effort|SP|Story points)\s*:\s*([^,;|]+)/i.exec(text);
    if (estimate && !fields.estimate) {
      const amount = estimate[2].trim();
      fields.estimate = /^(sp|story points)$/i.test(estimate[1])
        ? `${amount} SP`
        : amount;
    }
  }
}
