import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_TIER,
  CROSSPLANE_ANNOTATIONS,
} from '@paved/plugin-paved-common';
import { hasCost } from '../cost/entityFilters';
import { hasKubernetesWorkloads } from '../health/entityFilters';

/**
 * Components the summary sits on: those with anything Paved can report
 * (workloads, a tier, a cost label or claims). A Component with none of
 * them would show four "not configured" chips: it gets no summary.
 */
export function isPavedSummaryEntity(entity: Entity): boolean {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'component') return false;
  const annotations = entity.metadata.annotations ?? {};
  return (
    hasKubernetesWorkloads(entity) ||
    hasCost(entity) ||
    Boolean(annotations[ANNOTATION_TIER]) ||
    Boolean(annotations[CROSSPLANE_ANNOTATIONS.claims])
  );
}
