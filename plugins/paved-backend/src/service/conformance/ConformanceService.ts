import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConformanceSummary,
  createConformanceAccumulator,
  TierNumber,
} from '@paved/plugin-paved-common';
import { ClusterReader } from '../clusters/ClusterReader';
import { ClusterReadRequest } from '../clusters/ClusterReadRequest';
import { ClusterReadService } from '../clusters/ClusterReadService';
import { conformanceScope, ConformanceScope } from './conformanceScope';
import { clusterStatusOf } from '../clusters/errors';
import { ClusterResult } from '../clusters/fanOut';
import { listPath } from '../clusters/paths';

/**
 * Kinds listed before Pods: the accumulator must know the workloads to tell
 * which Pods their templates already cover. Never Secrets.
 */
export const CONFORMANCE_KINDS_BEFORE_PODS = [
  { group: 'apps', version: 'v1', plural: 'deployments' },
  { group: 'apps', version: 'v1', plural: 'statefulsets' },
  { group: 'apps', version: 'v1', plural: 'daemonsets' },
  { group: '', version: 'v1', plural: 'resourcequotas' },
  { group: '', version: 'v1', plural: 'limitranges' },
  { group: 'networking.k8s.io', version: 'v1', plural: 'networkpolicies' },
  { group: 'policy', version: 'v1', plural: 'poddisruptionbudgets' },
] as const;

/**
 * One cluster's conformance, in the per-cluster shape every Paved route
 * shares (`data` on success).
 * @public
 */
export type ClusterConformanceResult = ClusterResult<ConformanceSummary>;

/** @public */
export interface ConformanceResponse {
  entityRef: string;
  tier: TierNumber;
  scope: 'tenant' | 'cluster';
  /** The tenant's namespaces, as the entity declares them. */
  namespaces?: string[];
  clusters: ClusterConformanceResult[];
}

/** Checks live objects against the entity's tier, as the requesting user. */
export class ConformanceService extends ClusterReadService {
  entityConformance(
    ref: CompoundEntityRef,
    request: ClusterReadRequest,
  ): Promise<ConformanceResponse> {
    return this.entityRead(
      'conformance',
      ref,
      request,
      {
        scope: conformanceScope,
        pin: scope => scope.cluster,
        read: (reader, { scope }) => this.clusterConformance(reader, scope),
      },
      ({ entity, scope, results }) => ({
        entityRef: stringifyEntityRef(entity),
        tier: scope.tier,
        scope: scope.scope,
        ...(scope.namespaces ? { namespaces: scope.namespaces } : {}),
        clusters: results,
      }),
    );
  }

  private async clusterConformance(
    reader: ClusterReader,
    scope: ConformanceScope,
  ): Promise<ConformanceSummary> {
    const acc = createConformanceAccumulator({
      tier: scope.tier,
      ...(scope.namespaces ? { namespaces: scope.namespaces } : {}),
    });
    const list = (apiPath: string) =>
      reader.list(apiPath, item => acc.add(item));

    // A tenant's namespaces one by one; a cluster's, cluster-wide lists.
    const namespaces: (string | undefined)[] = scope.namespaces ?? [undefined];
    const found: (string | undefined)[] = [];
    await Promise.all(
      namespaces.map(async ns => {
        if (ns === undefined) {
          await list('/api/v1/namespaces');
          found.push(undefined);
          return;
        }
        try {
          acc.add(
            await reader.get(`/api/v1/namespaces/${encodeURIComponent(ns)}`),
          );
          found.push(ns);
        } catch (error) {
          // Absent here: reported as missing, and nothing more to read.
          if (clusterStatusOf(error) !== 404) throw error;
        }
      }),
    );
    await Promise.all(
      found.flatMap(ns =>
        CONFORMANCE_KINDS_BEFORE_PODS.map(k =>
          list(listPath(k.group, k.version, k.plural, ns)),
        ),
      ),
    );
    await Promise.all(found.map(ns => list(listPath('', 'v1', 'pods', ns))));
    return acc.result();
  }
}
