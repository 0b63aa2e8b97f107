import type { List, ListItem, Nodes, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { MarkdownParseResult, parseFailure } from '../markdown/result';
import { parseMarkdownDocument, plainText, sourceOf } from '../markdown/tree';
import { DependencyClause, dependencyPhrases } from './dependencyPhrases';
import { emptyFields, FieldBlock, ItemFields, readItemFields } from './fields';
import {
  detectIdShapes,
  BUILT_IN_ID_SHAPES,
  idMatcher,
  isPeriod,
} from './idShapes';
import { normaliseItemStatus, statusFromProgress } from './itemStatus';
import { entryLead, leadCandidates, leadOf } from './leads';
import { noItemsMessage } from './noItems';
import {
  phaseNames,
  resolveDependencies,
  titleKey,
} from './resolveDependencies';
import { tableItems, TableRowItem } from './tableItems';
import {
  ParsedRoadmap,
  RoadmapItem,
  RoadmapItemStatus,
  RoadmapPhase,
  RoadmapProgress,
} from './types';
import {
  compileRoadmapVocabulary,
  CompiledRoadmapVocabulary,
} from './vocabulary';

/** How items are found: by id; else sub-headings; else list entries. */
type Mode = 'ids' | 'headings' | 'entries';

interface ItemDraft {
  id: string;
  title: string;
  /** Heading depth; list- and table-defined items sit below every heading. */
  depth: number;
  definedBy: 'heading' | 'list' | 'table';
  phase: PhaseDraft;
  progress: RoadmapProgress;
  fields: ItemFields;
  mark?: RoadmapItemStatus;
}

interface PhaseDraft {
  title: string;
  /** The id a phase heading starts with (`M1 — Foundations`). */
  code?: string;
  depth: number;
  items: ItemDraft[];
  loose: RoadmapProgress;
  /** Dependencies written under the phase heading: every item has them. */
  fields: ItemFields;
  ordinal?: number;
}

type HeadingInfo = { depth: number; text: string };

export interface RoadmapParseOptions {
  /** A roadmap's own id patterns and words (see `readRoadmapVocabulary`). */
  vocabulary?: CompiledRoadmapVocabulary;
}

const DONE_MARKS = /^[☑☒✅✓✔]/u;
const OPEN_MARKS = /^[☐□]/u;
const DEFAULT_VOCABULARY = (() => {
  const compiled = compileRoadmapVocabulary({});
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.value;
})();

/** A task list item: GFM `[ ]`/`[x]`, or ☐/☑/✅ left by document converters. */
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

/**
 * The paragraphs and table rows under a node, as written: where fields are
 * read. Code blocks and headings hold none.
 */
function blocksOf(node: Nodes, source: string): FieldBlock[] {
  const blocks: FieldBlock[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'paragraph' || n.type === 'tableRow') {
      blocks.push({
        text: sourceOf(n, source),
        line: n.position?.start.line ?? 1,
      });
    } else if ('children' in n && n.type !== 'heading') {
      n.children.forEach(child => walk(child as Nodes));
    }
  };
  walk(node);
  return blocks;
}

/**
 * Parses a roadmap written as Markdown (or as the plain text documents
 * become when exported). Headings are phases; headings, list entries and
 * table rows that start with an item id are items. Id shapes (`1.2`,
 * `KBP-07`, `Q3-2025-01`, `A1`...) are detected from the document, or given
 * by the vocabulary. A document without ids falls back to sub-headings under
 * phase headings, then to checkbox, status-emoji or numbered list entries,
 * with positional ids (`2.3`: third item of the second phase).
 *
 * Every checkbox is counted once, against the innermost item or phase that
 * holds it. A heading becomes a phase only if it holds items, so overviews
 * and notes are not phases; an id'd heading holding id'd items is a phase
 * with a code. Dependencies (`Depends on:`, `**Blocked by:**`, `_after_`,
 * `(requires A2)`) may name items, other roadmaps' items (`ref#id`) or whole
 * phases, which stand for all their items.
 *
 * A document that yields no items is an error (`no-roadmap-items`) that
 * says what was looked for; it never parses as an empty roadmap.
 */
