// Continue tokens in the shape etcd3 storage uses: base64 of
// {"v":"meta.k8s.io/v1","rv":<list revision>,"start":"<next key>"}.

export interface ContinuePosition {
  /** Revision the first page was read at; later pages read the same snapshot. */
  revision: number;
  /** Storage key to resume at (inclusive). */
  start: string;
}

export class ContinueTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContinueTokenError';
  }
}

export function encodeContinueToken(pos: ContinuePosition): string {
  const json = JSON.stringify({
    v: 'meta.k8s.io/v1',
    rv: pos.revision,
    start: pos.start,
  });
  return Buffer.from(json, 'utf8').toString('base64url');
}

export function decodeContinueToken(token: string): ContinuePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new ContinueTokenError(
      'continue key is not valid: illegal base64 data or JSON',
    );
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw new ContinueTokenError('continue key is not valid: not an object');
  }
  const { v, rv, start } = parsed as Record<string, unknown>;
  if (v !== 'meta.k8s.io/v1') {
    throw new ContinueTokenError(
      'continue key is not valid: server does not recognize this encoding',
    );
  }
  if (
    typeof rv !== 'number' ||
    !Number.isInteger(rv) ||
    typeof start !== 'string'
  ) {
    throw new ContinueTokenError(
      'continue key is not valid: incorrect encoded start resourceVersion',
    );
  }
  if (start === '' || start.includes('..')) {
    throw new ContinueTokenError(
      'continue key is not valid: invalid start key',
    );
  }
  return { revision: rv, start };
}
