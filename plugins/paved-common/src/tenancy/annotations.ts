import { IsolationLevel, isIsolationLevel } from './isolation';

/**
 * Annotations the tenant template writes on a tenant's catalog entity, so that
 * Paved's cards find its namespaces, tier and budget without guessing.
 */
export const ANNOTATION_TENANT = 'paved.dev/tenant';
/** The tier (1-5) of the cluster the tenant runs on. */
export const ANNOTATION_TIER = 'paved.dev/tier';
/** Comma-separated namespaces of the tenant, one per environment. */
export const ANNOTATION_NAMESPACES = 'paved.dev/namespaces';
/** Monthly budget, a plain number in the portal's configured currency. */
export const ANNOTATION_MONTHLY_BUDGET = 'paved.dev/monthly-budget';
export const ANNOTATION_COST_CENTER = 'paved.dev/cost-center';
/** The tenant's isolation tier (namespace, sandboxed, dedicated-nodes, virtual-cluster). */
export const ANNOTATION_ISOLATION = 'paved.dev/isolation';

/** The label every tenant object and namespace carries. */
export const TENANT_LABEL = 'paved.dev/tenant';

/** What a tenant entity's annotations say, parsed; undefined when absent. */
export interface TenantAnnotations {
  tenant?: string;
  tier?: number;
  namespaces: string[];
  monthlyBudget?: number;
  costCenter?: string;
  isolation?: IsolationLevel;
}

/** Reads the tenant annotations; malformed numbers are left out, not guessed. */
export function readTenantAnnotations(
  annotations: Record<string, string> | undefined,
): TenantAnnotations {
  const a = annotations ?? {};
  const tier = Number(a[ANNOTATION_TIER]);
  const budget = Number(a[ANNOTATION_MONTHLY_BUDGET]);
  return {
    tenant: a[ANNOTATION_TENANT] || undefined,
    tier: Number.isInteger(tier) && tier >= 1 && tier <= 5 ? tier : undefined,
    namespaces: (a[ANNOTATION_NAMESPACES] ?? '')
      .split(',')
      .map(s => s.trim())
      .filter(Boolean),
    monthlyBudget:
      a[ANNOTATION_MONTHLY_BUDGET] !== undefined &&
      Number.isFinite(budget) &&
      budget >= 0
        ? budget
        : undefined,
    costCenter: a[ANNOTATION_COST_CENTER] || undefined,
    isolation: isIsolationLevel(a[ANNOTATION_ISOLATION])
      ? a[ANNOTATION_ISOLATION]
      : undefined,
  };
}
