import type { List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { MarkdownParseResult, parseFailure } from '../markdown/result';
import { parseMarkdownDocument, plainText, sourceOf } from '../markdown/tree';
import {
  isItemId,
  ItemFields,
  readItemFields,
  splitItemHeading,
} from './fields';
import { normaliseItemStatus, statusFromProgress } from './itemStatus';
import {
  ParsedRoadmap,
  RoadmapItem,
  RoadmapPhase,
  RoadmapProgress,
} from './types';

interface ItemDraft {
  id: string;
  title: string;
  /** Heading depth; list-defined items sit below every heading. */
  depth: number;
  definedBy: 'heading' | 'list';
  phase: PhaseDraft;
  progress: RoadmapProgress;
  fields: ItemFields;
}

interface PhaseDraft {
  title: string;
  items: ItemDraft[];
  loose: RoadmapProgress;
}

type Heading = { depth: number; text: string };

const DONE_MARKS = /^[☑☒✅✓✔]/;
const OPEN_MARKS = /^[☐□]/;

/**
 * Plain-text roadmaps (exported from PDFs or docs) carry no `#`; there, a
 * single line like `3 Getting Started` is a section and `K8S-01 — Title` an
 * item heading.
 */
function pseudoHeading(node: RootContent, source: string): Heading | undefined {
  if (node.type !== 'paragraph') {
    return undefined;
  }
  const text = sourceOf(node, source).trim();
  if (text.includes('\n') || text.length > 100) {
    return undefined;
  }
  if (/^\d{1,3}\s+[A-Z]/.test(text) && !/[.:;,]$/.test(text)) {
    return { depth: 1, text };
  }
  const item = splitItemHeading(text);
  if (item && item.title && /^\S+\s+[—–-]\s+\S/.test(text)) {
    return { depth: 2, text };
  }
  return undefined;
}

/** A task list item: GFM `[ ]`/`[x]`, or ☐/☑ left by document converters. */
function checkboxState(item: ListItem): boolean | undefined {
  if (typeof item.checked === 'boolean') {
    return item.checked;
  }
  const first = item.children[0];
  if (first?.type !== 'paragraph') {
    return undefined;
  }
  const text = plainText(first);
  if (DONE_MARKS.test(text)) {
    return true;
  }
  return OPEN_MARKS.test(text) ? false : undefined;
}

/** `- **KBP-07** — Title`: a list entry that names an item. */
function listDefinedItem(
  item: ListItem,
): { id: string; title: string } | undefined {
  const first = item.children[0] as Paragraph | undefined;
  const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (lead?.type !== 'strong') {
    return undefined;
  }
  const id = plainText(lead).replace(/:$/, '');
  if (!isItemId(id)) {
    return undefined;
  }
  const title = plainText(first!.children.slice(1) as Nodes[])
    .replace(/^[\s:—–-]+/, '')
    .trim();
  return { id, title };
}

function toItem(draft: ItemDraft, problems: string[]): RoadmapItem | undefined {
  const { fields, progress } = draft;
  let status = statusFromProgress(progress);
  if (fields.status) {
    const written = normaliseItemStatus(fields.status.text);
    if (!written) {
      problems.push(
        `line ${fields.status.line}: item ${draft.id} has unknown status "${fields.status.text}"; expected planned, in-progress, blocked, done or dropped`,
      );
      return undefined;
    }
    status = written;
  }
  const item: RoadmapItem = {
    id: draft.id,
    title: draft.title || draft.id,
    status,
    progress: { ...progress },
  };
  if (fields.priority) item.priority = fields.priority;
  if (fields.estimate) item.estimate = fields.estimate;
  if (fields.dependsOn.length) item.dependsOn = fields.dependsOn;
  if (fields.adrs.length) item.adrs = fields.adrs;
  if (fields.runbooks.length) item.runbooks = fields.runbooks;
  if (fields.components.length) item.components = fields.components;
  return item;
}

/**
 * Parses a roadmap written as Markdown (or as the plain text documents
 * become when exported): headings are phases, headings or bold list entries
 * that start with an id (`1.4`, `KBP-07`) are items, and every checkbox is
 * counted once, against the innermost item or phase that holds it.
 *
 * A heading becomes a phase only if it holds items, so overviews and notes
 * are not phases. An id seen first in a list and later under its own heading
 * is the same item, placed where its heading is.
 */
export function parseRoadmapMarkdown(
  text: string,
): MarkdownParseResult<ParsedRoadmap> {
  const doc = parseMarkdownDocument(text);
  if (!doc.ok) {
    return doc;
  }
  const { tree, frontMatter } = doc.value;
  const warnings: string[] = [];
  const plainTextMode = !tree.children.some(n => n.type === 'heading');

  const phases: PhaseDraft[] = [];
  const items = new Map<string, ItemDraft>();
  const documentLoose: RoadmapProgress = { done: 0, total: 0 };
  let phase: PhaseDraft | undefined;
  let item: ItemDraft | undefined;
  let title =
    typeof frontMatter?.title === 'string' ? frontMatter.title : undefined;

  const ensurePhase = (): PhaseDraft => {
    if (!phase) {
      phase = {
        title: title ?? 'Roadmap',
        items: [],
        loose: { done: 0, total: 0 },
      };
      phases.push(phase);
    }
    return phase;
  };

  const defineItem = (
    id: string,
    itemTitle: string,
    depth: number,
    definedBy: 'heading' | 'list',
  ): ItemDraft => {
    const existing = items.get(id);
    const home = ensurePhase();
    if (existing) {
      if (definedBy === 'heading' && existing.definedBy === 'list') {
        // The heading is the item's full entry: move the item there.
        existing.phase.items = existing.phase.items.filter(i => i !== existing);
        home.items.push(existing);
        existing.phase = home;
        existing.definedBy = 'heading';
        existing.depth = depth;
        existing.title = itemTitle || existing.title;
      } else if (definedBy === 'heading') {
        warnings.push(
          `item ${id} has more than one heading; merged into the first`,
        );
      }
      return existing;
    }
    const draft: ItemDraft = {
      id,
      title: itemTitle,
      depth,
      definedBy,
      phase: home,
      progress: { done: 0, total: 0 },
      fields: { dependsOn: [], adrs: [], runbooks: [], components: [] },
    };
    items.set(id, draft);
    home.items.push(draft);
    return draft;
  };

  const count = (owner: ItemDraft | undefined, done: boolean) => {
    const tally = owner?.progress ?? phase?.loose ?? documentLoose;
    tally.total += 1;
    if (done) tally.done += 1;
  };

  // Lists may sit inside block quotes or other lists; walk them all.
  const visitContent = (node: Nodes, owner: ItemDraft | undefined): void => {
    if (node.type === 'list') {
      for (const entry of (node as List).children) {
        let entryOwner = owner;
        const named = listDefinedItem(entry);
        if (named && !items.has(named.id)) {
          entryOwner = defineItem(named.id, named.title, Infinity, 'list');
        }
        const checked = checkboxState(entry);
        if (checked !== undefined) {
          count(entryOwner, checked);
        }
        entry.children.forEach(child => visitContent(child, entryOwner));
      }
    } else if ('children' in node && node.type !== 'paragraph') {
      node.children.forEach(child => visitContent(child as Nodes, owner));
    }
  };

  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    let heading: Heading | undefined;
    if (node.type === 'heading') {
      heading = { depth: node.depth, text: plainText(node) };
    } else if (plainTextMode) {
      heading = pseudoHeading(node, text);
    }
    if (
      !title &&
      (heading?.depth === 1 || (plainTextMode && node.type === 'paragraph'))
    ) {
      title = heading?.text ?? sourceOf(node, text).split('\n')[0].trim();
    }
    if (heading) {
      const named = splitItemHeading(heading.text);
      if (named) {
        item = defineItem(named.id, named.title, heading.depth, 'heading');
        continue;
      }
      if (item && heading.depth > item.depth) {
        continue; // a sub-heading inside an item
      }
      phase = { title: heading.text, items: [], loose: { done: 0, total: 0 } };
      phases.push(phase);
      item = undefined;
      continue;
    }
    if (item) {
      const start = node.position?.start.line ?? 1;
      readItemFields(
        sourceOf(node, text)
          .split(/\r?\n/)
          .map((line, i) => ({ text: line, line: start + i })),
        item.fields,
      );
    }
    visitContent(node, item);
  }

  const problems: string[] = [];
  const result: RoadmapPhase[] = [];
  const total: RoadmapProgress = { ...documentLoose };
  for (const draft of phases) {
    if (!draft.items.length) {
      // Headings without items are not phases, but their checkboxes still count.
      total.done += draft.loose.done;
      total.total += draft.loose.total;
      continue;
    }
    const progress = { ...draft.loose };
    const phaseItems: RoadmapItem[] = [];
    for (const itemDraft of draft.items) {
      const done = toItem(itemDraft, problems);
      if (done) {
        phaseItems.push(done);
        progress.done += done.progress.done;
        progress.total += done.progress.total;
      }
    }
    total.done += progress.done;
    total.total += progress.total;
    result.push({ title: draft.title, items: phaseItems, progress });
  }
  if (problems.length) {
    const line = /^line (\d+)/.exec(problems[0]);
    return parseFailure(
      'unknown-status',
      problems.join('; '),
      line ? Number(line[1]) : undefined,
    );
  }
  const value: ParsedRoadmap = { phases: result, progress: total };
  if (title) value.title = title;
  return { ok: true, value, warnings };
}
