import { ClusterAccess } from './ClusterAccess';
import { CallContext } from './ClusterReadRequest';

/**
 * Items per page where no `paved.clusterAccess.pageSize` applies (cost's
 * workload list): the page the Kubernetes API's own clients ask for.
 */
export const DEFAULT_LIST_PAGE_SIZE = 500;

/**
 * One cluster's reads for one request: {@link ClusterAccess} bound to the
 * cluster, the user's cluster list, the fan-out's call context (abort signal,
 * latency) and the page size. A feature's per-cluster read takes one of
 * these and says only what it reads.
 */
export class ClusterReader {
  constructor(
    readonly access: ClusterAccess,
    readonly cluster: string,
    /** Every cluster the user may list (`cluster` is one of them). */
    readonly known: readonly string[],
    readonly ctx: CallContext,
    readonly pageSize: number = DEFAULT_LIST_PAGE_SIZE,
  ) {}

  /** GET one API path (see {@link ClusterAccess.get}). */
  get(apiPath: string, options: { accept?: string } = {}): Promise<any> {
    return this.access.get(
      this.cluster,
      this.known,
      apiPath,
      this.ctx,
      options,
    );
  }

  /** Every item of a list, page by page, handed to `onItem`. */
  list(
    apiPath: string,
    onItem: (item: any) => void,
    query: Record<string, string> = {},
  ): Promise<void> {
    return this.access.list({
      cluster: this.cluster,
      knownClusters: this.known,
      apiPath,
      query,
      pageSize: this.pageSize,
      onItem,
      ctx: this.ctx,
    });
  }

  /** Every item of a list, collected. */
  async listAll(
    apiPath: string,
    query: Record<string, string> = {},
  ): Promise<any[]> {
    const items: any[] = [];
    await this.list(apiPath, item => items.push(item), query);
    return items;
  }

  /** Whether a Secret exists, and nothing more (see {@link ClusterAccess.secretExists}). */
  secretExists(namespace: string, name: string): Promise<boolean> {
    return this.access.secretExists(
      this.cluster,
      this.known,
      namespace,
      name,
      this.ctx,
    );
  }
}
