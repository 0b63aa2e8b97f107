import { CustomErrorBase } from '@backstage/errors';
import type { ClusterError } from '@paved/plugin-paved-common';

// Why one cluster could not answer; the type is shared with the frontend.
export type { ClusterError };

/**
 * A failed call through the Kubernetes backend, with what it answered.
 * Kept as a class: it carries the cluster's `statusCode` (whatever it was,
 * not one of `@backstage/errors`' fixed ones), which the readers test (404
 * is absence) and `ClusterError` passes on to the cards.
 */
export class ClusterRequestError extends CustomErrorBase {
  readonly name = 'ClusterRequestError' as const;
  constructor(message: string, readonly statusCode?: number) {
    super(message);
  }
}

/**
 * The cluster did not answer within the cluster timeout. Kept as a class:
 * its name travels in `ClusterError`, where the cards and the cost
 * classification tell a timeout from a failure.
 */
export class ClusterTimeoutError extends CustomErrorBase {
  readonly name = 'ClusterTimeoutError' as const;
}

/**
 * The status a cluster answered a failed call with (404 is absence, 403 a
 * refusal); undefined for any other failure (a timeout, Paved's own checks).
 */
export function clusterStatusOf(error: unknown): number | undefined {
  return error instanceof ClusterRequestError ? error.statusCode : undefined;
}

export function toClusterError(error: unknown): ClusterError {
  if (error instanceof ClusterRequestError) {
    return {
      name: error.name,
      message: error.message,
      ...(error.statusCode ? { statusCode: error.statusCode } : {}),
    };
  }
  if (error instanceof Error) {
    return { name: error.name, message: error.message };
  }
  return { name: 'Error', message: String(error) };
}
