export type RequestInfo =
  | { type: 'nonResource'; path: string }
  | { type: 'apiVersions' }
  | { type: 'apiGroupList' }
  | { type: 'apiGroup'; group: string }
  | { type: 'resourceList'; group: string; version: string }
  | ResourceRequest;

export interface ResourceRequest {
  type: 'resource';
  verb: string;
  group: string;
  version: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function verbFor(method: string, hasName: boolean, watch: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watch) return 'watch';
      return hasName ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

/**
 * Splits a request path the way the API server's RequestInfoFactory does,
 * including its quirk that `/api/v1/namespaces/<ns>` is resource "namespaces"
 * with both name and namespace set to <ns>.
 */
export function parseRequestInfo(
  method: string,
  pathname: string,
  query: URLSearchParams,
): RequestInfo {
  const parts = pathname
    .split('/')
    .filter(p => p !== '')
    .map(decodeURIComponent);
  if (parts[0] !== 'api' && parts[0] !== 'apis')
    return { type: 'nonResource', path: pathname };

  let group = '';
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'apiVersions' };
    rest = parts.slice(1);
  } else {
    if (parts.length === 1) return { type: 'apiGroupList' };
    if (parts.length === 2) return { type: 'apiGroup', group: parts[1] };
    group = parts[1];
    rest = parts.slice(2);
  }
  const version = rest[0];
  let tail = rest.slice(1);
  if (tail.length === 0) return { type: 'resourceList', group, version };

  let namespace: string | undefined;
  if (tail[0] === 'namespaces' && tail.length > 1) {
    namespace = tail[1];
    if (tail.length > 2 && !NAMESPACE_SUBRESOURCES.has(tail[2]))
      tail = tail.slice(2);
  }
  const [resource, name, subresource] = tail;
  const watch = ['true', '1'].includes(query.get('watch') ?? '');
  const info: ResourceRequest = {
    type: 'resource',
    verb: verbFor(method, name !== undefined, watch),
    group,
    version,
    resource,
  };
  if (namespace !== undefined) info.namespace = namespace;
  if (name !== undefined) info.name = name;
  if (subresource !== undefined) info.subresource = subresource;
  if (tail.length > 3) info.subresource = tail.slice(2).join('/');
  return info;
}
