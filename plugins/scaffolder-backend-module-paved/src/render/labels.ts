import { CostLabels } from './types';

export const MANAGED_BY = 'paved-scaffolder';

/**
 * app.kubernetes.io recommended labels plus the FinOps cost labels, so that
 * every object can be traced to its owner and billed to a cost centre.
 */
export function standardLabels(
  cost: CostLabels,
  app: { name: string; component: string; partOf: string; version?: string },
): Record<string, string> {
  return {
    'app.kubernetes.io/name': app.name,
    'app.kubernetes.io/component': app.component,
    'app.kubernetes.io/part-of': app.partOf,
    ...(app.version ? { 'app.kubernetes.io/version': app.version } : {}),
    'app.kubernetes.io/managed-by': MANAGED_BY,
    ...costLabels(cost),
  };
}

export function costLabels(cost: CostLabels): Record<string, string> {
  return {
    team: cost.team,
    project: cost.project,
    environment: cost.environment,
    'cost-center': cost.costCenter,
  };
}
