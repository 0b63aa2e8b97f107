import { ClusterRequestError } from './errors';

/**
 * One page of a list (500 items) is a few megabytes at most; anything far
 * larger is a misbehaving cluster or proxy, and is refused rather than held.
 */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * Reads a body as UTF-8 text, giving up once it passes `maxBytes`. Chunks
 * are kept as bytes and decoded once: decoding each chunk into a growing
 * string costs more than the JSON.parse that follows.
 */
export async function readCapped(
  response: Response,
  options: { maxBytes?: number; what?: string; statusCode?: number } = {},
): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_RESPONSE_BYTES;
  const { bytes, cut } = await readUpTo(response, maxBytes);
  if (cut) {
    throw new ClusterRequestError(
      `${options.what ?? 'Response'} larger than ${maxBytes} bytes refused`,
      options.statusCode ?? response.status,
    );
  }
  return bytes.toString('utf8');
}

/**
 * Reads at most `maxBytes` of a body and stops there, for text a caller
 * shows in part (a log's tail) rather than refuses when it runs long.
 */
export async function readUpTo(
  response: Response,
  maxBytes: number,
): Promise<{ bytes: Buffer; cut: boolean }> {
  if (!response.body) return { bytes: Buffer.alloc(0), cut: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      return {
        bytes: Buffer.concat(chunks, size).subarray(0, maxBytes),
        cut: true,
      };
    }
  }
  return { bytes: Buffer.concat(chunks, size), cut: false };
}
