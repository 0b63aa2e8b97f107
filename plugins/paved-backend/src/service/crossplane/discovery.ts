import {
  ApiDiscovery as SharedApiDiscovery,
  DiscoveryGet,
} from '@paved/plugin-paved-common';
import { ClusterRequestError } from '../clusters/errors';

// Discovery is written once, in paved-common (ADR 0006): this backend reads
// it through the Kubernetes backend's proxy, the scaffolder through
// @kubernetes/client-node.
export {
  KindNotServedError,
  objectPath,
  type ServedKind,
} from '@paved/plugin-paved-common';

/**
 * Group, version and plural of a kind from the cluster's own API discovery,
 * read through the proxy (`get` rejects with a ClusterRequestError). One
 * instance lives for one request, so each discovery document is read once.
 */
export class ApiDiscovery extends SharedApiDiscovery {
  constructor(get: DiscoveryGet) {
    super(
      get,
      error => error instanceof ClusterRequestError && error.statusCode === 404,
    );
  }
}
