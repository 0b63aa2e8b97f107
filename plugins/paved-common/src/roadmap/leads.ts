import type { ListItem, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { sourceOf } from '../markdown/tree';
import { DependencyPhrases } from './dependencyPhrases';
import { FieldBlock, fieldSegments, splitLeadingId } from './fields';
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

/** Inline Markdown to the text it shows, for titles cut from the source. */
export function plainMarkdown(source: string): string {
  return source
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*|__|~~/g, '')
    .replace(/(^|[^\w])[*_](?=\S)/g, '$1')
    .replace(/(\S)[*_](?=[^\w]|$)/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A list entry read as a lead: the title is the entry's first paragraph up
 * to its first field (`Depends on:`, `_after_ A1`), whatever the wrapping;
 * `fields` is the rest. A struck-through entry is dropped.
 */
export function entryLead(
  entry: ListItem,
  matcher: IdMatcher,
  source: string,
  phrases: DependencyPhrases,
): (Lead & { fields?: FieldBlock }) | undefined {
  const first = entry.children[0];
  if (first?.type !== 'paragraph') {
    return undefined;
  }
  const raw = sourceOf(first, source);
  const line = first.position?.start.line ?? 1;
  const keyed = fieldSegments({ text: raw, line }, phrases).find(
    segment => segment.key,
  );
  let cut = keyed ? keyed.at : raw.length;
  const emphasised = phrases.emphasisedAt(raw);
  if (emphasised > 0 && emphasised < cut) cut = emphasised;
  const lead = leadOf(plainMarkdown(raw.slice(0, cut)), matcher);
  const struck =
    first.children.length === 1 && first.children[0].type === 'delete';
  if (struck) lead.mark = 'dropped';
  const rest = raw.slice(cut);
  if (!rest.trim()) return lead;
  return {
    ...lead,
    fields: {
      text: rest,
      line: line + (raw.slice(0, cut).match(/\n/g)?.length ?? 0),
    },
  };
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
        out.push(strip(toString(first)));
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
