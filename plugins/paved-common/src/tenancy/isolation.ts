import type { TierNumber } from '../tiers';

/**
 * How hard a tenant is kept apart from the others. Each level keeps what the
 * one before it does and adds one layer, from the cheapest to the strongest
 * (docs/tenants.md, "Isolation tiers"):
 *
 * - `namespace`: namespaces, RBAC, NetworkPolicy, quota, Pod Security;
 * - `sandboxed`: and every Pod runs in the gVisor sandbox (RuntimeClass);
 * - `dedicated-nodes`: and Pods run only on the tenant's own tainted pool;
 * - `virtual-cluster`: and the tenant gets its own control plane (vCluster)
 *   inside its host namespaces.
 *
 * @public
 */
export const ISOLATION_LEVELS = [
  'namespace',
  'sandboxed',
  'dedicated-nodes',
  'virtual-cluster',
] as const;

/** @public */
export type IsolationLevel = (typeof ISOLATION_LEVELS)[number];

/** @public */
export function isIsolationLevel(value: unknown): value is IsolationLevel {
  return (ISOLATION_LEVELS as readonly unknown[]).includes(value);
}

/** 1-4, for "at least" comparisons between isolation levels. @public */
export function isolationRank(level: IsolationLevel): number {
  return ISOLATION_LEVELS.indexOf(level) + 1;
}

/** Whether `level` includes the layer `layer` adds. @public */
export function isolationIncludes(
  level: IsolationLevel,
  layer: IsolationLevel,
): boolean {
  return isolationRank(level) >= isolationRank(layer);
}

/** The RuntimeClass that runs Pods in gVisor, and its CRI handler. @public */
export const GVISOR_RUNTIME_CLASS = 'gvisor';
/** @public */
export const GVISOR_HANDLER = 'runsc';

/**
 * The cluster tiers whose baseline ships the gVisor RuntimeClass: the ones
 * that host many teams (3 and up). Tiers 1 and 2 run one team's trusted
 * workloads and do not install a sandboxed runtime on their nodes.
 *
 * @public
 */
export const GVISOR_TIERS: readonly TierNumber[] = [3, 4, 5];

/** @public */
export function tierShipsGvisor(tier: TierNumber): boolean {
  return GVISOR_TIERS.includes(tier);
}

/** The node label a dedicated pool carries unless the form names another. @public */
export const DEFAULT_NODE_POOL_LABEL = 'paved.dev/node-pool';
/** The taint key of a tenant's dedicated pool unless the form names another. @public */
export const DEFAULT_TENANT_TAINT_KEY = 'paved.dev/tenant';

/** @public */
export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
/** @public */
export const TAINT_EFFECTS: readonly TaintEffect[] = [
  'NoSchedule',
  'PreferNoSchedule',
  'NoExecute',
];

/**
 * A PriorityClass the platform offers tenants. The baseline ships these from
 * the tiers in {@link TENANT_PRIORITY_TIERS}; a tenant picks one, and a
 * quota scoped by priority class keeps it off every other class, the
 * system ones included.
 *
 * @public
 */
export interface TenantPriorityClass {
  name: string;
  value: number;
  description: string;
}

/** @public */
export const TENANT_PRIORITY_CLASSES: readonly TenantPriorityClass[] = [
  {
    name: 'paved-tenant-low',
    value: 1000,
    description:
      'Batch and preemptible tenant work; evicted first under pressure.',
  },
  {
    name: 'paved-tenant-standard',
    value: 10000,
    description: 'Ordinary tenant services.',
  },
  {
    name: 'paved-tenant-high',
    value: 100000,
    description:
      'Tenant services that must keep running; still below every platform component.',
  },
];

/** Kubernetes' own classes, never for tenants. @public */
export const SYSTEM_PRIORITY_CLASSES = [
  'system-cluster-critical',
  'system-node-critical',
] as const;

/**
 * Tiers whose baseline ships {@link TENANT_PRIORITY_CLASSES}: those that
 * require a quota in every workload namespace (2 and up).
 *
 * @public
 */
export const TENANT_PRIORITY_TIERS: readonly TierNumber[] = [2, 3, 4, 5];

/** @public */
export function tierShipsTenantPriorityClasses(tier: TierNumber): boolean {
  return TENANT_PRIORITY_TIERS.includes(tier);
}
