import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ClusterHealthResponse,
  ComponentHealthResponse,
  createClusterHealthAccumulator,
  createComponentHealthAccumulator,
  createSchedulingLatencyAccumulator,
  withSchedulingLatency,
} from '@paved/plugin-paved-common';
import { ClusterReader } from '../clusters/ClusterReader';
import { ClusterReadRequest } from '../clusters/ClusterReadRequest';
import { ClusterReadService } from '../clusters/ClusterReadService';
import {
  COMPONENT_WORKLOAD_KINDS,
  ComponentSelection,
  componentSelection,
} from './componentSelection';
import { listPath } from '../clusters/paths';
import { readComponentPods } from './podTableRead';

/**
 * Who is asking, and the cluster credentials their request carried.
 * @deprecated Use {@link ClusterReadRequest}, the one request type of every cluster read.
 */
export type HealthRequest = ClusterReadRequest;

export type { ClusterHealthResponse, ComponentHealthResponse };

/** Computes health summaries from live clusters, as the requesting user. */
export class HealthService extends ClusterReadService {
  componentHealth(
    ref: CompoundEntityRef,
    request: ClusterReadRequest,
  ): Promise<ComponentHealthResponse> {
    return this.entityRead(
      'entity',
      ref,
      request,
      {
        scope: componentSelection,
        // A pinned cluster the user may not list is no cluster, not a 404.
        clusters: (known, selection) =>
          selection.cluster
            ? known.filter(c => c === selection.cluster)
            : known,
        read: (reader, { scope }) => this.componentHealthIn(reader, scope),
      },
      ({ entity, scope: selection, results }) => ({
        entityRef: stringifyEntityRef(entity),
        labelSelector: selection.labelSelector,
        ...(selection.namespace ? { namespace: selection.namespace } : {}),
        clusters: results,
      }),
    );
  }

  clusterHealth(
    name: string,
    request: ClusterReadRequest,
  ): Promise<ClusterHealthResponse> {
    return this.cached(request, `cluster:${name}`, async () => ({
      cluster: await this.readCluster(request, name, reader =>
        this.clusterHealthIn(reader),
      ),
    }));
  }

  private async componentHealthIn(
    reader: ClusterReader,
    selection: ComponentSelection,
  ) {
    // Also measures M3 on the Pods read in full (schedulingLatency.ts).
    const acc = withSchedulingLatency(createComponentHealthAccumulator());
    await Promise.all([
      // Pods are most of the bytes: Table rows first, full objects only
      // for the Pods that are not plainly healthy.
      readComponentPods({
        access: reader.access,
        cluster: reader.cluster,
        knownClusters: reader.known,
        namespace: selection.namespace,
        labelSelector: selection.labelSelector,
        pageSize: reader.pageSize,
        inspectLimit: this.deps.options.inspectLimit,
        ctx: reader.ctx,
        acc,
      }),
      ...COMPONENT_WORKLOAD_KINDS.map(k =>
        reader.list(
          listPath(k.group, k.version, k.plural, selection.namespace),
          item => acc.add(item),
          { labelSelector: selection.labelSelector },
        ),
      ),
    ]);
    return acc.result();
  }

  private async clusterHealthIn(reader: ClusterReader) {
    const version = await reader.get('/version');
    const acc = createClusterHealthAccumulator({
      controlPlaneVersion: version?.gitVersion,
    });
    const scheduling = createSchedulingLatencyAccumulator();
    await Promise.all([
      reader.list('/api/v1/nodes', n => acc.addNode(n)),
      reader.list('/api/v1/pods', p => {
        acc.addPod(p);
        scheduling.add(p);
      }),
      // Only Warning events travel; Normal ones are most of the volume.
      reader.list('/api/v1/events', e => acc.addEvent(e), {
        fieldSelector: 'type=Warning',
      }),
    ]);
    const schedulingLatency = scheduling.result();
    return {
      ...acc.result(),
      ...(schedulingLatency ? { schedulingLatency } : {}),
    };
  }
}
