import type { RootContent } from 'mdast';
import { unwrappedSourceOf } from '../markdown/tree';

/** Metadata keys ADR templates put under the title. */
const KEYS = [
  'status',
  'date',
  'last updated',
  'deciders',
  'decision makers',
  'consulted',
  'informed',
  'authors',
  'author',
  'owner',
  'tags',
  'technical story',
];

const KEY = new RegExp(
  String.raw`(^|\s)([*_]{0,2})(${KEYS.join('|').replace(
    / /g,
    '\\s+',
  )})[*_]{0,2}\s*:[*_]{0,2}`,
  'gi',
);

/**
 * `Key: value` metadata from the paragraphs and MADR 2 / log4brains lists
 * under the title. Paragraphs are unwrapped and split at known keys (a key
 * counts at the start, or capitalised or emphasised elsewhere), so
 * `**Status:** Approved\n**Date:** 2024-02-26` reads the same on one line.
 * The first value of a key wins.
 */
export function preambleFields(
  nodes: RootContent[],
  source: string,
): Map<string, string> {
  const values = new Map<string, string>();
  const blocks: string[] = [];
  for (const node of nodes) {
    if (node.type === 'list') {
      for (const entry of node.children) {
        blocks.push(unwrappedSourceOf(entry, source));
      }
    } else if (node.type === 'paragraph') {
      blocks.push(unwrappedSourceOf(node, source));
    }
  }
  for (const block of blocks) {
    const text = block.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '');
    const starts = [...text.matchAll(KEY)]
      .map(m => ({
        at: m.index! + m[1].length,
        end: m.index! + m[0].length,
        key: m[3].toLowerCase().replace(/\s+/g, ' '),
        ok:
          !text.slice(0, m.index! + m[1].length).trim() ||
          !!m[2] ||
          /^[A-Z]/.test(m[3]),
      }))
      .filter(s => s.ok);
    starts.forEach((start, i) => {
      const value = text
        .slice(start.end, starts[i + 1]?.at ?? text.length)
        .replace(/\*\*/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (!values.has(start.key)) values.set(start.key, value);
    });
    // A block opening with another key (a house-specific one) keeps it too.
    const other = /^\s*\**([A-Za-z][A-Za-z ]{1,30}?)\**\s*:\**\s*/.exec(text);
    if (other && starts[0]?.at !== 0) {
      const key = other[1].toLowerCase();
      const value = text
        .slice(other[0].length, starts[0]?.at ?? text.length)
        .replace(/\*\*/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (!values.has(key)) values.set(key, value);
    }
  }
  return values;
}
