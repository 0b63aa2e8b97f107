import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { readFrontMatter } from './frontMatter';
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
 * The start both document parsers share: refuse an empty file, parse the
 * tree, read the front matter (a malformed one is the parse's failure).
 */
export function parseMarkdownDocument(text: string): MarkdownParseResult<{
  tree: Root;
  frontMatter: Record<string, unknown> | undefined;
}> {
  if (!text.trim()) {
    return parseFailure('empty', 'file is empty');
  }
  const tree = parseMarkdownTree(text);
  const front = readFrontMatter(tree, text);
  if (!front.ok) {
    return front;
  }
  return { ok: true, value: { tree, frontMatter: front.value }, warnings: [] };
}
