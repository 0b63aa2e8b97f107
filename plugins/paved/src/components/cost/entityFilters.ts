import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_COST_LABEL,
  ANNOTATION_TENANT,
} from '@paved/plugin-paved-common';
import {
  hasKubernetesWorkloads,
  isKubernetesClusterEntity,
} from '../health/entityFilters';

/** A tenant (annotation `paved.dev/tenant`): its card shows the budget too. */
export function isTenantEntity(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[ANNOTATION_TENANT]);
}

/**
 * Entities Paved can cost: tenants, Components with workloads, clusters,
 * teams (Groups, by their `team` label) and anything with a cost label.
 */
export function hasCost(entity: Entity): boolean {
  return (
    isTenantEntity(entity) ||
    entity.kind.toLocaleLowerCase('en-US') === 'group' ||
    Boolean(entity.metadata.annotations?.[ANNOTATION_COST_LABEL]) ||
    hasKubernetesWorkloads(entity) ||
    isKubernetesClusterEntity(entity)
  );
}
