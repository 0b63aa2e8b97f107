import { ClusterTimeoutError } from './errors';

/**
 * Settles with `work`'s value, or rejects with a ClusterTimeoutError
 * (`message`) after `ms`, even if `work` never settles: the race returns at
 * the timeout whatever `work` does with its abort signal.
 */
export async function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  message: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ClusterTimeoutError(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
