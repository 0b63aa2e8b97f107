export type {
  MarkdownParseError,
  MarkdownParseErrorCode,
  MarkdownParseResult,
} from './result';
export { decodeMarkdownSource, MAX_MARKDOWN_BYTES } from './source';
export { parseMarkdownDocument, parseMarkdownTree } from './tree';
export { normaliseMarkdownText } from './normalise';
export { readFrontMatter } from './frontMatter';
