import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_NAMESPACES,
  readTenantAnnotations,
  TENANT_ENTITY_TYPE,
} from '@paved/plugin-paved-common';

/** A tenant's catalog entity: a Resource of `spec.type: kubernetes-tenant`. */
export function isTenantResourceEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === TENANT_ENTITY_TYPE
  );
}

/**
 * What the tenant entity still needs before Paved can read its page, or
 * undefined when it is ready; mirrors the backend's 400 without a round trip.
 */
export function missingTenantSetup(entity: Entity): string | undefined {
  const { namespaces } = readTenantAnnotations(
    entity.metadata.annotations ?? {},
  );
  return namespaces.length === 0
    ? `Set the annotation ${ANNOTATION_NAMESPACES} (comma-separated) to the tenant's namespaces, and Paved shows their quota use, who can do what there and their guardrail violations.`
    : undefined;
}
