/** What went wrong while reading a Markdown document, as a code a caller can branch on. */
export type MarkdownParseErrorCode =
  | 'too-large'
  | 'binary'
  | 'empty'
  | 'malformed-front-matter'
  | 'missing-title'
  | 'unknown-status'
  /** A roadmap in which no phase holds an item: never an empty roadmap. */
  | 'no-roadmap-items'
  /** An id pattern or word list given for a roadmap cannot be used. */
  | 'invalid-vocabulary';

/** A typed parse failure; `message` is meant for people. */
export interface MarkdownParseError {
  code: MarkdownParseErrorCode;
  message: string;
  /** 1-based line in the source, when known. */
  line?: number;
}

/** Parsers return this rather than throwing, so callers decide how to report. */
export type MarkdownParseResult<T> =
  | { ok: true; value: T; warnings: string[] }
  | { ok: false; error: MarkdownParseError };

export function parseFailure(
  code: MarkdownParseErrorCode,
  message: string,
  line?: number,
): { ok: false; error: MarkdownParseError } {
  return {
    ok: false,
    error: line ? { code, message, line } : { code, message },
  };
}
