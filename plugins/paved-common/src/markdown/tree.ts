import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { readFrontMatter } from './frontMatter';
import { normaliseMarkdownText, unwrapParagraph } from './normalise';
import { MarkdownParseResult, parseFailure } from './result';

/** Parses Markdown with GFM (task lists, tables) and YAML front matter. */
export function parseMarkdownTree(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}

/** The plain text of a node, whitespace collapsed. */
export function plainText(node: Nodes | Nodes[]): string {
  const nodes = Array.isArray(node) ? node : [node];
  return nodes
    .map(n => toString(n))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The source text a node was parsed from. */
export function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined
    ? toString(node)
    : source.slice(start, end);
}

/**
 * The source of a node with its paragraphs unwrapped (see
 * `unwrapParagraph`): what a section says, independent of line wrapping.
 */
export function unwrappedSourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) {
    return toString(node);
  }
  const paragraphs: Array<{ from: number; to: number; quoted: boolean }> = [];
  const walk = (n: Nodes, quoted: boolean) => {
    if (n.type === 'paragraph') {
      const from = n.position?.start.offset;
      const to = n.position?.end.offset;
      if (from !== undefined && to !== undefined) {
        paragraphs.push({ from, to, quoted });
      }
      return;
    }
    if ('children' in n) {
      for (const child of n.children) {
        walk(child as Nodes, quoted || n.type === 'blockquote');
      }
    }
  };
  walk(node, false);
  let out = '';
  let at = start;
  for (const p of paragraphs) {
    out += source.slice(at, p.from);
    out += unwrapParagraph(source.slice(p.from, p.to), p.quoted);
    at = p.to;
  }
  return out + source.slice(at, end);
}

/**
 * The start both document parsers share: normalise BOM and line endings,
 * refuse an empty file, parse the tree, read the front matter (a malformed
 * one is the parse's failure). Positions in `tree` refer to `source`, the
 * normalised text, which callers must slice instead of their input.
 */
export function parseMarkdownDocument(text: string): MarkdownParseResult<{
  tree: Root;
  source: string;
  frontMatter: Record<string, unknown> | undefined;
}> {
  const source = normaliseMarkdownText(text);
  if (!source.trim()) {
    return parseFailure('empty', 'file is empty');
  }
  const tree = parseMarkdownTree(source);
  const front = readFrontMatter(tree, source);
  if (!front.ok) {
    return front;
  }
  return {
    ok: true,
    value: { tree, source, frontMatter: front.value },
    warnings: [],
  };
}
