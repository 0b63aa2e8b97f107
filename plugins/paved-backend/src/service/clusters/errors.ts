import type { ClusterError } from '@paved/plugin-paved-common';

// Why one cluster could not answer; the type is shared with the frontend.
export type { ClusterError };

/** A failed call through the Kubernetes backend, with what it answered. */
export class ClusterRequestError extends Error {
  readonly name = 'ClusterRequestError';
  constructor(message: string, readonly statusCode?: number) {
    super(message);
  }
}

/** The cluster did not answer within `paved.health.clusterTimeout`. */
export class ClusterTimeoutError extends Error {
  readonly name = 'ClusterTimeoutError';
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
