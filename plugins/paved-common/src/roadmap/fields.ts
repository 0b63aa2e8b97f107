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

/** A paragraph or table row as written, and the line it starts on. */
export interface FieldBlock {
  text: string;
  line: number;
}

/** One `Key: value` of a block, or the text before the first key. */
export interface Segment {
  key?: string;
  value: string;
  line: number;
  /** Offset in the block's text where the segment (its key) starts. */
  at: number;
  /** The segment as written, emphasis and all. */
  raw: string;
}

/**
 * Splits a block at its field keys. A key counts at the start of the block,
 * or anywhere when it is capitalised (`Priority:`) or emphasised
 * (`**depends on:**`), so "the status: green" in prose is no field. Line
 * breaks play no part: a re-wrapped paragraph gives the same fields.
 */
export function fieldSegments(
  block: FieldBlock,
  phrases: DependencyPhrases,
): Segment[] {
  // Continuation lines of quotes carry markers: blank them, keeping offsets.
  const text = block.text.replace(
    /\n([ \t]*(?:>[ \t]?)*)/g,
    (_, markers: string) => `\n${' '.repeat(markers.length)}`,
  );
  const lineAt = (offset: number) =>
    block.line + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
  const starts: Array<{ at: number; end: number; key: string }> = [];
  for (const match of text.matchAll(phrases.keys)) {
    const at = match.index! + match[1].length;
    const atStart = !/[^\s>*_|-]/.test(text.slice(0, at));
    const key = match[3];
    if (atStart || match[2] || /^[A-Z]/.test(key)) {
      starts.push({ at, end: match.index! + match[0].length, key });
    }
  }
  const tidy = (value: string) =>
    value
      .replace(/\s+/g, ' ')
      .replace(/^[\s*_|]+|[\s*_|]+$/g, '')
      .trim();
  const segments: Segment[] = [];
  const leadRaw = text.slice(0, starts[0]?.at ?? text.length);
  const lead = tidy(leadRaw);
  if (lead) {
    segments.push({ value: lead, line: block.line, at: 0, raw: leadRaw });
  }
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.at ?? text.length;
    segments.push({
      key: start.key.toLowerCase().replace(/\s+/g, ' '),
      value: tidy(text.slice(start.end, end)),
      raw: text.slice(start.end, end),
      line: lineAt(start.at),
      at: start.at,
    });
  });
  return segments;
}

/**
 * Reads `Status:`/`State:`, `Priority:`, `Estimate:`/`SP:`, dependencies
 * (see `dependencyPhrases`), `ADR:`, `Runbook:` and `Components:` from an
 * item's paragraphs and table rows; priority and story points may share a
 * line (`Priority: Must SP: 3`).
 */
export function readItemFields(
  blocks: readonly FieldBlock[],
  fields: ItemFields,
  phrases: DependencyPhrases,
): void {
  for (const block of blocks) {
    const segments = fieldSegments(block, phrases);
    segments.forEach((segment, index) => {
      const { key, value, line, raw } = segment;
      if (!key) {
        const opening = index === 0 ? phrases.atStart(raw) : undefined;
        const clauses = opening ? [opening] : phrases.inProse(value);
        fields.dependsOn.push(...clauses.map(c => ({ ...c, line })));
        return;
      }
      if (phrases.isDependencyKey(key)) {
        fields.dependsOn.push({ value, strict: true, line });
        return;
      }
      fields.dependsOn.push(
        ...phrases.inProse(value).map(c => ({ ...c, line })),
      );
      if ((key === 'status' || key === 'state') && !fields.status && value) {
        fields.status = { text: value, line };
      } else if (key === 'adr' || key === 'adrs' || key === 'decisions') {
        addUnique(fields.adrs, adrReferences(value));
      } else if (key === 'runbook' || key === 'runbooks') {
        addUnique(fields.runbooks, linkTargets(value));
      } else if (['component', 'components', 'changes'].includes(key)) {
        addUnique(fields.components, splitValues(value));
      } else if (['priority', 'prio'].includes(key) && !fields.priority) {
        const priority = /^[A-Za-z0-9][\w-]*/.exec(value);
        if (priority) fields.priority = priority[0];
      } else if (!fields.estimate && value) {
        const amount = value.split(/[,;|]/)[0].trim();
        if (['sp', 'story points'].includes(key)) {
          fields.estimate = `${amount} SP`;
        } else if (key === 'estimate' || key === 'effort') {
          fields.estimate = amount;
        }
      }
    });
  }
}
