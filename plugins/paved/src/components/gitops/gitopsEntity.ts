import { Entity } from '@backstage/catalog-model';
import { isTenantResourceEntity } from '../tenant/tenantEntity';

/**
 * Components (their workloads) and tenants (their namespaces) have a GitOps
 * status. The card shows on all of them, so one without any learns what to
 * annotate.
 */
export function isGitOpsEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' ||
    isTenantResourceEntity(entity)
  );
}
