import {
  tierShipsGvisor,
  tierShipsTenantPriorityClasses,
  TierNumber,
} from '@paved/plugin-paved-common';
import { MANAGED_BY } from '../labels';
import { RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import { gvisorRuntimeClass, tenantPriorityClasses } from './isolation';

/** Where the tier's tenancy objects go in a cluster baseline. */
export const TIER_TENANCY_FILE = 'manifests/tenancy/runtime-and-priority.yaml';

/**
 * The cluster-side half of tenant isolation for a tier: the gVisor
 * RuntimeClass that `sandboxed` tenants run in (tiers 3-5) and the
 * PriorityClasses tenants choose from (tiers 2-5). Kept out of the cluster
 * baseline's renderer on purpose, as one concern the baseline adds to its
 * list (src/render/cluster.ts, `CONCERNS`) with
 * `b => tierTenancyFiles(b.input.tier)`; until then the tenant convergence
 * test applies it beside the baseline.
 */
export function tierTenancyFiles(tier: TierNumber): RenderedFile[] {
  const labels = { 'app.kubernetes.io/managed-by': MANAGED_BY };
  const objects = [
    ...(tierShipsGvisor(tier) ? [gvisorRuntimeClass(labels)] : []),
    ...(tierShipsTenantPriorityClasses(tier)
      ? tenantPriorityClasses(labels)
      : []),
  ];
  return objects.length ? [manifestFile(TIER_TENANCY_FILE, objects)] : [];
}
