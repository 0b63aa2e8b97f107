import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type { Request } from 'express';
import type { SharedLists } from '../fleet/SharedLists';

/**
 * Who is asking for a cluster read: the signed-in user, and the cluster
 * credentials their request carried. Every cluster-reading route builds one
 * after its permission check and hands it to its service.
 * @public
 */
export interface ClusterReadRequest {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  /**
   * `Backstage-Kubernetes-Authorization*` headers from the incoming request,
   * for clusters whose auth is the user's own token (OIDC and the like).
   */
  clusterAuthHeaders: Record<string, string>;
}

/**
 * One cluster's calls for a {@link ClusterReadRequest}: the request plus
 * what the fan-out adds per cluster (its abort signal and latency sink).
 */
export interface CallContext extends ClusterReadRequest {
  /** Aborts every call of this context (the per-cluster timeout). */
  signal?: AbortSignal;
  /** Receives each call's duration, for the API latency signal. */
  onLatency?: (ms: number) => void;
  /**
   * Lists read once for several services of one request (the fleet row's
   * Pods, for health and conformance); see fleet/SharedLists.ts.
   */
  sharedLists?: Pick<SharedLists, 'list'>;
}

/**
 * A route's permission check, as the router gives it to a feature's routes:
 * who is asking, once they hold `permission` (a 403 otherwise).
 */
export type AuthorizeRead<P> = (
  req: Request,
  permission: P,
) => Promise<ClusterReadRequest>;
