import type { Root } from 'mdast';
import { parseDocument } from 'yaml';
import { MarkdownParseResult, parseFailure } from './result';

/**
 * Reads the YAML front matter of a document, if any. An unterminated block or
 * YAML that is not a mapping is an error rather than silently ignored, since
 * it usually hides the document's status.
 */
export function readFrontMatter(
  tree: Root,
  source: string,
): MarkdownParseResult<Record<string, unknown> | undefined> {
  const first = tree.children[0];
  if (first?.type !== 'yaml') {
    if (/^---\r?\n/.test(source)) {
      return parseFailure(
        'malformed-front-matter',
        'front matter opened with "---" is never closed',
        1,
      );
    }
    return { ok: true, value: undefined, warnings: [] };
  }
  const doc = parseDocument(first.value, { prettyErrors: false });
  if (doc.errors.length) {
    const err = doc.errors[0];
    // Front matter starts on line 2 of the file (after the opening ---).
    const line = (err.linePos?.[0]?.line ?? 0) + 1;
    return parseFailure(
      'malformed-front-matter',
      `front matter is not valid YAML: ${err.message.split('\n')[0]}`,
      line,
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) {
    return { ok: true, value: {}, warnings: [] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return parseFailure(
      'malformed-front-matter',
      'front matter must be a YAML mapping of keys to values',
      2,
    );
  }
  return { ok: true, value: data as Record<string, unknown>, warnings: [] };
}
