import type { ClusterResult } from '../clusters/results';
import { isQuantity, parseQuantity } from '../tiers/quantity';
import type { IsolationLevel } from './isolation';
import type { TenantWhoCanRow } from './accessMatrix';

/*
 * The tenant's entity page ("GET /api/paved/tenants/entity/..."): the shapes
 * the backend builds and the frontend reads, and the pure functions that
 * turn live objects (ResourceQuotas, PolicyReports) into them.
 */

/** One resource of a ResourceQuota: what is used against what is allowed. */
export interface TenantQuotaItem {
  /** `requests.cpu`, `pods`, `limits.memory`, ... */
  resource: string;
  hard: string;
  /** As the quota controller reports it; '0' when it has not counted yet. */
  used: string;
  /** used / hard in base units; null when a value is not a quantity or hard is 0. */
  ratio: number | null;
}

/** One ResourceQuota of a tenant namespace, from its `status`. */
export interface TenantQuota {
  namespace: string;
  name: string;
  items: TenantQuotaItem[];
}

const stringMap = (value: unknown): Record<string, string> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [
          k,
          String(v),
        ]),
      )
    : {};

/**
 * A ResourceQuota's use, resource by resource, from `status.hard` and
 * `status.used` (what the quota controller enforces; `spec.hard` stands in
 * while the controller has not written a status yet).
 */
export function tenantQuotaOf(quota: unknown): TenantQuota {
  const q = (quota ?? {}) as {
    metadata?: { name?: string; namespace?: string };
    spec?: { hard?: unknown };
    status?: { hard?: unknown; used?: unknown };
  };
  const statusHard = stringMap(q.status?.hard);
  const hard = Object.keys(statusHard).length
    ? statusHard
    : stringMap(q.spec?.hard);
  const used = stringMap(q.status?.used);
  const items = Object.keys(hard)
    .sort()
    .map(resource => {
      const h = hard[resource];
      const u = used[resource] ?? '0';
      let ratio: number | null = null;
      if (isQuantity(h) && isQuantity(u)) {
        const hv = parseQuantity(h);
        ratio = hv > 0 ? parseQuantity(u) / hv : null;
      }
      return { resource, hard: h, used: u, ratio };
    });
  return {
    namespace: q.metadata?.namespace ?? '',
    name: q.metadata?.name ?? '',
    items,
  };
}

/** `fail` and `error` break a rule; `warn` is a rule in audit mode. */
export type GuardrailResult = 'fail' | 'error' | 'warn';

/** One result of a PolicyReport that is not a pass or a skip. */
export interface TenantGuardrailViolation {
  namespace: string;
  policy: string;
  rule?: string;
  result: GuardrailResult;
  severity?: string;
  message?: string;
  /** `Pod payments/api-7d9`: the object the result is about. */
  resource?: { kind: string; name: string; namespace?: string };
}

/** What the tenant's PolicyReports say, violations first. */
export interface TenantGuardrails {
  /** PolicyReports read in the tenant's namespaces. */
  reports: number;
  /** Results by outcome across those reports. */
  counts: Record<'pass' | 'fail' | 'warn' | 'error' | 'skip', number>;
  violations: TenantGuardrailViolation[];
  /** Violations left out beyond the cap. */
  omitted: number;
}

const RESULTS_SHOWN: readonly string[] = ['fail', 'error', 'warn'];
const RESULT_RANK: Record<GuardrailResult, number> = {
  fail: 0,
  error: 1,
  warn: 2,
};

/**
 * Condenses `wgpolicyk8s.io/v1alpha2` PolicyReports (Kyverno writes one per
 * resource, with `scope`; older versions one per namespace, with
 * `results[].resources`) into counts and the violations, failures first,
 * at most `limit` of them so a noisy namespace cannot flood the page.
 */
export function tenantGuardrailsOf(
  reports: readonly unknown[],
  limit = 100,
): TenantGuardrails {
  const counts = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  const violations: TenantGuardrailViolation[] = [];
  for (const raw of reports) {
    const report = (raw ?? {}) as {
      metadata?: { namespace?: string };
      scope?: { kind?: string; name?: string; namespace?: string };
      results?: unknown;
    };
    const namespace = report.metadata?.namespace ?? '';
    const results = Array.isArray(report.results) ? report.results : [];
    for (const r of results) {
      const result = String(r?.result ?? '');
      if (result in counts) counts[result as keyof typeof counts]++;
      if (!RESULTS_SHOWN.includes(result)) continue;
      const target = Array.isArray(r?.resources)
        ? r.resources[0]
        : report.scope;
      violations.push({
        namespace,
        policy: String(r?.policy ?? ''),
        ...(r?.rule ? { rule: String(r.rule) } : {}),
        result: result as GuardrailResult,
        ...(r?.severity ? { severity: String(r.severity) } : {}),
        ...(r?.message ? { message: String(r.message) } : {}),
        ...(target?.kind && target?.name
          ? {
              resource: {
                kind: String(target.kind),
                name: String(target.name),
                ...(target.namespace
                  ? { namespace: String(target.namespace) }
                  : {}),
              },
            }
          : {}),
      });
    }
  }
  violations.sort(
    (a, b) =>
      RESULT_RANK[a.result] - RESULT_RANK[b.result] ||
      a.namespace.localeCompare(b.namespace) ||
      a.policy.localeCompare(b.policy) ||
      (a.rule ?? '').localeCompare(b.rule ?? '') ||
      (a.resource?.name ?? '').localeCompare(b.resource?.name ?? ''),
  );
  return {
    reports: reports.length,
    counts,
    violations: violations.slice(0, limit),
    omitted: Math.max(0, violations.length - limit),
  };
}

/** A part of the page the cluster could not give, and why, in words. */
export interface TenantPartUnavailable {
  available: false;
  reason: string;
}

/** One cluster's view of the tenant. */
export interface TenantClusterSummary {
  /** The tenant's namespaces found in this cluster. */
  namespaces: string[];
  /** The tenant's namespaces this cluster does not have. */
  missingNamespaces: string[];
  quotas: TenantQuota[];
  /** "Who can do what here", from the cluster's own RBAC objects. */
  access: { available: true; rows: TenantWhoCanRow[] } | TenantPartUnavailable;
  /** Kyverno's PolicyReports in the tenant's namespaces. */
  guardrails: ({ available: true } & TenantGuardrails) | TenantPartUnavailable;
}

/** `GET /api/paved/tenants/entity/:namespace/:kind/:name`. */
export interface TenantPageResponse {
  entityRef: string;
  tenant: string;
  tier?: number;
  /** From `paved.dev/isolation`; undefined when the entity does not say. */
  isolation?: IsolationLevel;
  namespaces: string[];
  clusters: ClusterResult<TenantClusterSummary>[];
}

/** What each isolation tier adds, in a sentence (docs/tenants.md). */
export const ISOLATION_LEVEL_SUMMARIES: Record<IsolationLevel, string> = {
  namespace:
    'Namespaces, tenant roles, default-deny networking, quota, limit ranges and Pod Security.',
  sandboxed: 'As namespace, and every Pod runs in the gVisor sandbox.',
  'dedicated-nodes':
    "As sandboxed, and Pods run only on the tenant's own tainted node pool.",
  'virtual-cluster':
    'As dedicated nodes, and the tenant gets its own control plane (vCluster) in each namespace.',
};
