/** An item id as roadmaps write them: `1.4`, `KBP-07`, `K8S-12`. */
export const ITEM_ID_SOURCE = String.raw`(?:\d+\.)+\d+|[A-Z][A-Z0-9]*-\d+[A-Za-z0-9]*`;

const ITEM_ID = new RegExp(`^(?:${ITEM_ID_SOURCE})$`);
const ID_AT_START = new RegExp(
  String.raw`^(${ITEM_ID_SOURCE})(?:\s*[:.)]?\s*[—–-]?\s+|\s*[:.)]\s*|$)(.*)$`,
);
/** `1.3`, `KBP-07`, or `other-roadmap#1.3` / `roadmap:team/x#1.3` for another roadmap. */
const DEPENDENCY = new RegExp(
  String.raw`^(?:[A-Za-z0-9:/._-]+#)?(?:${ITEM_ID_SOURCE})$`,
);

export function isItemId(text: string): boolean {
  return ITEM_ID.test(text);
}

/** Splits `1.4 Title` / `KBP-07 — Title` into id and title. */
export function splitItemHeading(
  text: string,
): { id: string; title: string } | undefined {
  const match = ID_AT_START.exec(text.trim());
  if (!match) {
    return undefined;
  }
  return { id: match[1], title: match[2].replace(/^[—–:-]\s*/, '').trim() };
}

/** The written fields an item may carry, one per line. */
export interface ItemFields {
  status?: { text: string; line: number };
  priority?: string;
  estimate?: string;
  dependsOn: string[];
  adrs: string[];
  runbooks: string[];
  components: string[];
}

function cleanLine(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/^\[[ xX]\]\s+/, '')
    .replace(/[*_`|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function splitValues(value: string): string[] {
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

/**
 * Reads `Status:`, `Priority:`, `Estimate:`/`SP:`, `Depends on:`, `ADR:`,
 * `Runbook:` and `Components:` from an item's lines. Only the start of a
 * line counts for most keys, so prose that mentions "status" is left alone;
 * priority and story points may share a line (`Priority: Must SP: 3`).
 */
export function readItemFields(
  lines: Array<{ text: string; line: number }>,
  fields: ItemFields,
): void {
  for (const { text: raw, line } of lines) {
    const rawLinks = raw;
    const text = cleanLine(raw);
    const keyed = /^([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(.*)$/.exec(text);
    const key = keyed?.[1].toLowerCase();
    const value = keyed?.[2].trim() ?? '';
    if (key === 'status' && !fields.status && value) {
      fields.status = { text: value, line };
    } else if (
      key &&
      ['depends on', 'dependson', 'depends', 'blocked by'].includes(key)
    ) {
      addUnique(
        fields.dependsOn,
        splitValues(value).filter(v => DEPENDENCY.test(v)),
      );
    } else if (key === 'adr' || key === 'adrs') {
      const entityRefs = splitValues(value).filter(v => /^adr:/i.test(v));
      const rest = splitValues(value)
        .filter(v => !/^adr:/i.test(v))
        .join(' ');
      const refs = [
        ...[...rest.matchAll(/(?<![\w-])ADR[-_ ]?\d{1,6}\b/gi)].map(m =>
          m[0].toUpperCase().replace(/[_ ]/, '-'),
        ),
        ...entityRefs,
      ];
      addUnique(fields.adrs, refs);
    } else if (key === 'runbook' || key === 'runbooks') {
      addUnique(
        fields.runbooks,
        linkTargets(
          rawLinks.slice(rawLinks.indexOf(':') + 1).replace(/^[*\s]+/, ''),
        ),
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
