import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DriftClusterResult,
  DriftResponse,
  DriftSummary,
  driftSummary,
} from '@paved/plugin-paved-common';
import {
  checkClusterInput,
  manifestObjects,
  renderClusterBaseline,
  TenantEntity,
} from '@paved/plugin-scaffolder-backend-module-paved';
import { assertKnownCluster, clustersToRead } from '../clusters/ClusterAccess';
import { ClusterReadRequest } from '../clusters/ClusterReadRequest';
import {
  ClusterReadDeps,
  ClusterReadService,
} from '../clusters/ClusterReadService';
import { entityAsUser } from '../entityAsUser';
import { compareLive } from './compareLive';
import { LiveReader } from './liveReader';
import { driftSubjectOf } from './subject';
import { tenantDesired } from './tenantDesired';

export type { DriftResponse };

/** Receives each cluster's request count (the benchmark's). */
export type DriftObserver = (cluster: string, requests: number) => void;

/**
 * Where the live objects of what Paved rendered (a tenant, a cluster's
 * baseline) differ from what Paved renders for them now, field by field
 * over what the render sets, with who changed each field. GET only, as
 * the user's request allows; Secrets are never read.
 */
export class DriftService extends ClusterReadService<
  ClusterReadDeps & { observe?: DriftObserver }
> {
  entityDrift(
    ref: CompoundEntityRef,
    request: ClusterReadRequest,
  ): Promise<DriftResponse> {
    return this.cached(request, `drift:${stringifyEntityRef(ref)}`, () =>
      this.compute(ref, request),
    );
  }

  private async compute(
    ref: CompoundEntityRef,
    request: ClusterReadRequest,
  ): Promise<DriftResponse> {
    const { access, catalog } = this.deps;
    const entity = await entityAsUser(catalog, ref, request.credentials);
    const entityRef = stringifyEntityRef(entity);
    const subject = driftSubjectOf(entity);
    if (subject.type === 'none') {
      return {
        entityRef,
        subject: subject.subject,
        nothingToCompare: subject.nothingToCompare,
        clusters: [],
      };
    }
    const known = await access.listClusters(request);
    if (subject.type === 'cluster-baseline') {
      assertKnownCluster(subject.cluster, known, `the cluster ${entityRef}`);
      // A bad annotation is the entity's to fix: 400 naming the input.
      let input;
      try {
        input = checkClusterInput(subject.inputs);
      } catch (e) {
        throw new InputError(
          `${entityRef}: paved.dev/baseline-inputs: ${(e as Error).message}`,
        );
      }
      const desired = manifestObjects(renderClusterBaseline(input));
      const clusters = await this.perCluster(
        [subject.cluster],
        request,
        async reader =>
          driftSummary('cluster-baseline', await compareLive(desired, reader)),
      );
      return { entityRef, subject: 'cluster-baseline', clusters };
    }
    const clusters = await this.perCluster(
      clustersToRead(
        known,
        subject.cluster,
        'annotation backstage.io/kubernetes-cluster',
      ),
      request,
      async reader => {
        const t = await tenantDesired(
          subject.tenant,
          entity as unknown as TenantEntity,
          subject.namespaces,
          reader,
        );
        const summary = driftSummary(
          'tenant',
          await compareLive(t.desired, reader, t.live),
        );
        return t.unread.length ? { ...summary, unread: t.unread } : summary;
      },
    );
    return { entityRef, subject: 'tenant', clusters };
  }

  private async perCluster(
    clusters: string[],
    request: ClusterReadRequest,
    work: (reader: LiveReader) => Promise<DriftSummary>,
  ): Promise<DriftClusterResult[]> {
    const { observe } = this.deps;
    const { results } = await this.readClusters(
      request,
      () => clusters,
      async clusterReader => {
        const reader = new LiveReader(clusterReader);
        try {
          return await work(reader);
        } finally {
          observe?.(clusterReader.cluster, reader.requests);
        }
      },
    );
    return results.map(r =>
      r.ok
        ? { cluster: r.cluster, ok: true, drift: r.data }
        : { cluster: r.cluster, ok: false, error: r.error },
    );
  }
}
