import { InputError } from '@backstage/errors';

/**
 * Paved never reads Secrets, whoever asks and whatever the cluster's RBAC
 * would allow: a path naming `secrets` in any segment is refused before a
 * request leaves the backend.
 */
export function assertReadablePath(apiPath: string): void {
  if (!apiPath.startsWith('/')) {
    throw new InputError(`API path must be absolute, got '${apiPath}'`);
  }
  const segments = apiPath
    .split('?')[0]
    .split('/')
    .map(s => decodeURIComponent(s).toLowerCase());
  if (segments.includes('secrets')) {
    throw new InputError('Paved does not read Secrets');
  }
  if (segments.includes('..')) {
    throw new InputError(`API path may not contain '..': '${apiPath}'`);
  }
}

/** The list path of a kind, in one namespace or across all. */
export function listPath(
  group: string,
  version: string,
  plural: string,
  namespace?: string,
): string {
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return namespace
    ? `${base}/namespaces/${encodeURIComponent(namespace)}/${plural}`
    : `${base}/${plural}`;
}
