import {
  ANNOTATION_NAMESPACES,
  ANNOTATION_TENANT,
  ANNOTATION_TIER,
  TENANT_LABEL,
  readTenantAnnotations,
} from './annotations';

/** `spec.type` of the Resource entity that stands for a tenant. */
export const TENANT_ENTITY_TYPE = 'kubernetes-tenant';

/** The catalog name of a tenant's entity: `tenant-<tenant>`. */
export function tenantEntityName(tenant: string): string {
  return `tenant-${tenant}`;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * What is wrong with an entity offered as a tenant, as `field: rule` lines;
 * empty when it is a tenant entity Paved's cards can use. Only the shape the
 * tenant template writes is accepted, so registering a tenant cannot be used
 * to put arbitrary entities into the catalog.
 */
export function tenantEntityProblems(entity: unknown): string[] {
  const problems: string[] = [];
  if (!entity || typeof entity !== 'object' || Array.isArray(entity)) {
    return ['entity: must be an object'];
  }
  const e = entity as {
    apiVersion?: unknown;
    kind?: unknown;
    metadata?: {
      name?: unknown;
      annotations?: unknown;
      labels?: unknown;
    };
    spec?: { type?: unknown; owner?: unknown };
  };
  if (e.apiVersion !== 'backstage.io/v1alpha1') {
    problems.push(
      `apiVersion: ${JSON.stringify(
        e.apiVersion,
      )} must be backstage.io/v1alpha1`,
    );
  }
  if (e.kind !== 'Resource') {
    problems.push(`kind: ${JSON.stringify(e.kind)} must be Resource`);
  }
  if (e.spec?.type !== TENANT_ENTITY_TYPE) {
    problems.push(
      `spec.type: ${JSON.stringify(
        e.spec?.type,
      )} must be ${TENANT_ENTITY_TYPE}`,
    );
  }
  if (typeof e.spec?.owner !== 'string' || !e.spec.owner) {
    problems.push('spec.owner: is required (the owning group)');
  }
  const annotations = e.metadata?.annotations;
  const stringMap =
    annotations &&
    typeof annotations === 'object' &&
    !Array.isArray(annotations)
      ? (annotations as Record<string, string>)
      : undefined;
  const parsed = readTenantAnnotations(stringMap);
  const tenant = parsed.tenant;
  if (!tenant || !DNS1123_LABEL.test(tenant)) {
    problems.push(
      `metadata.annotations.${ANNOTATION_TENANT}: ${JSON.stringify(
        tenant,
      )} must be the tenant's name, a DNS-1123 label`,
    );
  } else if (e.metadata?.name !== tenantEntityName(tenant)) {
    problems.push(
      `metadata.name: ${JSON.stringify(
        e.metadata?.name,
      )} must be ${tenantEntityName(tenant)} for tenant ${tenant}`,
    );
  }
  if (parsed.tier === undefined) {
    problems.push(
      `metadata.annotations.${ANNOTATION_TIER}: ${JSON.stringify(
        stringMap?.[ANNOTATION_TIER],
      )} must be a tier from 1 to 5`,
    );
  }
  if (parsed.namespaces.length === 0) {
    problems.push(
      `metadata.annotations.${ANNOTATION_NAMESPACES}: must list the tenant's namespaces, comma-separated`,
    );
  }
  for (const ns of parsed.namespaces) {
    if (!DNS1123_LABEL.test(ns) || ns.length > 63) {
      problems.push(
        `metadata.annotations.${ANNOTATION_NAMESPACES}: "${ns}" is not a DNS-1123 label`,
      );
    }
  }
  const labels = e.metadata?.labels as Record<string, unknown> | undefined;
  if (
    tenant &&
    labels?.[TENANT_LABEL] !== undefined &&
    labels[TENANT_LABEL] !== tenant
  ) {
    problems.push(
      `metadata.labels.${TENANT_LABEL}: ${JSON.stringify(
        labels[TENANT_LABEL],
      )} must equal the tenant annotation "${tenant}"`,
    );
  }
  return problems;
}
