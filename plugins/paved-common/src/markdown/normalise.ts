/**
 * Puts text into the one shape the parsers read: no byte-order mark, `\n`
 * line endings. Files saved on Windows (BOM + CRLF) or old Macs (CR) would
 * otherwise shift every offset micromark reports by the BOM, and leave `\r`
 * on each line we split.
 */
export function normaliseMarkdownText(text: string): string {
  return text.replace(/^\ufeff+/, '').replace(/\r\n?/g, '\n');
}

/**
 * Joins the soft line breaks of a paragraph with single spaces, so that a
 * paragraph reads the same however it was wrapped. Hard breaks (two trailing
 * spaces or a backslash) are kept; `> ` prefixes of quoted lines are dropped.
 */
export function unwrapParagraph(source: string, quoted = false): string {
  const softBreak = quoted
    ? /( {2,}|\\)?[ \t]*\n[ \t]*(?:>[ \t]?)*/g
    : /( {2,}|\\)?[ \t]*\n[ \t]*/g;
  return source.replace(softBreak, (whole, hard?: string) =>
    hard ? whole : ' ',
  );
}
