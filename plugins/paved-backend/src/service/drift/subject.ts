import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_NAMESPACES,
  ANNOTATION_TENANT,
  ANNOTATION_TIER,
  readTenantAnnotations,
} from '@paved/plugin-paved-common';
import { ANNOTATION_KUBERNETES_CLUSTER } from '../health/componentSelection';

/**
 * The inputs a cluster's baseline was scaffolded with beyond its name and
 * tier (team, project, costCenter, teams, environments, choices...), as
 * JSON on the cluster's Resource: the baseline's labels and namespaces
 * follow from them, so without them there is nothing exact to compare.
 */
export const ANNOTATION_BASELINE_INPUTS = 'paved.dev/baseline-inputs';

export type DriftSubject =
  | {
      type: 'tenant';
      tenant: string;
      namespaces: string[];
      cluster?: string;
    }
  | {
      type: 'cluster-baseline';
      cluster: string;
      inputs: Record<string, unknown>;
    }
  | {
      type: 'none';
      nothingToCompare: string;
      subject: 'tenant' | 'cluster-baseline' | 'none';
    };

/**
 * What Paved rendered for an entity: a tenant (an entity with tenant
 * annotations), a cluster's baseline (a kubernetes-cluster Resource with
 * its tier and inputs), or nothing, with what to annotate.
 */
export function driftSubjectOf(entity: Entity): DriftSubject {
  const ref = stringifyEntityRef(entity);
  const annotations = entity.metadata.annotations ?? {};
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  if (
    entity.kind.toLowerCase() === 'resource' &&
    type === 'kubernetes-cluster'
  ) {
    const tier = annotations[ANNOTATION_TIER];
    const raw = annotations[ANNOTATION_BASELINE_INPUTS];
    if (!tier || !raw) {
      const missing = [
        !tier && ANNOTATION_TIER,
        !raw &&
          `${ANNOTATION_BASELINE_INPUTS} (the cluster template's inputs as JSON)`,
      ].filter(Boolean);
      return {
        type: 'none',
        subject: 'cluster-baseline',
        nothingToCompare: `Nothing to compare: annotate ${ref} with ${missing.join(
          ' and ',
        )}`,
      };
    }
    let inputs: unknown;
    try {
      inputs = JSON.parse(raw);
    } catch (e) {
      throw new InputError(
        `${ref}: annotation ${ANNOTATION_BASELINE_INPUTS} is not JSON (${
          (e as Error).message
        })`,
      );
    }
    if (!inputs || typeof inputs !== 'object' || Array.isArray(inputs)) {
      throw new InputError(
        `${ref}: annotation ${ANNOTATION_BASELINE_INPUTS} must be a JSON object of the cluster template's inputs`,
      );
    }
    return {
      type: 'cluster-baseline',
      cluster: entity.metadata.name,
      inputs: { ...inputs, name: entity.metadata.name, tier: Number(tier) },
    };
  }
  const parsed = readTenantAnnotations(annotations);
  if (parsed.tenant || type === 'kubernetes-tenant') {
    const missing = [
      !parsed.tenant && ANNOTATION_TENANT,
      parsed.tier === undefined && ANNOTATION_TIER,
      parsed.namespaces.length === 0 && ANNOTATION_NAMESPACES,
    ].filter(Boolean);
    if (missing.length || !parsed.tenant) {
      return {
        type: 'none',
        subject: 'tenant',
        nothingToCompare: `Nothing to compare: annotate ${ref} with ${missing.join(
          ', ',
        )}, as the tenant template does`,
      };
    }
    const cluster = annotations[ANNOTATION_KUBERNETES_CLUSTER] || undefined;
    return {
      type: 'tenant',
      tenant: parsed.tenant,
      namespaces: parsed.namespaces,
      ...(cluster ? { cluster } : {}),
    };
  }
  return {
    type: 'none',
    subject: 'none',
    nothingToCompare: `Nothing to compare: Paved renders tenants (entities annotated ${ANNOTATION_TENANT}) and cluster baselines (kubernetes-cluster Resources), and ${ref} is neither`,
  };
}
