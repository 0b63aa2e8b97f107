import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_COST_LABEL,
  CostSelector,
  DEFAULT_TEAM_LABEL,
  readCostLabel,
  readTenantAnnotations,
  TENANT_LABEL,
} from '@paved/plugin-paved-common';
import { componentSelection } from '../health/componentSelection';

/** Workload kinds a component's cost is made of, as OpenCost names them. */
export const COST_WORKLOAD_KINDS = [
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'deployment' },
  { group: 'apps', version: 'v1', plural: 'statefulsets', kind: 'statefulset' },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'daemonset' },
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'job' },
] as const;

/** What an entity's cost is: how to find its allocations. */
export type CostPlan =
  | {
      type: 'component';
      labelSelector: string;
      namespace?: string;
      cluster?: string;
    }
  | {
      type: 'tenant';
      tenant: string;
      namespaces: string[];
      monthlyBudget?: number;
    }
  | { type: 'label'; label: string; value: string }
  | { type: 'cluster'; cluster: string };

/** The OpenCost filter for a set of namespaces (`/allocation` only). */
export const namespaceFilter = (namespaces: readonly string[]) =>
  namespaces.length
    ? `namespace:${namespaces.map(n => JSON.stringify(n)).join(',')}`
    : undefined;

/**
 * Which cost an entity has: a cluster Resource its cluster's, a tenant
 * (annotation `paved.dev/tenant`) its namespaces', a Component with the
 * Kubernetes plugin's annotations its workloads', an entity annotated
 * `paved.dev/cost-label` that label's, and a Group its `team` label's.
 * Anything else has none, and the error says what to annotate.
 */
export function costPlanOf(entity: Entity): CostPlan {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const annotations = entity.metadata.annotations ?? {};
  if (kind === 'resource' && entity.spec?.type === 'kubernetes-cluster') {
    return { type: 'cluster', cluster: entity.metadata.name };
  }
  const tenant = readTenantAnnotations(annotations);
  if (tenant.tenant) {
    return {
      type: 'tenant',
      tenant: tenant.tenant,
      namespaces: tenant.namespaces,
      ...(tenant.monthlyBudget !== undefined
        ? { monthlyBudget: tenant.monthlyBudget }
        : {}),
    };
  }
  if (
    kind === 'component' &&
    (annotations['backstage.io/kubernetes-id'] ||
      annotations['backstage.io/kubernetes-label-selector'])
  ) {
    const sel = componentSelection(entity);
    return { type: 'component', ...sel };
  }
  // A team or cost centre: the allocations carrying its label.
  let costLabel: ReturnType<typeof readCostLabel>;
  try {
    costLabel = readCostLabel(annotations);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
  if (costLabel) return { type: 'label', ...costLabel };
  if (kind === 'group') {
    return {
      type: 'label',
      label: DEFAULT_TEAM_LABEL,
      value: entity.metadata.name,
    };
  }
  throw new InputError(
    `Entity has no cost to show: annotate a tenant with paved.dev/tenant (and paved.dev/namespaces), a Component with backstage.io/kubernetes-id, a team or cost centre with ${ANNOTATION_COST_LABEL} (<label>=<value>), or use a Resource of type kubernetes-cluster`,
  );
}

/** A tenant's selector: its namespaces, or namespaces labelled with the tenant. */
export function tenantSelector(
  plan: Extract<CostPlan, { type: 'tenant' }>,
): CostSelector {
  return plan.namespaces.length
    ? { type: 'namespaces', namespaces: plan.namespaces }
    : { type: 'label', label: TENANT_LABEL, value: plan.tenant };
}
