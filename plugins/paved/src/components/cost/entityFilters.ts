import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_TENANT } from '@paved/plugin-paved-common';
import {
  hasKubernetesWorkloads,
  isKubernetesClusterEntity,
} from '../health/entityFilters';

/** A tenant (annotation `paved.dev/tenant`): its card shows the budget too. */
export function isTenantEntity(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[ANNOTATION_TENANT]);
}

/** Entities Paved can cost: tenants, Components with workloads, clusters. */
export function hasCost(entity: Entity): boolean {
  return (
    isTenantEntity(entity) ||
    hasKubernetesWorkloads(entity) ||
    isKubernetesClusterEntity(entity)
  );
}
