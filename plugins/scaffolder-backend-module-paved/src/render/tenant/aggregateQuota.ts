import { TierNumber, parseQuantity } from '@paved/plugin-paved-common';
import { KubeObject, QuotaInput } from '../types';

/**
 * The tenant-wide quota: one ceiling over all of a tenant's namespaces
 * together, on top of each namespace's own ResourceQuota. The engine is
 * HNC's HierarchicalResourceQuota (see docs/tenants.md, "Tenant-wide
 * quota", for why HNC and not Capsule): a parent namespace named after the
 * tenant holds the quota, and each environment namespace names it as its
 * parent through a HierarchyConfiguration. The environment namespaces stay
 * full namespaces (no subnamespace anchors), so Paved still owns them and
 * deleting the parent deletes nothing else.
 */

/** What the form asks for; every part optional, at least one given. */
export type AggregateQuotaInput = {
  cpu?: string;
  memory?: string;
  pods?: number;
  storage?: string;
};

export const AGGREGATE_QUOTA_KEYS = [
  'cpu',
  'memory',
  'pods',
  'storage',
] as const;
type AggregateKey = (typeof AGGREGATE_QUOTA_KEYS)[number];

/** The ResourceQuota resource each input key limits, as the per-namespace quota names it. */
export const AGGREGATE_RESOURCE: Record<AggregateKey, string> = {
  cpu: 'requests.cpu',
  memory: 'requests.memory',
  pods: 'pods',
  storage: 'requests.storage',
};

/** The HierarchicalResourceQuota's name in the tenant's parent namespace. */
export const AGGREGATE_QUOTA_NAME = 'tenant-aggregate-quota';
export const HNC_API_VERSION = 'hnc.x-k8s.io/v1alpha2';
/** HNC accepts exactly this name for a namespace's HierarchyConfiguration. */
export const HIERARCHY_CONFIGURATION_NAME = 'hierarchy';

/** HNC (with hierarchical resource quotas) is in the cluster baseline from tier 4, where seed 002 places it. */
export const HNC_FROM_TIER = 4;
export const tierShipsHnc = (tier: TierNumber | number) =>
  tier >= HNC_FROM_TIER;

/** The parent namespace holding the tenant-wide quota. */
export const tenantParentNamespace = (tenant: string) => tenant;

const given = (v: unknown) => v !== undefined && v !== null && v !== '';

/**
 * Checks the aggregate against the per-namespace quota; returns problems as
 * [field, message] pairs (none: usable). The rule, per resource: at least
 * one namespace's quota (less would make the per-namespace quota
 * unreachable) and less than the sum over the namespaces (the sum or more
 * never binds, since the per-namespace quotas already stop there). So a
 * tenant-wide quota needs two namespaces or more.
 */
