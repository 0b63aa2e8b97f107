import { MarkdownParseResult, parseFailure } from './result';

/** Files above this are refused: ADRs and roadmaps are far smaller. */
export const MAX_MARKDOWN_BYTES = 1024 * 1024;

/**
 * Turns raw bytes into Markdown text, refusing what is too large or not
 * text. Done before parsing so that a stray binary never reaches micromark.
 */
export function decodeMarkdownSource(
  bytes: Uint8Array,
  options: { maxBytes?: number } = {},
): MarkdownParseResult<string> {
  const maxBytes = options.maxBytes ?? MAX_MARKDOWN_BYTES;
  if (bytes.byteLength > maxBytes) {
    return parseFailure(
      'too-large',
      `file is ${bytes.byteLength} bytes, over the ${maxBytes} byte limit`,
    );
  }
  // A NUL byte never appears in text files, but is common in binaries.
  if (bytes.includes(0)) {
    return parseFailure('binary', 'file looks binary (it contains NUL bytes)');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return parseFailure('binary', 'file is not valid UTF-8 text');
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  if (!text.trim()) {
    return parseFailure('empty', 'file is empty');
  }
  return { ok: true, value: text, warnings: [] };
}
