import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  AdrEntityV1alpha1,
  ANNOTATION_MARKDOWN_SOURCE,
} from '@paved/plugin-paved-common';
import useAsync from 'react-use/esm/useAsync';
import {
  AdrSection,
  adrSections,
  isRelativeTarget,
  markdownTargets,
  resolveAgainstSource,
} from './adrMarkdown';

/** The whole record, ready to render. */
export interface AdrDocument {
  sections: AdrSection[];
  /** Relative image targets, as written, to `data:` URLs. */
  images: Map<string, string>;
  /** Relative link targets, as written, to where they open. */
  links: Map<string, string>;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The catalog page of an entity. */
function entityPage(e: {
  kind: string;
  metadata: { name: string; namespace?: string };
}) {
  return `/catalog/${[
    e.metadata.namespace ?? 'default',
    e.kind,
    e.metadata.name,
  ]
    .map(p => encodeURIComponent(p.toLocaleLowerCase('en-US')))
    .join('/')}`;
}

/**
 * Loads the ADR's Markdown file through the Paved backend
 * (`GET /api/paved/adr/:namespace/:name/source`, read as the signed-in
 * user), and what its relative links and images point at:
 *
 * - images: through the same route (`?path=`), as `data:` URLs, so they load
 *   for `file:` sources (the local portal) and private repositories alike;
 * - links to another ADR or roadmap file: that entity's page in the catalog;
 * - other links: the file in the repository for `url:` sources; nothing for
 *   `file:` sources (a browser cannot open the backend's local files).
 *
 * `undefined` when the ADR has no Markdown source (a YAML-only record).
 */
export function useAdrDocument(entity: AdrEntityV1alpha1) {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const catalogApi = useApi(catalogApiRef);
  const source = entity.metadata.annotations?.[ANNOTATION_MARKDOWN_SOURCE];
  const ref = stringifyEntityRef(entity);
  return useAsync(async (): Promise<AdrDocument | undefined> => {
    if (!source) return undefined;
    const namespace = entity.metadata.namespace ?? 'default';
    const base = `${await discoveryApi.getBaseUrl('paved')}/adr/${[
      namespace,
      entity.metadata.name,
    ]
      .map(encodeURIComponent)
      .join('/')}/source`;
    const response = await fetchApi.fetch(base);
    if (!response.ok) {
      let message = `${response.status} ${response.statusText}`.trim();
      try {
        message = (await response.json())?.error?.message ?? message;
      } catch {
        // not JSON: keep the status
      }
      throw new Error(message);
    }
    const sections = adrSections(await response.text());
    const targets = markdownTargets(sections.map(s => s.markdown).join('\n\n'));

    const images = new Map<string, string>();
    await Promise.all(
      targets.images.filter(isRelativeTarget).map(async src => {
        const image = await fetchApi.fetch(
          `${base}?path=${encodeURIComponent(src.split('#')[0])}`,
        );
        if (!image.ok) return;
        const type = image.headers.get('content-type') ?? 'image/png';
        const bytes = new Uint8Array(await image.arrayBuffer());
        images.set(src, `data:${type.split(';')[0]};base64,${toBase64(bytes)}`);
      }),
    );

    const links = new Map<string, string>();
    const resolved = targets.links.filter(isRelativeTarget).flatMap(href => {
      const r = resolveAgainstSource(source, href);
      return r ? [{ href, ...r }] : [];
    });
    for (const r of resolved) {
      if (r.type === 'url') links.set(r.href, `${r.target}${r.fragment}`);
    }
    const markdownFiles = resolved.filter(r => /\.md$/i.test(r.target));
    if (markdownFiles.length) {
      const { items } = await catalogApi.getEntities({
        filter: {
          kind: ['ADR', 'Roadmap'],
          [`metadata.annotations.${ANNOTATION_MARKDOWN_SOURCE}`]:
            markdownFiles.map(r => `${r.type}:${r.target}`),
        },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      });
      for (const r of markdownFiles) {
        const found = items.find(
          e =>
            e.metadata.annotations?.[ANNOTATION_MARKDOWN_SOURCE] ===
            `${r.type}:${r.target}`,
        );
        if (found) links.set(r.href, entityPage(found));
      }
    }
    return { sections, images, links };
  }, [ref, source]);
}
