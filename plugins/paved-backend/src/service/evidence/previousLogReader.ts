import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { PreviousLog, redactLogLines } from '@paved/plugin-paved-common';
import { assertKnownCluster, ClusterAccess } from '../clusters/ClusterAccess';
import { CallContext } from '../clusters/ClusterReadRequest';
import { ClusterRequestError } from '../clusters/errors';
import { assertReadablePath } from '../clusters/paths';
import { isAllowedRead } from '../clusters/readAllowList';

export interface PreviousLogRequest {
  namespace: string;
  pod: string;
  container: string;
  tailLines: number;
  limitBytes: number;
}

/** The one path this reader GETs: a Pod's previous container log, bounded. */
export function previousLogPath(r: PreviousLogRequest): string {
  const query = new URLSearchParams({
    container: r.container,
    previous: 'true',
    tailLines: String(r.tailLines),
    limitBytes: String(r.limitBytes),
  });
  return `/api/v1/namespaces/${encodeURIComponent(
    r.namespace,
  )}/pods/${encodeURIComponent(r.pod)}/log?${query}`;
}

// The API server's answer when the container never terminated (or the
// kubelet has already removed its log).
const NO_PREVIOUS = /previous terminated container .* not found/;

/**
 * The last lines of a container's previous instance's log, read the way
 * ClusterAccess reads everything else: through the Kubernetes backend's
 * proxy with Paved's own identity, carrying the user's cluster credentials
 * where the cluster wants them, only from a configured cluster, after the
 * route checked `paved.logs.read` for the user. The request itself is
 * ClusterAccess's bounded text read; what the answer means (no previous
 * log, an unreachable cluster) is decided here. Lines are redacted before
 * they leave.
 */
export class PreviousLogReader {
  private readonly access: ClusterAccess;

  constructor(
    private readonly deps: {
      auth: AuthService;
      discovery: DiscoveryService;
      logger?: LoggerService;
    },
  ) {
    this.access = new ClusterAccess({ ...deps, feature: 'evidence' });
  }

  async read(
    cluster: string,
    knownClusters: readonly string[],
    request: PreviousLogRequest,
    ctx: CallContext,
  ): Promise<PreviousLog> {
    const apiPath = previousLogPath(request);
    assertReadablePath(apiPath);
    if (!isAllowedRead('evidence', apiPath)) {
      throw new ClusterRequestError(`Not a bounded log read: ${apiPath}`);
    }
    assertKnownCluster(cluster, knownClusters);
    // A cluster that ignores limitBytes is cut off at it, not read to the end.
    const response = await this.access.getText(
      cluster,
      knownClusters,
      apiPath,
      ctx,
      { maxBytes: request.limitBytes, maxErrorBytes: 64 * 1024 },
    );
    const { bytes, cut } = response;
    const text = bytes.toString('utf8');
    if (!response.ok) {
      const message = this.errorMessage(response.status, text);
      if (response.status === 400 && NO_PREVIOUS.test(message)) {
        return { found: false, message };
      }
      throw new ClusterRequestError(
        `HTTP ${response.status}: ${message}`,
        response.status,
      );
    }
    const all = text === '' ? [] : text.replace(/\n$/, '').split('\n');
    const { lines, redactedLines } = redactLogLines(
      all.slice(Math.max(0, all.length - request.tailLines)),
    );
    return {
      found: true,
      lines,
      redactedLines,
      // At the limit, the cluster stopped there: the log may go on.
      truncated: cut || bytes.length >= request.limitBytes,
      tailLines: request.tailLines,
      limitBytes: request.limitBytes,
    };
  }

  private errorMessage(status: number, text: string): string {
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const message: string =
      body?.message ?? body?.error?.message ?? `HTTP ${status}`;
    if (status >= 500 && body?.kind !== 'Status') {
      // The Kubernetes backend's own words carry the cluster's address.
      this.deps.logger?.warn(
        `Cluster unreachable through the Kubernetes backend: ${message}`,
      );
      return 'Cluster unreachable (the backend log has the details)';
    }
    return message;
  }
}
