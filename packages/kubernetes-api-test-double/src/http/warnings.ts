/**
 * A `Warning` header value as kube-apiserver writes it: code 299, agent
 * `-`, the text quoted with `"` and `\` escaped. Line breaks become spaces
 * and the text goes out as UTF-8 bytes (Node writes header values as latin1).
 */
export function warningHeader(text: string): string {
  const quoted = text.replace(/[\r\n]+/g, ' ').replace(/["\\]/g, c => `\\${c}`);
  return Buffer.from(`299 - "${quoted}"`, 'utf8').toString('latin1');
}
