import type { Heading, List, RootContent } from 'mdast';
import { MarkdownParseResult, parseFailure } from '../markdown/result';
import {
  parseMarkdownDocument,
  plainText,
  unwrappedSourceOf,
} from '../markdown/tree';
import { normaliseAdrDate } from './dates';
import { preambleFields } from './preambleFields';
import { findAdrReferences } from './references';
import { AdrStatusInfo, parseAdrStatus } from './status';
import { AdrFormat, ParsedAdr } from './types';

/** `# 3. Title` (adr-tools), `# ADR-0003: Title`, `# ADR 3 - Title`. */
const NUMBERED_TITLE =
  /^(?:ADR[-\s_]*(\d{1,6})\s*[:.)\-–—]?|(\d{1,6})\s*[.:)])\s*(.+)$/i;

function list(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.map(v => String(v).trim()).filter(Boolean);
  }
  if (typeof value === 'string') {
    return value
      .split(/[,;]/)
      .map(v => v.trim())
      .filter(Boolean);
  }
  return [];
}

/** `## 2. Context:` and `## Context` name the same section. */
function sectionName(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/^\d+[.)]\s+/, '')
    .replace(/\s*:$/, '')
    .trim();
}

function numberFromFileName(fileName?: string): number | undefined {
  const base = fileName?.split(/[\\/]/).pop() ?? '';
  const match = /^(?:ADR[-_]?)?(\d{1,6})[-_.]/i.exec(base);
  return match ? Number(match[1]) : undefined;
}

/**
 * Parses an ADR in any of the layouts teams use: Nygard / adr-tools
 * (`# N. Title`, `Date:`, `## Status`), MADR 2 (a `* Status:` list under the
 * title) and MADR 3 (YAML front matter). Never throws; a document that
 * cannot be an ADR gives a typed error.
 *
 * @param text - the Markdown
 * @param options - `fileName` supplies the number when the title has none
 */
export function parseAdrMarkdown(
  text: string,
  options: { fileName?: string } = {},
): MarkdownParseResult<ParsedAdr> {
  const doc = parseMarkdownDocument(text);
  if (!doc.ok) {
    return doc;
  }
  // Offsets in the tree refer to the normalised source, not to `text`.
  const { tree, source, frontMatter: meta } = doc.value;
  const warnings: string[] = [];

  const titleIndex = tree.children.findIndex(
    n => n.type === 'heading' && n.depth === 1,
  );
  const metaTitle = typeof meta?.title === 'string' ? meta.title : undefined;
  const rawTitle =
    titleIndex >= 0 ? plainText(tree.children[titleIndex]) : metaTitle?.trim();
  if (!rawTitle) {
    return parseFailure(
      'missing-title',
      'no title: expected a "# Title" heading at the top',
    );
  }
  const numbered = NUMBERED_TITLE.exec(rawTitle);
  const title = numbered ? numbered[3].trim() : rawTitle;
  const number = numbered
    ? Number(numbered[1] ?? numbered[2])
    : numberFromFileName(options.fileName);

  // Sections are the level-2 headings; the preamble is what precedes them.
  const sections: Record<string, string> = {};
  const sectionNodes = new Map<string, RootContent[]>();
  const preamble: RootContent[] = [];
  let current: RootContent[] = preamble;
  // "## Status: Accepted" puts the status in the heading itself.
  let headingStatus: { text: string; line?: number } | undefined;
  tree.children.forEach((node, index) => {
    if (index === titleIndex || node.type === 'yaml') {
      return;
    }
    if (node.type === 'heading' && (node as Heading).depth <= 2) {
      const heading = plainText(node);
      const inline = /^status\s*[:—–-]\s*(\S.*)$/i.exec(heading);
      if (inline && !headingStatus) {
        headingStatus = { text: inline[1], line: node.position?.start.line };
      }
      const name = inline ? 'status' : sectionName(heading);
      current = [];
      if (!sectionNodes.has(name)) {
        sectionNodes.set(name, current);
      }
      return;
    }
    current.push(node);
  });
  for (const [name, nodes] of sectionNodes) {
    // Unwrapped, so a section reads the same however it was wrapped.
    sections[name] = nodes
      .map(n => unwrappedSourceOf(n, source).trim())
      .join('\n\n');
  }
  if (headingStatus && !sections.status) {
    sections.status = headingStatus.text;
  }
  const fields = preambleFields(preamble, source);

  let format: AdrFormat;
  let statusText: string | undefined;
  let statusLine: number | undefined;
  if (meta) {
    format = 'madr3';
    statusText = meta.status === undefined ? undefined : String(meta.status);
    statusLine = 2;
  } else if (preamble.some(n => n.type === 'list') && fields.has('status')) {
    format = 'madr2';
    statusText = fields.get('status');
    statusLine = (preamble.find(n => n.type === 'list') as List).position?.start
      .line;
  } else {
    format = 'nygard';
    statusText = sections.status || fields.get('status');
    statusLine =
      sectionNodes.get('status')?.[0]?.position?.start.line ??
      headingStatus?.line;
  }

  let status: AdrStatusInfo = { supersedes: [], supersededBy: [] };
  if (statusText?.trim()) {
    status = parseAdrStatus(statusText);
    if (status.unknown !== undefined) {
      return parseFailure(
        'unknown-status',
        `unknown status "${status.unknown}"; expected one of proposed, accepted, rejected, deprecated, superseded`,
        statusLine,
      );
    }
  }
  if (!status.status) {
    warnings.push('no status given; treated as proposed');
  }
  // MADR 3 may also list what it supersedes in the front matter.
  if (meta?.supersedes !== undefined) {
    for (const entry of list(meta.supersedes)) {
      status.supersedes.push(...findAdrReferences(entry));
    }
  }

  const rawDate =
    meta?.date ?? fields.get('date') ?? fields.get('last updated');
  // "Accepted on 2024-03-01" dates the record when no Date line does.
  const date =
    normaliseAdrDate(rawDate) ??
    (rawDate === undefined ? status.date : undefined);
  if (rawDate !== undefined && rawDate !== '' && !date) {
    warnings.push(`date "${String(rawDate)}" is not a date we can read`);
  }

  const value: ParsedAdr = {
    format,
    title,
    status: status.status ?? 'proposed',
    deciders: list(meta?.deciders ?? fields.get('deciders')),
    consulted: list(meta?.consulted ?? fields.get('consulted')),
    informed: list(meta?.informed ?? fields.get('informed')),
    supersedes: status.supersedes,
    supersededBy: status.supersededBy,
    sections,
  };
  if (number !== undefined) {
    value.number = number;
  }
  if (date) {
    value.date = date;
  }
  return { ok: true, value, warnings };
}
