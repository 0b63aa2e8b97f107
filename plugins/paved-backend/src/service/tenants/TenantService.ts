import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  rbacPolicy,
  TenantClusterSummary,
  tenantGuardrailsOf,
  TenantPageResponse,
  TenantPartUnavailable,
  tenantQuotaOf,
  tenantWhoCan,
} from '@paved/plugin-paved-common';
import {
  clustersToRead,
  CallContext,
  ClusterAccess,
} from '../clusters/ClusterAccess';
import { ClusterRequestError } from '../clusters/errors';
import { fanOut } from '../clusters/fanOut';
import { HealthServiceOptions } from '../clusters/options';
import { listPath } from '../clusters/paths';
import { ResultCache } from '../clusters/ResultCache';
import { entityAsUser } from '../entityAsUser';
import { HealthRequest } from '../health/HealthService';
import { tenantScope } from './tenantScope';

export type { TenantPageResponse };

const RBAC = 'rbac.authorization.k8s.io';
const POLICY_REPORTS = {
  group: 'wgpolicyk8s.io',
  version: 'v1alpha2',
  plural: 'policyreports',
};

const statusOf = (error: unknown) =>
  error instanceof ClusterRequestError ? error.statusCode : undefined;

/**
 * Runs a read whose refusal is an answer, not a failure: on one of `statuses`
 * the part is unavailable with `reason(error)`; anything else fails the
 * cluster as usual.
 */
async function optional<T>(
  read: () => Promise<T>,
  statuses: number[],
  reason: (error: ClusterRequestError) => string,
): Promise<T | TenantPartUnavailable> {
  try {
    return await read();
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && statuses.includes(status)) {
      return { available: false, reason: reason(error as ClusterRequestError) };
    }
    throw error;
  }
}

/**
 * A tenant's page from live clusters, as the requesting user: quota use per
 * namespace, who can do what in its namespaces (the cluster's RBAC through
 * Paved's evaluator) and its guardrail violations (Kyverno PolicyReports).
 * Reads no Secret: RBAC objects name them, nothing here fetches one.
 */
export class TenantService {
  private readonly cache: ResultCache;

  constructor(
    private readonly deps: {
      access: ClusterAccess;
      catalog: CatalogService;
      logger: LoggerService;
      options: HealthServiceOptions;
    },
  ) {
    this.cache = new ResultCache(deps.options.cacheTtlMs);
  }

  tenantPage(
    ref: CompoundEntityRef,
    request: HealthRequest,
  ): Promise<TenantPageResponse> {
    return this.cache.forUser(
      request,
      `tenant:${stringifyEntityRef(ref)}`,
      () => this.compute(ref, request),
    );
  }

  private async compute(
    ref: CompoundEntityRef,
    request: HealthRequest,
  ): Promise<TenantPageResponse> {
    const { access, catalog, options } = this.deps;
    const entity = await entityAsUser(catalog, ref, request.credentials);
    const scope = tenantScope(entity);
    const known = await access.listClusters(request);
    const clusters = clustersToRead(
      known,
      scope.cluster,
      'annotation backstage.io/kubernetes-cluster',
    );
    const results = await fanOut(
      clusters,
      options.clusterTimeoutMs,
      request,
      (cluster, ctx) =>
        this.clusterSummary(cluster, known, scope.namespaces, ctx),
    );
    return {
      entityRef: stringifyEntityRef(entity),
      tenant: scope.tenant,
      ...(scope.tier !== undefined ? { tier: scope.tier } : {}),
      ...(scope.isolation ? { isolation: scope.isolation } : {}),
      namespaces: scope.namespaces,
      clusters: results,
    };
  }

  private async clusterSummary(
    cluster: string,
    known: string[],
    namespaces: string[],
    ctx: CallContext,
  ): Promise<TenantClusterSummary> {
    const { access, options } = this.deps;
    const listAll = async (path: string) => {
      const items: unknown[] = [];
      await access.list(
        cluster,
        known,
        path,
        {},
        options.pageSize,
        item => items.push(item),
        ctx,
      );
      return items;
    };

    const present = await Promise.all(
      namespaces.map(async ns => {
        try {
          await access.get(
            cluster,
            known,
            `/api/v1/namespaces/${encodeURIComponent(ns)}`,
            ctx,
          );
          return true;
        } catch (error) {
          // Absent here: named as missing, and nothing more to read in it.
          if (statusOf(error) === 404) return false;
          throw error;
        }
      }),
    );
    const found = namespaces.filter((_, i) => present[i]);
    const missingNamespaces = namespaces.filter((_, i) => !present[i]);
    if (found.length === 0) {
      const none: TenantPartUnavailable = {
        available: false,
        reason: 'None of the tenant’s namespaces is in this cluster.',
      };
      return {
        namespaces: [],
        missingNamespaces,
        quotas: [],
        access: none,
        guardrails: none,
      };
    }

    const [quotas, accessPart, guardrails] = await Promise.all([
      Promise.all(
        found.map(ns => listAll(listPath('', 'v1', 'resourcequotas', ns))),
      ).then(lists => lists.flat().map(tenantQuotaOf)),
      optional(
        async () => {
          const lists = await Promise.all([
            listAll(listPath(RBAC, 'v1', 'clusterroles')),
            listAll(listPath(RBAC, 'v1', 'clusterrolebindings')),
            ...found.flatMap(ns => [
              listAll(listPath(RBAC, 'v1', 'roles', ns)),
              listAll(listPath(RBAC, 'v1', 'rolebindings', ns)),
            ]),
          ]);
          return {
            available: true as const,
            rows: tenantWhoCan(rbacPolicy(lists.flat()), found),
          };
        },
        [401, 403],
        e =>
          `The cluster does not let you list its Roles and bindings, so Paved cannot say who can do what here (${e.message}).`,
      ),
      optional(
        async () => {
          const lists = await Promise.all(
            found.map(ns =>
              listAll(
                listPath(
                  POLICY_REPORTS.group,
                  POLICY_REPORTS.version,
                  POLICY_REPORTS.plural,
                  ns,
                ),
              ),
            ),
          );
          return {
            available: true as const,
            ...tenantGuardrailsOf(lists.flat()),
          };
        },
        [401, 403, 404],
        e =>
          e.statusCode === 404
            ? 'This cluster serves no PolicyReports (wgpolicyk8s.io/v1alpha2): Kyverno is not installed, or not with its reports.'
            : `The cluster does not let you list PolicyReports (${e.message}).`,
      ),
    ]);
    return {
      namespaces: found,
      missingNamespaces,
      quotas,
      access: accessPart,
      guardrails,
    };
  }
}