export function parseRoadmapMarkdown(
  text: string,
  options: RoadmapParseOptions = {},
): MarkdownParseResult<ParsedRoadmap> {
  const doc = parseMarkdownDocument(text);
  if (!doc.ok) {
    return doc;
  }
  const { tree, source, frontMatter } = doc.value;
  const vocabulary = options.vocabulary ?? DEFAULT_VOCABULARY;
  const phrases = dependencyPhrases(vocabulary.dependencyWords);
  const nodes = tree.children.filter(n => n.type !== 'yaml');
  const plainTextMode = !nodes.some(n => n.type === 'heading');

  // Which id shapes this document uses, from everything that could be an item.
  const candidates = nodes.flatMap(node => {
    if (plainTextMode && node.type === 'paragraph') {
      const line = sourceOf(node, source).trim();
      return line.includes('\n') ? [] : [line];
    }
    return leadCandidates(node);
  });
  const matcher = idMatcher(vocabulary.idShapes ?? detectIdShapes(candidates));

  /**
   * Plain-text roadmaps carry no `#`; there, a single line like `3 Getting
   * Started` is a section and `K8S-01 — Title` an item heading.
   */
  const pseudoHeading = (node: RootContent): HeadingInfo | undefined => {
    if (node.type !== 'paragraph') return undefined;
    const line = sourceOf(node, source).trim();
    if (line.includes('\n') || line.length > 100) return undefined;
    if (/^\d{1,3}\s+[A-Z]/.test(line) && !/[.:;,]$/.test(line)) {
      return { depth: 1, text: line };
    }
    const lead = leadOf(line, matcher);
    if (lead.id && lead.title && /^\S+\s+[—–-]\s+\S/.test(lead.text)) {
      return { depth: 2, text: line };
    }
    return undefined;
  };
  const headings: Array<HeadingInfo | undefined> = nodes.map(node => {
    if (node.type === 'heading') {
      return { depth: node.depth, text: plainText(node) };
    }
    return plainTextMode ? pseudoHeading(node) : undefined;
  });

  // Entries that are items have a title; `- COST-1` alone is a reference.
  const listHasItems = (node: RootContent) =>
    node.type === 'list' &&
    node.children.some(entry => {
      const lead = entryLead(entry, matcher, source, phrases);
      return lead?.id && lead.title;
    });
  const tableHasIds = (node: RootContent) =>
    node.type === 'table' &&
    !!tableItems(node, matcher, phrases)?.some(row => row.id);

  // An id'd heading holding id'd headings, or item entries or rows before
  // any sub-heading, is a phase with a code (`M1 — Foundations`).
  const containers = new Set<number>();
  headings.forEach((heading, i) => {
    if (!heading || !leadOf(heading.text, matcher).id) return;
    let direct = true;
    for (let j = i + 1; j < nodes.length; j++) {
      const inner = headings[j];
      if (inner && inner.depth <= heading.depth) break;
      if (inner) direct = false;
      if (
        (inner && leadOf(inner.text, matcher).id) ||
        (direct && (listHasItems(nodes[j]) || tableHasIds(nodes[j])))
      ) {
        containers.add(i);
        break;
      }
    }
  });

  let title =
    typeof frontMatter?.title === 'string' ? frontMatter.title : undefined;
  // The title: front matter, else the first `#` heading, else (plain text)
  // the first line.
  const firstH1 = nodes.findIndex(n => n.type === 'heading' && n.depth === 1);
  let titleIndex = plainTextMode
    ? nodes.findIndex(n => n.type === 'paragraph')
    : firstH1;
  if (title) titleIndex = -1;
  if (!title && titleIndex >= 0) {
    title =
      headings[titleIndex]?.text ??
      sourceOf(nodes[titleIndex], source).split('\n')[0].trim();
  }

  const warnings: string[] = [];
  const walk = (mode: Mode) => {
    const phases: PhaseDraft[] = [];
    const items = new Map<string, ItemDraft>();
    const documentLoose: RoadmapProgress = { done: 0, total: 0 };
    let phase: PhaseDraft | undefined;
    let item: ItemDraft | undefined;
    let dependencyList = false;
    let numberedPhases = 0;

    const depths = [
      ...new Set(
        headings.filter((h, i) => h && i !== titleIndex).map(h => h!.depth),
      ),
    ].sort((a, b) => a - b);
    const itemDepth = mode === 'headings' ? depths[1] : undefined;

    const newPhase = (heading: string, depth: number, code?: string) => {
      const draft: PhaseDraft = {
        title: heading,
        depth,
        items: [],
        loose: { done: 0, total: 0 },
        fields: emptyFields(),
      };
      if (code) draft.code = code;
      phases.push(draft);
      return draft;
    };
    const ensurePhase = (): PhaseDraft => {
      phase ??= newPhase(title ?? 'Roadmap', 0);
      return phase;
    };
    const phaseNamed = (name: string): PhaseDraft =>
      phases.find(p => p.title === name) ?? newPhase(name, Infinity);

    /** `2.3` for the third item of the second phase, when none has an id. */
    const positionalId = (home: PhaseDraft): string => {
      home.ordinal ??= ++numberedPhases;
      const names = phaseNames(home.title, home.code);
      const number =
        home.code ?? names.find(n => /^\d+$/.test(n)) ?? String(home.ordinal);
      let n = home.items.length + 1;
      while (items.has(`${number}.${n}`)) n++;
      return `${number}.${n}`;
    };

    const defineItem = (
      id: string,
      itemTitle: string,
      depth: number,
      definedBy: ItemDraft['definedBy'],
      home: PhaseDraft = ensurePhase(),
    ): ItemDraft => {
      const existing = items.get(id);
      if (existing) {
        if (definedBy === 'heading' && existing.definedBy !== 'heading') {
          // The heading is the item's full entry: move the item there.
          existing.phase.items = existing.phase.items.filter(
            i => i !== existing,
          );
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
        fields: emptyFields(),
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

    const fromTable = (row: TableRowItem) => {
      const home = row.phase ? phaseNamed(row.phase) : ensurePhase();
      const id = row.id ?? positionalId(home);
      const draft = defineItem(id, row.title, Infinity, 'table', home);
      const f = draft.fields;
      if (row.status && !f.status) {
        f.status = { text: row.status, line: row.line ?? 0 };
      }
      if (row.mark) draft.mark ??= row.mark;
      f.priority ??= row.priority;
      f.estimate ??= row.estimate;
      f.dependsOn.push(...row.dependsOn);
      f.adrs.push(...row.adrs.filter(a => !f.adrs.includes(a)));
      f.components.push(...row.components);
      f.runbooks.push(...row.runbooks);
    };

    /** A list entry that is an item, read from its first lines. */
    const fromEntry = (entry: ListItem, list: List): ItemDraft | undefined => {
      const lead = entryLead(entry, matcher, source, phrases);
      if (!lead) return undefined;
      let id = lead.id;
      if (mode === 'ids') {
        if (!id || items.has(id)) return undefined;
      } else if (mode === 'entries') {
        // Numbered lists are items only under numbered phases ("Phase 2"),
        // so an ADR's list of considered options is not a roadmap.
        const home = ensurePhase();
        const numbered =
          list.ordered &&
          (!!home.code ||
            phaseNames(home.title).some(name => /^\d+$/.test(name)));
        const marked =
          checkboxState(entry) !== undefined || lead.mark || numbered;
        if (!marked || !lead.text) return undefined;
        id = positionalId(ensurePhase());
      } else {
        return undefined;
      }
      const split = phrases.inTitle(lead.id ? lead.title : lead.text);
      const draft = defineItem(id!, split.title, Infinity, 'list');
      if (lead.mark) draft.mark ??= lead.mark;
      if (split.clause) draft.fields.dependsOn.push(split.clause);
      const blocks = entry.children
        .slice(1)
        .flatMap(child => blocksOf(child, source));
      if (lead.fields) blocks.unshift(lead.fields);
      readItemFields(blocks, draft.fields, phrases);
      return draft;
    };

    // Lists may sit inside block quotes or other lists; walk them all.
    const visitContent = (node: Nodes, owner: ItemDraft | undefined): void => {
      if (node.type === 'list') {
        for (const entry of (node as List).children) {
          let entryOwner = owner;
          if (!owner) {
            entryOwner = fromEntry(entry, node as List) ?? owner;
          } else if (dependencyList && owner === item) {
            // Entries under a "Dependencies" sub-heading name dependencies.
            owner.fields.dependsOn.push({
              value: toString(entry.children[0] ?? entry).split('\n')[0],
              strict: true,
              line: entry.position?.start.line,
            });
          }
          const checked = checkboxState(entry);
          if (checked !== undefined) {
            count(entryOwner, checked);
          }
          entry.children.forEach(child => visitContent(child, entryOwner));
        }
      } else if (node.type === 'table') {
        const rows = owner
          ? undefined
          : tableItems(node as Table, matcher, phrases);
        for (const row of rows ?? []) {
          if (row.id || mode === 'entries') fromTable(row);
        }
      } else if ('children' in node && node.type !== 'paragraph') {
        node.children.forEach(child => visitContent(child as Nodes, owner));
      }
    };

    nodes.forEach((node, index) => {
      const heading = headings[index];
      if (heading) {
        dependencyList = false;
        const lead = leadOf(heading.text, matcher);
        const isItem =
          mode === 'ids'
            ? !!lead.id && !containers.has(index) && !isPeriod(heading.text)
            : mode === 'headings' &&
              heading.depth === itemDepth &&
              !!phase &&
              phase.depth < heading.depth;
        if (isItem) {
          const id = mode === 'ids' ? lead.id! : positionalId(phase!);
          const split = phrases.inTitle(
            mode === 'ids' ? lead.title : lead.text,
          );
          item = defineItem(id, split.title, heading.depth, 'heading');
          if (lead.mark) item.mark ??= lead.mark;
          if (split.clause) item.fields.dependsOn.push(split.clause);
          return;
        }
        if (item && heading.depth > item.depth) {
          // A sub-heading inside an item.
          dependencyList = phrases.isDependencyLabel(heading.text);
          return;
        }
        phase = newPhase(
          heading.text,
          heading.depth,
          containers.has(index) ? lead.id : undefined,
        );
        item = undefined;
        return;
      }
      if (item) {
        readItemFields(blocksOf(node, source), item.fields, phrases);
      } else if (phase && node.type === 'paragraph') {
        // Under a phase heading, before its items: the phase's own lines.
        readItemFields(blocksOf(node, source), phase.fields, phrases);
      }
      visitContent(node, item);
    });
    return { phases, items, documentLoose };
  };

  // Sub-headings are items only if one of them reads like an item (boxes,
  // a status, a dependency): an ADR's "### Consequences" is no roadmap.
  const readsLikeItems = (w: ReturnType<typeof walk>) =>
    [...w.items.values()].some(
      d =>
        d.progress.total ||
        d.mark ||
        d.fields.status ||
        d.fields.dependsOn.length ||
        d.phase.fields.dependsOn.length,
    );
  let walked = walk('ids');
  for (const fallback of ['headings', 'entries'] as const) {
    if (walked.items.size || vocabulary.idShapes) break;
    walked = walk(fallback);
    if (fallback === 'headings' && !readsLikeItems(walked)) {
      walked.items.clear();
    }
  }
  const { phases, items, documentLoose } = walked;

  if (!items.size) {
    let checkboxes = 0;
    let tables = 0;
    const countAll = (node: Nodes) => {
      if (node.type === 'listItem' && checkboxState(node) !== undefined) {
        checkboxes++;
      }
      if (node.type === 'table') tables++;
      if ('children' in node) node.children.forEach(c => countAll(c as Nodes));
    };
    nodes.forEach(countAll);
    return parseFailure(
      'no-roadmap-items',
      noItemsMessage({
        headings: headings.filter(Boolean).length,
        checkboxes,
        tables,
        shapesTried: vocabulary.idShapes ?? BUILT_IN_ID_SHAPES,
        configured: !!vocabulary.idShapes,
      }),
    );
  }

  const withItems = phases.filter(p => p.items.length);
  const targets = {
    matcher,
    items: new Map([...items].map(([id, d]) => [id, { id, title: d.title }])),
    titles: new Map([...items].map(([id, d]) => [titleKey(d.title), id])),
    phases: withItems.map(p => ({
      title: p.title,
      names: phaseNames(p.title, p.code),
      itemIds: p.items.map(i => i.id),
    })),
  };

  const problems: string[] = [];
  const toItem = (draft: ItemDraft): RoadmapItem | undefined => {
    const { fields, progress } = draft;
    let status = draft.mark ?? statusFromProgress(progress);
    if (fields.status) {
      const written = normaliseItemStatus(
        fields.status.text,
        vocabulary.statusWords,
      );
      if (!written) {
        problems.push(
          `line ${fields.status.line}: item ${draft.id} has unknown status "${fields.status.text}"; expected planned, in-progress, blocked, done or dropped`,
        );
        return undefined;
      }
      status = written;
    }
    const result: RoadmapItem = {
      id: draft.id,
      title: draft.title || draft.id,
      status,
      progress: { ...progress },
    };
    const clauses: DependencyClause[] = [
      ...draft.phase.fields.dependsOn,
      ...fields.dependsOn,
    ];
    const dependsOn = resolveDependencies(clauses, draft.id, targets, warnings);
    if (fields.priority) result.priority = fields.priority;
    if (fields.estimate) result.estimate = fields.estimate;
    if (dependsOn.length) result.dependsOn = dependsOn;
    if (fields.adrs.length) result.adrs = fields.adrs;
    if (fields.runbooks.length) result.runbooks = fields.runbooks;
    if (fields.components.length) result.components = fields.components;
    return result;
  };

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
      const done = toItem(itemDraft);
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
