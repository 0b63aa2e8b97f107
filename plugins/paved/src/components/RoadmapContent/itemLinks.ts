import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  RELATION_RESTS_ON,
  runbookById,
  runbookUrl,
} from '@paved/plugin-paved-common';

/** One thing an item points at: a link when we know where, else the text. */
export interface ItemLink {
  text: string;
  href?: string;
}

const ENTITY_REF =
  /^([a-z][a-z0-9-]*):(?:([a-z0-9][a-z0-9._-]*)\/)?([a-z0-9][a-z0-9._-]*)$/i;

/** The catalog page of an entity ref, or undefined when it is not one. */
export function catalogHref(
  ref: string,
  defaultKind?: string,
): string | undefined {
  const trimmed = ref.trim();
  if (
    !ENTITY_REF.test(trimmed) &&
    !(defaultKind && /^[a-z0-9][a-z0-9._/-]*$/i.test(trimmed))
  ) {
    return undefined;
  }
  try {
    const { kind, namespace, name } = parseEntityRef(trimmed, {
      defaultKind,
      defaultNamespace: 'default',
    });
    return `/catalog/${namespace}/${kind.toLocaleLowerCase('en-US')}/${name}`;
  } catch {
    return undefined;
  }
}

/**
 * An item's ADR: an entity ref as is; `ADR-0002` as written resolves to the
 * roadmap's `restsOn` relation with that number (the importer names ADRs
 * `<entity>-adr-0002`); anything else stays text.
 */
export function adrLink(adr: string, roadmap: Entity): ItemLink {
  if (/^adr:/i.test(adr)) {
    return { text: adr, href: catalogHref(adr) };
  }
  const number = /^\s*ADR[-\s_]?(\d{1,6})\s*$/i.exec(adr)?.[1];
  if (number !== undefined) {
    const suffix = `-adr-${String(Number(number)).padStart(4, '0')}`;
    const target = (roadmap.relations ?? []).find(
      r =>
        r.type === RELATION_RESTS_ON &&
        r.targetRef.startsWith('adr:') &&
        r.targetRef.endsWith(suffix),
    )?.targetRef;
    if (target) return { text: adr, href: catalogHref(target) };
  }
  return { text: adr };
}

/**
 * An item's runbook: a Paved runbook id (`pod-pending`, or its file
 * `runbooks/pod-pending.md`) opens the TechDocs page; a URL or an absolute
 * path is linked as written; an entity ref opens its catalog page; anything
 * else stays text.
 */
export function runbookLink(runbook: string): ItemLink {
  const text = runbook.trim();
  const id = text
    .replace(/^(?:docs\/)?runbooks\//i, '')
    .replace(/(?:\.md|\/)$/i, '');
  const known = runbookById(id);
  if (known) return { text: known.title, href: runbookUrl(known) };
  if (/^https?:\/\//i.test(text) || text.startsWith('/')) {
    return { text, href: text };
  }
  const href = ENTITY_REF.test(text) ? catalogHref(text) : undefined;
  return href ? { text, href } : { text };
}

/** A component the item changes: `component:x`, or a bare name. */
export function componentLink(component: string): ItemLink {
  const href = catalogHref(component, 'component');
  return href ? { text: component, href } : { text: component };
}
