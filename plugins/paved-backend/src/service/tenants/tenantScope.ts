import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_NAMESPACES,
  IsolationLevel,
  readTenantAnnotations,
  TENANT_ENTITY_TYPE,
} from '@paved/plugin-paved-common';
import { ANNOTATION_KUBERNETES_CLUSTER } from '../health/componentSelection';

/** What the tenant page reads, from the tenant entity's annotations. */
export interface TenantScope {
  tenant: string;
  tier?: number;
  isolation?: IsolationLevel;
  namespaces: string[];
  /** Only this cluster (`backstage.io/kubernetes-cluster`); else every one. */
  cluster?: string;
}

/**
 * The tenant's namespaces and where to look. Anything but a tenant entity
 * with namespaces is the caller's to fix: 400 naming what is missing.
 */
export function tenantScope(entity: Entity): TenantScope {
  const ref = stringifyEntityRef(entity);
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  if (
    entity.kind.toLocaleLowerCase('en-US') !== 'resource' ||
    type !== TENANT_ENTITY_TYPE
  ) {
    throw new InputError(
      `Entity ${ref} is not a tenant: the tenant page is for a Resource of spec.type ${TENANT_ENTITY_TYPE}`,
    );
  }
  const annotations = entity.metadata.annotations ?? {};
  const parsed = readTenantAnnotations(annotations);
  if (parsed.namespaces.length === 0) {
    throw new InputError(
      `Tenant ${ref} names no namespaces: add the annotation '${ANNOTATION_NAMESPACES}' (comma-separated)`,
    );
  }
  const cluster = annotations[ANNOTATION_KUBERNETES_CLUSTER] || undefined;
  return {
    tenant: parsed.tenant ?? entity.metadata.name.replace(/^tenant-/, ''),
    ...(parsed.tier !== undefined ? { tier: parsed.tier } : {}),
    ...(parsed.isolation ? { isolation: parsed.isolation } : {}),
    namespaces: parsed.namespaces,
    ...(cluster ? { cluster } : {}),
  };
}
