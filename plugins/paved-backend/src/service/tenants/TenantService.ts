import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  rbacPolicy,
  TenantClusterSummary,
  tenantGuardrailsOf,
  TenantPageResponse,
  TenantPartUnavailable,
  tenantQuotaOf,
  tenantWhoCan,
} from '@paved/plugin-paved-common';
import { ClusterReader } from '../clusters/ClusterReader';
import { ClusterReadRequest } from '../clusters/ClusterReadRequest';
import { ClusterReadService } from '../clusters/ClusterReadService';
import { ClusterRequestError, clusterStatusOf } from '../clusters/errors';
import { listPath } from '../clusters/paths';
import { tenantScope } from './tenantScope';

export type { TenantPageResponse };

const RBAC = 'rbac.authorization.k8s.io';
const POLICY_REPORTS = {
  group: 'wgpolicyk8s.io',
  version: 'v1alpha2',
  plural: 'policyreports',
};

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
    const status = clusterStatusOf(error);
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
export class TenantService extends ClusterReadService {
  tenantPage(
    ref: CompoundEntityRef,
    request: ClusterReadRequest,
  ): Promise<TenantPageResponse> {
    return this.entityRead(
      'tenant',
      ref,
      request,
      {
        scope: tenantScope,
        pin: scope => scope.cluster,
        via: 'annotation backstage.io/kubernetes-cluster',
        read: (reader, { scope }) =>
          this.clusterSummary(reader, scope.namespaces),
      },
      ({ entity, scope, results }) => ({
        entityRef: stringifyEntityRef(entity),
        tenant: scope.tenant,
        ...(scope.tier !== undefined ? { tier: scope.tier } : {}),
        ...(scope.isolation ? { isolation: scope.isolation } : {}),
        namespaces: scope.namespaces,
        clusters: results,
      }),
    );
  }

  private async clusterSummary(
    reader: ClusterReader,
    namespaces: string[],
  ): Promise<TenantClusterSummary> {
    const present = await Promise.all(
      namespaces.map(async ns => {
        try {
          await reader.get(`/api/v1/namespaces/${encodeURIComponent(ns)}`);
          return true;
        } catch (error) {
          // Absent here: named as missing, and nothing more to read in it.
          if (clusterStatusOf(error) === 404) return false;
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
        found.map(ns =>
          reader.listAll(listPath('', 'v1', 'resourcequotas', ns)),
        ),
      ).then(lists => lists.flat().map(tenantQuotaOf)),
      optional(
        async () => {
          const lists = await Promise.all([
            reader.listAll(listPath(RBAC, 'v1', 'clusterroles')),
            reader.listAll(listPath(RBAC, 'v1', 'clusterrolebindings')),
            ...found.flatMap(ns => [
              reader.listAll(listPath(RBAC, 'v1', 'roles', ns)),
              reader.listAll(listPath(RBAC, 'v1', 'rolebindings', ns)),
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
              reader.listAll(
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
