import { KubeObject } from '../types';

/**
 * Each stored object's text as a list item, kept beside the stored version.
 * Writing a big list (100,000 Pods across a benchmark's doubles) was mostly
 * JSON.stringify of the same unchanged objects on every page asked; a real
 * API server runs on the cluster's own machines, the doubles share the
 * benchmark's. The key is the stored version's `metadata` object: list items
 * share it with the stored version (see ObjectStore.list's `readOnly`), every
 * write stores a new copy with a new resourceVersion, and stored versions
 * are never changed, so a version's text never goes stale. The variant
 * (the served apiVersion and kind, present or not) and the resourceVersion
 * are checked too; anything else is written afresh.
 */
const texts = new WeakMap<
  object,
  { variant: string; resourceVersion: unknown; text: Buffer }
>();

function itemText(item: KubeObject): Buffer {
  const metadata = item.metadata as object | undefined;
  if (!metadata || typeof metadata !== 'object') {
    return Buffer.from(JSON.stringify(item));
  }
  const variant = `${item.apiVersion ?? ''}\u0000${item.kind ?? ''}`;
  const resourceVersion = item.metadata.resourceVersion;
  const kept = texts.get(metadata);
  if (
    kept &&
    kept.variant === variant &&
    kept.resourceVersion === resourceVersion
  ) {
    return kept.text;
  }
  const text = Buffer.from(JSON.stringify(item));
  texts.set(metadata, { variant, resourceVersion, text });
  return text;
}

const COMMA = Buffer.from(',');
const END = Buffer.from(']}');

/**
 * `JSON.stringify({ ...head, items })`, byte for byte, from each item's kept
 * text. `head` holds the list's fields before `items` (apiVersion, kind,
 * metadata), in that order.
 */
export function listText(
  head: Record<string, unknown>,
  items: KubeObject[],
): Buffer {
  if ('items' in head) throw new Error('listText: head must not hold items');
  const headText = JSON.stringify(head);
  const parts: Buffer[] = [
    Buffer.from(
      headText === '{}' ? '{"items":[' : `${headText.slice(0, -1)},"items":[`,
    ),
  ];
  items.forEach((item, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(itemText(item));
  });
  parts.push(END);
  return Buffer.concat(parts);
}
