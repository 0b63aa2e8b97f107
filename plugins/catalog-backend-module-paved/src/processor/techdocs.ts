import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import path from 'node:path';
import { resolveTarget } from './resolveTarget';

/** Backstage's annotations for "this entity's docs are another's". */
export const ANNOTATION_TECHDOCS_REF = 'backstage.io/techdocs-ref';
export const ANNOTATION_TECHDOCS_ENTITY = 'backstage.io/techdocs-entity';
export const ANNOTATION_TECHDOCS_ENTITY_PATH =
  'backstage.io/techdocs-entity-path';

/** GitHub and GitLab folder and file URLs differ only in `tree` / `blob`. */
function sameShape(url: string): string {
  return url.replace(/\/(-\/)?blob\//, '/$1tree/').replace(/\/+$/, '');
}

/**
 * The page of an ADR file in the TechDocs site of the entity that imports it,
 * e.g. `/adr/0002-use-the-backstage-new-backend-system/`, or `undefined`.
 *
 * The rule: the entity carrying `paved.dev/adr-location` also carries
 * `backstage.io/techdocs-ref` (its own MkDocs site), and the ADR file lies
 * inside that site's `docs/` folder (MkDocs' default `docs_dir`). The page is
 * the file's path under `docs/`, without `.md`, with a trailing slash, as
 * MkDocs builds it with `use_directory_urls` (its default).
 */
export function adrTechDocsPagePath(
  parent: Entity,
  parentLocation: LocationSpec,
  file: LocationSpec,
): string | undefined {
  const ref = parent.metadata.annotations?.[ANNOTATION_TECHDOCS_REF];
  if (!ref) return undefined;
  let root: LocationSpec;
  try {
    root = resolveTarget(ref, parentLocation);
  } catch {
    return undefined;
  }
  let relative: string;
  if (root.type === 'file' && file.type === 'file') {
    relative = path
      .relative(path.join(root.target, 'docs'), file.target)
      .split(path.sep)
      .join('/');
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      return undefined;
    }
  } else if (root.type === 'url' && file.type === 'url') {
    const docs = `${sameShape(root.target)}/docs/`;
    const target = sameShape(file.target);
    if (!target.startsWith(docs)) return undefined;
    relative = target.slice(docs.length);
  } else {
    return undefined;
  }
  if (!/\.md$/i.test(relative) || relative.split('/').includes('..')) {
    return undefined;
  }
  return `/${relative.replace(/\.md$/i, '')}/`;
}

/**
 * What an imported ADR gets when its file is a page of the importing
 * entity's TechDocs: `backstage.io/techdocs-entity` (+ `-path`), so the ADR's
 * own Docs tab opens that page, and, given the app's base URL, a "Read in
 * TechDocs" link (the catalog accepts only absolute link URLs).
 */
export function adrTechDocsMetadata(
  parent: Entity,
  parentLocation: LocationSpec,
  file: LocationSpec,
  appBaseUrl?: string,
):
  | {
      annotations: Record<string, string>;
      /** Only with the app's base URL: the catalog wants absolute links. */
      link?: { url: string; title: string; icon: string; type: string };
    }
  | undefined {
  const page = adrTechDocsPagePath(parent, parentLocation, file);
  if (!page) return undefined;
  const { kind, namespace, name } = getCompoundEntityRef(parent);
  const docsEntity = `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
  const base = [namespace, kind, name]
    .map(s => encodeURIComponent(s.toLocaleLowerCase('en-US')))
    .join('/');
  const annotations = {
    [ANNOTATION_TECHDOCS_ENTITY]: docsEntity,
    [ANNOTATION_TECHDOCS_ENTITY_PATH]: page,
  };
  if (!appBaseUrl) return { annotations };
  return {
    annotations,
    link: {
      url: `${appBaseUrl.replace(/\/+$/, '')}/docs/${base}${page}`,
      title: 'Read in TechDocs',
      icon: 'docs',
      type: 'techdocs',
    },
  };
}
