import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_NAMESPACES,
  ANNOTATION_TIER,
  readTenantAnnotations,
  TierNumber,
} from '@paved/plugin-paved-common';
import { ANNOTATION_KUBERNETES_CLUSTER } from '../health/componentSelection';

/** What a conformance check covers, read from the entity's annotations. */
export interface ConformanceScope {
  tier: TierNumber;
  /**
   * `tenant`: the namespaces of `paved.dev/namespaces`, in the cluster of
   * `backstage.io/kubernetes-cluster` or else every cluster.
   * `cluster`: every non-system namespace of one cluster.
   */
  scope: 'tenant' | 'cluster';
  /** Only this cluster. */
  cluster?: string;
  /** The tenant's namespaces; absent for a cluster. */
  namespaces?: string[];
}

/** A `Resource` of type `kubernetes-cluster` describes a whole cluster. */
export function isClusterEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec as { type?: unknown } | undefined)?.type ===
      'kubernetes-cluster'
  );
}

/**
 * The tier and the namespaces to check. An entity without a valid tier, or a
 * tenant without namespaces, is the caller's to fix: 400 with what to add.
 */
export function conformanceScope(entity: Entity): ConformanceScope {
  const ref = stringifyEntityRef(entity);
  const annotations = entity.metadata.annotations ?? {};
  const raw = annotations[ANNOTATION_TIER];
  if (raw === undefined || raw.trim() === '') {
    throw new InputError(
      `Entity ${ref} declares no tier: add the annotation '${ANNOTATION_TIER}' with a tier from 1 to 5`,
    );
  }
  const tenant = readTenantAnnotations(annotations);
  if (tenant.tier === undefined) {
    throw new InputError(
      `Entity ${ref} has '${ANNOTATION_TIER}: ${raw}'; the tier must be 1, 2, 3, 4 or 5`,
    );
  }
  const tier = tenant.tier as TierNumber;
  const named = annotations[ANNOTATION_KUBERNETES_CLUSTER] || undefined;
  if (isClusterEntity(entity)) {
    return {
      tier,
      scope: 'cluster',
      cluster: named ?? entity.metadata.name,
    };
  }
  if (tenant.namespaces.length === 0) {
    throw new InputError(
      `Entity ${ref} names no namespaces: add the annotation '${ANNOTATION_NAMESPACES}' (comma-separated), or describe a cluster as a Resource of type kubernetes-cluster`,
    );
  }
  return {
    tier,
    scope: 'tenant',
    namespaces: tenant.namespaces,
    ...(named ? { cluster: named } : {}),
  };
}