export function aggregateQuotaProblems(args: {
  aggregate: unknown;
  quota: Partial<QuotaInput>;
  namespaces: number;
  tier?: number;
  delivery?: unknown;
}): Array<[string, string]> {
  const { aggregate, quota, namespaces, tier } = args;
  const out: Array<[string, string]> = [];
  const field = 'aggregateQuota';
  if (!aggregate || typeof aggregate !== 'object' || Array.isArray(aggregate)) {
    return [[field, 'must be a mapping of cpu, memory, pods and storage']];
  }
  const a = aggregate as Record<string, unknown>;
  if (tier !== undefined && !tierShipsHnc(tier)) {
    out.push([
      field,
      `needs HNC's HierarchicalResourceQuota, which the cluster baseline installs from tier ${HNC_FROM_TIER}; this tenant is on tier ${tier}`,
    ]);
  }
  if (args.delivery === 'claim') {
    out.push([
      field,
      'is not offered with delivery "claim": the Tenant claim does not carry a tenant-wide quota; deliver the manifests instead',
    ]);
  }
  for (const k of Object.keys(a)) {
    if (!(AGGREGATE_QUOTA_KEYS as readonly string[]).includes(k)) {
      out.push([
        `${field}.${k}`,
        `is not a tenant-wide quota resource (one of ${AGGREGATE_QUOTA_KEYS.join(
          ', ',
        )})`,
      ]);
    }
  }
  const keys = AGGREGATE_QUOTA_KEYS.filter(k => given(a[k]));
  if (keys.length === 0) {
    out.push([field, 'must limit at least one of cpu, memory, pods, storage']);
  }
  if (namespaces < 2 && keys.length) {
    out.push([
      field,
      `needs two environments or more: with ${namespaces} namespace the per-namespace quota is already the tenant's total`,
    ]);
  }
  for (const k of keys) {
    const f = `${field}.${k}`;
    const value = a[k];
    let agg: number;
    if (k === 'pods') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
        out.push([
          f,
          `${JSON.stringify(value)} must be a whole number of at least 1`,
        ]);
        continue;
      }
      agg = value;
    } else {
      try {
        if (typeof value !== 'string') throw new TypeError();
        agg = parseQuantity(value);
      } catch {
        out.push([
          f,
          `${JSON.stringify(value)} is not a Kubernetes quantity, e.g. ${
            k === 'cpu' ? '8 or 6500m' : '16Gi'
          }`,
        ]);
        continue;
      }
    }
    const per = quota[k];
    if (!given(per)) {
      out.push([
        f,
        `the per-namespace quota has no ${k}, so there is nothing for a tenant-wide ${k} to sit on top of`,
      ]);
      continue;
    }
    let perNs: number;
    try {
      perNs = k === 'pods' ? Number(per) : parseQuantity(String(per));
    } catch {
      continue; // the per-namespace quota's own check names it
    }
    if (agg < perNs) {
      out.push([
        f,
        `${value} is below one namespace's quota (${per}): no namespace could reach its own quota`,
      ]);
    } else if (namespaces >= 2 && agg >= perNs * namespaces) {
      out.push([
        f,
        `${value} is not below the sum of the ${namespaces} namespaces' quotas (${namespaces} × ${per}), so it would never bind`,
      ]);
    }
  }
  return out;
}

/** The aggregate as given, keys in a stable order, blanks left out. */
export function normalizeAggregateQuota(
  a: Record<string, unknown>,
): AggregateQuotaInput {
  return Object.fromEntries(
    AGGREGATE_QUOTA_KEYS.filter(k => given(a[k])).map(k => [k, a[k]]),
  ) as AggregateQuotaInput;
}

/** The HRQ's `hard`: the same resource names as the per-namespace quota. */
export function aggregateHard(a: AggregateQuotaInput): Record<string, string> {
  return Object.fromEntries(
    AGGREGATE_QUOTA_KEYS.filter(k => a[k] !== undefined).map(k => [
      AGGREGATE_RESOURCE[k],
      String(a[k]),
    ]),
  );
}

/** The aggregate read back from the HRQ's `hard` (day 2). */
export function aggregateFromHard(
  hard: Record<string, unknown> | undefined,
): AggregateQuotaInput | undefined {
  if (!hard) return undefined;
  const out: AggregateQuotaInput = {};
  for (const k of AGGREGATE_QUOTA_KEYS) {
    const v = hard[AGGREGATE_RESOURCE[k]];
    if (v === undefined) continue;
    if (k === 'pods') out.pods = Number(v);
    else out[k] = String(v);
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The HNC objects: each environment namespace's HierarchyConfiguration
 * naming the parent, and the HierarchicalResourceQuota in the parent. The
 * parent Namespace itself is rendered with the tenant's other namespaces.
 */
export function aggregateQuotaObjects(args: {
  tenant: string;
  namespaces: string[];
  aggregate: AggregateQuotaInput;
  labelsFor: (namespace: string) => Record<string, string>;
}): KubeObject[] {
  const parent = tenantParentNamespace(args.tenant);
  return [
    ...args.namespaces.map(namespace => ({
      apiVersion: HNC_API_VERSION,
      kind: 'HierarchyConfiguration',
      metadata: {
        name: HIERARCHY_CONFIGURATION_NAME,
        namespace,
        labels: args.labelsFor(namespace),
      },
      spec: { parent },
    })),
    {
      apiVersion: HNC_API_VERSION,
      kind: 'HierarchicalResourceQuota',
      metadata: {
        name: AGGREGATE_QUOTA_NAME,
        namespace: parent,
        labels: args.labelsFor(parent),
      },
      spec: { hard: aggregateHard(args.aggregate) },
    },
  ];
}
