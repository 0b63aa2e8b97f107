import type { ListItem, Nodes, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { splitLeadingId } from './fields';
import { IdMatcher } from './idShapes';
import { statusMark } from './itemStatus';
import { RoadmapItemStatus } from './types';

/** What the start of a heading, list entry or cell says about an item. */
export interface Lead {
  /** The text without checkbox or status marks. */
  text: string;
  id?: string;
  /** The text after the id, or the whole text when there is none. */
  title: string;
  /** A status given by an emoji mark or strikethrough. */
  mark?: RoadmapItemStatus;
}

const BOX = /^(?:\[[ xX]\]|[☐☑☒□])\s*/u;

/** Reads marks, id and title from one line of plain text. */
export function leadOf(raw: string, matcher: IdMatcher): Lead {
  let text = raw.replace(/\s+/g, ' ').trim().replace(BOX, '');
  let mark: RoadmapItemStatus | undefined;
  const leading = statusMark(text);
  if (leading) {
    mark = leading.status;
    text = leading.rest;
  }
  // A trailing mark, "1.2 Gateway API ✅", says the same.
  const trailing = /\s(\p{Extended_Pictographic}\ufe0f?)$/u.exec(text);
  if (trailing) {
    const status = statusMark(trailing[1]);
    if (status) {
      mark ??= status.status;
      text = text.slice(0, trailing.index).trim();
    }
  }
  const split = splitLeadingId(text, t => matcher.atStart(t));
  return split
    ? { text, id: split.id, title: split.title, mark }
    : { text, title: text, mark };
}

/** The first line of a list entry, read as a lead; struck-through is dropped. */
export function entryLead(
  entry: ListItem,
  matcher: IdMatcher,
): (Lead & { paragraph: Paragraph; lines: string[] }) | undefined {
  const first = entry.children[0];
  if (first?.type !== 'paragraph') {
    return undefined;
  }
  const lines = toString(first).split('\n');
  const lead = leadOf(lines[0], matcher);
  const struck = first.children.find(
    c => !(c.type === 'text' && !c.value.trim()),
  );
  if (struck?.type === 'delete' && first.children.length === 1) {
    lead.mark = 'dropped';
  }
  return { ...lead, paragraph: first, lines };
}

/** The texts that could start an item, for detecting id shapes. */
export function leadCandidates(node: Nodes): string[] {
  const out: string[] = [];
  const strip = (text: string) =>
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(BOX, '')
      .replace(/^\p{Extended_Pictographic}\ufe0f?\s*/u, '');
  const walk = (n: Nodes) => {
    if (n.type === 'heading') {
      out.push(strip(toString(n)));
      return;
    }
    if (n.type === 'listItem') {
      const first = n.children[0];
      if (first?.type === 'paragraph') {
        out.push(strip(toString(first).split('\n')[0]));
      }
    }
    if (n.type === 'tableRow') {
      for (const cell of n.children) out.push(strip(toString(cell)));
      return;
    }
    if ('children' in n) {
      for (const child of n.children) walk(child as Nodes);
    }
  };
  walk(node);
  return out;
}
