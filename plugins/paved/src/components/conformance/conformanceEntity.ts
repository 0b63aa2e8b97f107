import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_NAMESPACES,
  ANNOTATION_TIER,
  readTenantAnnotations,
} from '@paved/plugin-paved-common';
import { isKubernetesClusterEntity } from '../health/entityFilters';

/**
 * Entities the conformance card sits on: Components, tenants and clusters.
 * Whether they declare a tier is the card's business: without one it says
 * which annotation to set, rather than hiding.
 */
export function isConformanceEntity(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    kind === 'component' ||
    (kind === 'resource' &&
      (entity.spec?.type === 'kubernetes-cluster' ||
        entity.spec?.type === 'kubernetes-tenant'))
  );
}

/**
 * What the entity still needs before Paved can check it, in words, or
 * undefined when it is ready. Mirrors the backend's own 400s, so the card can
 * say it without a round trip.
 */
export function missingConformanceSetup(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const raw = annotations[ANNOTATION_TIER];
  const { tier, namespaces } = readTenantAnnotations(annotations);
  const cluster = isKubernetesClusterEntity(entity);
  if (raw === undefined || raw.trim() === '') {
    return cluster
      ? `Set the annotation ${ANNOTATION_TIER} (1 to 5) to the tier this cluster was built to, and Paved checks its namespaces against that tier's standards.`
      : `Set the annotation ${ANNOTATION_TIER} (1 to 5) and ${ANNOTATION_NAMESPACES} (comma-separated namespaces) to have Paved check these namespaces against that tier's standards.`;
  }
  if (tier === undefined) {
    return `The annotation ${ANNOTATION_TIER} is '${raw}': it must be 1, 2, 3, 4 or 5.`;
  }
  if (!cluster && namespaces.length === 0) {
    return `Set the annotation ${ANNOTATION_NAMESPACES} (comma-separated) to the namespaces to check against tier ${tier}.`;
  }
  return undefined;
}
