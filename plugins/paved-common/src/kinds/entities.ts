import type { Entity } from '@backstage/catalog-model';
import type { AdrStatus } from '../adr/types';
import type { RoadmapPhase, RoadmapProgress } from '../roadmap/types';
import { ADR_KIND, PAVED_API_VERSION, ROADMAP_KIND } from './constants';

/** An Architecture Decision Record in the catalog. */
export interface AdrEntityV1alpha1 extends Entity {
  apiVersion: typeof PAVED_API_VERSION;
  kind: typeof ADR_KIND;
  spec: {
    owner: string;
    status: AdrStatus;
    number?: number;
    /** `yyyy-MM-dd` */
    date?: string;
    format?: 'nygard' | 'madr2' | 'madr3';
    deciders?: string[];
    consulted?: string[];
    informed?: string[];
    /** Entity refs of the ADRs this one replaces. */
    supersedes?: string[];
    /** Entity refs of the ADRs that replace this one. */
    supersededBy?: string[];
    /** Entity refs of components, systems, resources and roadmaps. */
    decidesAbout?: string[];
    /** `roadmap-ref#item-id` for the roadmap items decided about. */
    roadmapItems?: string[];
    /** The context, decision and consequences sections, as Markdown. */
    context?: string;
    decision?: string;
    consequences?: string;
  };
}

/** A roadmap in the catalog: phases holding items. */
export interface RoadmapEntityV1alpha1 extends Entity {
  apiVersion: typeof PAVED_API_VERSION;
  kind: typeof ROADMAP_KIND;
  spec: {
    owner: string;
    phases: RoadmapPhase[];
    progress?: RoadmapProgress;
  };
}

export function isAdrEntity(entity: Entity): entity is AdrEntityV1alpha1 {
  return entity.apiVersion === PAVED_API_VERSION && entity.kind === ADR_KIND;
}

export function isRoadmapEntity(
  entity: Entity,
): entity is RoadmapEntityV1alpha1 {
  return (
    entity.apiVersion === PAVED_API_VERSION && entity.kind === ROADMAP_KIND
  );
}
