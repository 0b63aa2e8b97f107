import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_TENANT } from '@paved/plugin-paved-common';

/**
 * Entities Paved renders objects for: tenants (a tenant Resource, or any
 * entity annotated paved.dev/tenant) and clusters (their baseline).
 */
export function isDriftEntity(entity: Entity): boolean {
  const type = entity.spec?.type;
  const isResource = entity.kind.toLocaleLowerCase('en-US') === 'resource';
  return (
    (isResource &&
      (type === 'kubernetes-cluster' || type === 'kubernetes-tenant')) ||
    !!entity.metadata.annotations?.[ANNOTATION_TENANT]
  );
}
