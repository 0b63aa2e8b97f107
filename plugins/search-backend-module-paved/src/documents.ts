import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AdrEntityV1alpha1,
  isAdrEntity,
  isRoadmapEntity,
  PavedSearchDocument,
  RoadmapEntityV1alpha1,
} from '@paved/plugin-paved-common';

/**
 * Markdown to plain text for the index: link and image targets, emphasis,
 * heading and list markers and code fences go; their words stay.
 */
export function markdownToText(markdown: string | undefined): string {
  if (!markdown) return '';
  return markdown
    .replace(/```[^\n]*\n/g, '')
    .replace(/```/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The entity page of `entity`, plus a content tab path. */
export function entityPagePath(entity: Entity, tab?: string): string {
  const parts = [
    entity.metadata.namespace ?? 'default',
    entity.kind,
    entity.metadata.name,
  ].map(p => encodeURIComponent(p.toLocaleLowerCase('en-US')));
  return `/catalog/${parts.join('/')}${tab ? `/${tab}` : ''}`;
}

const empty = {
  number: '',
  itemId: '',
  phase: '',
  roadmap: '',
};

function adrDocument(entity: AdrEntityV1alpha1): PavedSearchDocument {
  const { spec } = entity;
  const title = entity.metadata.title ?? entity.metadata.name;
  // The decision first: it is what a reader searches for.
  const text = [spec.decision, spec.context, spec.consequences]
    .map(markdownToText)
    .filter(Boolean)
    .join('\n\n');
  return {
    ...empty,
    title,
    text: text || (entity.metadata.description ?? ''),
    location: entityPagePath(entity, 'decision'),
    documentKind: 'adr',
    entityRef: stringifyEntityRef(entity),
    status: spec.status,
    owner: spec.owner,
    number: spec.number === undefined ? '' : String(spec.number),
  };
}

function roadmapDocuments(
  entity: RoadmapEntityV1alpha1,
): PavedSearchDocument[] {
  const entityRef = stringifyEntityRef(entity);
  const roadmap = entity.metadata.title ?? entity.metadata.name;
  const location = entityPagePath(entity, 'roadmap');
  const phases = entity.spec.phases ?? [];
  const summary: PavedSearchDocument = {
    ...empty,
    title: roadmap,
    text: [
      entity.metadata.description ?? '',
      // Phases only: each item is a document of its own, found as itself.
      ...phases.map(
        phase =>
          `${phase.title} (${phase.progress.done} of ${phase.progress.total} done)`,
      ),
    ]
      .filter(Boolean)
      .join('\n'),
    location,
    documentKind: 'roadmap',
    entityRef,
    status: entity.spec.progress
      ? `${entity.spec.progress.done}/${entity.spec.progress.total} done`
      : '',
    owner: entity.spec.owner,
  };
  const items = phases.flatMap(phase =>
    phase.items.map(
      (item): PavedSearchDocument => ({
        title: item.id ? `${item.id} ${item.title}` : item.title,
        text: [
          `Status: ${item.status}.`,
          `Phase: ${phase.title}.`,
          item.dependsOn?.length
            ? `Depends on: ${item.dependsOn.join(', ')}.`
            : '',
          item.adrs?.length ? `Rests on: ${item.adrs.join(', ')}.` : '',
          item.priority ? `Priority: ${item.priority}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
        location: `${location}#item-${encodeURIComponent(item.id)}`,
        documentKind: 'roadmap-item',
        entityRef,
        status: item.status,
        owner: entity.spec.owner,
        number: '',
        itemId: item.id,
        phase: phase.title,
        roadmap,
      }),
    ),
  );
  return [summary, ...items];
}

/**
 * The search documents for one catalog entity: one for an ADR; one for a
 * roadmap and one per roadmap item; none for other kinds.
 */
export function pavedSearchDocuments(entity: Entity): PavedSearchDocument[] {
  if (isAdrEntity(entity)) return [adrDocument(entity)];
  if (isRoadmapEntity(entity)) return roadmapDocuments(entity);
  return [];
}
