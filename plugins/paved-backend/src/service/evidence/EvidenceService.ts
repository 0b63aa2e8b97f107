import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EvidenceEvent,
  evidenceCommands,
  EvidencePart,
  EvidenceResponse,
  PreviousLog,
} from '@paved/plugin-paved-common';
import { assertKnownCluster, ClusterAccess } from '../clusters/ClusterAccess';
import {
  CallContext,
  ClusterReadRequest,
} from '../clusters/ClusterReadRequest';
import { entityInClusters } from '../clusters/entityClusterRead';
import { ClusterTimeoutError, toClusterError } from '../clusters/errors';
import { listPath } from '../clusters/paths';
import { withTimeout } from '../clusters/withTimeout';
import {
  ANNOTATION_KUBERNETES_CLUSTER,
  ANNOTATION_KUBERNETES_NAMESPACE,
  componentSelection,
} from '../health/componentSelection';
import { EvidenceOptions } from './evidenceOptions';
import { EvidenceQuery } from './evidenceQuery';
import { eventsOf } from './events';
import { pickContainer } from './containers';
import { PreviousLogReader } from './previousLogReader';

const PATHS = {
  Pod: { group: '', plural: 'pods' },
  Deployment: { group: 'apps', plural: 'deployments' },
  StatefulSet: { group: 'apps', plural: 'statefulsets' },
  DaemonSet: { group: 'apps', plural: 'daemonsets' },
} as const;

/** A problem the route names to the caller (404/400), not a cluster error. */
const isRequestError = (e: unknown) =>
  e instanceof NotFoundError || e instanceof InputError;

/**
 * The evidence behind one problem: the object's events and, for a Pod's
 * container, its previous instance's last log lines. Only for objects the
 * component's selection finds (the health card's), only in configured
 * clusters, never from Secrets.
 */
export class EvidenceService {
  constructor(
    private readonly deps: {
      access: ClusterAccess;
      logs: PreviousLogReader;
      catalog: CatalogService;
      logger: LoggerService;
      options: EvidenceOptions;
      clusterTimeoutMs: number;
    },
  ) {}

  async evidence(
    ref: CompoundEntityRef,
    query: EvidenceQuery,
    request: ClusterReadRequest,
  ): Promise<EvidenceResponse> {
    const { options } = this.deps;
    const {
      entity,
      scope: selection,
      known,
    } = await entityInClusters(this.deps, ref, request, componentSelection);
    const entityRef = stringifyEntityRef(entity);
    assertKnownCluster(query.cluster, known);
    if (selection.cluster && selection.cluster !== query.cluster) {
      throw new NotFoundError(
        `${entityRef} runs only in cluster '${selection.cluster}' (${ANNOTATION_KUBERNETES_CLUSTER}), not '${query.cluster}'`,
      );
    }
    if (selection.namespace && selection.namespace !== query.namespace) {
      throw new NotFoundError(
        `${entityRef} runs only in namespace '${selection.namespace}' (${ANNOTATION_KUBERNETES_NAMESPACE}), not '${query.namespace}'`,
      );
    }
    const base = {
      entityRef,
      cluster: query.cluster,
      namespace: query.namespace,
      object: { kind: query.kind, name: query.name },
    };
    const commandsFor = (container?: string) =>
      evidenceCommands({
        ...base.object,
        cluster: query.cluster,
        namespace: query.namespace,
        container,
        tailLines: options.tailLines,
        limitBytes: options.limitBytes,
      });

    // One deadline for the cluster: each read races what is left of it, so
    // a hanging log read costs the log, not the events beside it.
    const timeoutMs = this.deps.clusterTimeoutMs;
    const message = `Cluster '${query.cluster}' did not answer within ${timeoutMs} ms`;
    const controller = new AbortController();
    const deadline = Date.now() + timeoutMs;
    const timer = setTimeout(
      () => controller.abort(new ClusterTimeoutError(message)),
      timeoutMs,
    );
    const ctx: CallContext = { ...request, signal: controller.signal };
    const inTime = <T>(work: Promise<T>) =>
      withTimeout(work, Math.max(0, deadline - Date.now()), message);
    try {
      const read = await this.read(
        query,
        known,
        selection.labelSelector,
        entityRef,
        ctx,
        inTime,
      );
      return {
        ...base,
        ...(read.container ? { container: read.container } : {}),
        ...(read.containers ? { containers: read.containers } : {}),
        commands: commandsFor(read.container),
        events: read.events,
        ...(read.previousLog ? { previousLog: read.previousLog } : {}),
      };
    } catch (error) {
      if (isRequestError(error)) throw error;
      return {
        ...base,
        ...(query.container ? { container: query.container } : {}),
        commands: commandsFor(query.container),
        error: toClusterError(error),
      };
    } finally {
      clearTimeout(timer);
      // Whatever is still in flight is no longer wanted.
      if (!controller.signal.aborted) controller.abort();
    }
  }

  private async read(
    query: EvidenceQuery,
    known: string[],
    labelSelector: string,
    entityRef: string,
    ctx: CallContext,
    inTime: <T>(work: Promise<T>) => Promise<T>,
  ) {
    const { access, logs, options } = this.deps;
    const kind = PATHS[query.kind];
    // The API server applies the component's selector: an object it does
    // not return is not the component's, whatever exists under that name.
    const params = new URLSearchParams({
      labelSelector,
      fieldSelector: `metadata.name=${query.name}`,
    });
    const list = await inTime(
      access.get(
        query.cluster,
        known,
        `${listPath(kind.group, 'v1', kind.plural, query.namespace)}?${params}`,
        ctx,
      ),
    );
    const object = Array.isArray(list?.items) ? list.items[0] : undefined;
    if (!object) {
      throw new NotFoundError(
        `No ${query.kind} ${query.namespace}/${query.name} of ${entityRef} in cluster '${query.cluster}' (selector ${labelSelector})`,
      );
    }
    const picked =
      query.kind === 'Pod' ? pickContainer(object, query.container) : undefined;

    const part = async <T>(f: () => Promise<T>): Promise<EvidencePart<T>> => {
      try {
        return { ok: true, value: await inTime(f()) };
      } catch (error) {
        return { ok: false, error: toClusterError(error) };
      }
    };
    const [events, previousLog] = await Promise.all([
      part(async (): Promise<EvidenceEvent[]> => {
        const items: any[] = [];
        await access.list({
          cluster: query.cluster,
          knownClusters: known,
          apiPath: listPath('', 'v1', 'events', query.namespace),
          query: {
            fieldSelector: `involvedObject.kind=${query.kind},involvedObject.name=${query.name}`,
          },
          pageSize: 500,
          onItem: item => items.push(item),
          ctx,
        });
        return eventsOf(items, options.maxEvents);
      }),
      picked
        ? part(
            async (): Promise<PreviousLog> =>
              picked.terminatedBefore
                ? logs.read(
                    query.cluster,
                    known,
                    {
                      namespace: query.namespace,
                      pod: query.name,
                      container: picked.container,
                      tailLines: options.tailLines,
                      limitBytes: options.limitBytes,
                    },
                    ctx,
                  )
                : {
                    found: false,
                    message: `Container ${picked.container} of Pod ${query.name} has not terminated before: there is no previous log`,
                  },
          )
        : Promise.resolve(undefined),
    ]);
    return {
      container: picked?.container,
      containers: picked?.containers,
      events,
      previousLog,
    };
  }
}
