import {
  authenticate,
  authorize,
  forbiddenReason,
  identityOf,
  RequestAttributes,
} from '../auth/authorize';
import { impersonate } from '../auth/impersonation';
import { accessReview, isAccessReview } from '../authorization/accessReview';
import { storedRbacPolicy } from '../authorization/rbac';
import { clusterRoleRules } from '@paved/plugin-paved-common';
import { ResourceType } from '../resources/types';
import { ApiContext, ApiRequest, ApiResponse, json } from './context';
import {
  apiGroupBody,
  apiGroupList,
  apiVersions,
  resourceList,
  SERVER_VERSION,
} from './discovery';
import { negotiate, Representation } from './negotiation';
import { openApiGroupVersion, openApiRoot } from './openapi';
import { getObject, listObjects, watchObjects } from './readHandlers';
import { parseRequestInfo, ResourceRequest } from './requestInfo';
import {
  ApiError,
  forbidden,
  internalError,
  methodNotAllowed,
  notAcceptable,
  pathNotFound,
  unauthorized,
} from './status';
import { isServiceProxy, serviceProxy } from '../opencost';
import { podLogs, scale } from './subresources';
import {
  createObject,
  deleteCollection,
  deleteObject,
  patchObject,
  replaceObject,
  WriteRequest,
} from './writeHandlers';

/** Paths default RBAC lets anyone read (system:public-info-viewer). */
const PUBLIC_PATHS = new Set(['/version', '/healthz', '/readyz', '/livez']);

/** Answers one API request. Pure request → response; sockets live in server.ts. */
export function handleRequest(ctx: ApiContext, req: ApiRequest): ApiResponse {
  try {
    return route(ctx, req);
  } catch (e) {
    if (e instanceof ApiError) {
      const res: ApiResponse = { type: 'json', status: e.code, body: e.status };
      if (e.deniedBy) res.deniedBy = e.deniedBy;
      return res;
    }
    const err = internalError((e as Error)?.message ?? String(e));
    return json(err.code, err.status);
  }
}

function route(ctx: ApiContext, req: ApiRequest): ApiResponse {
  const url = new URL(req.url, 'http://double.invalid');
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  const info = parseRequestInfo(method, url.pathname, url.searchParams);
  const path = url.pathname.replace(/\/+$/, '') || '/';

  // A bad token fails even on public paths; no token is anonymous (401 unless enabled).
  const header = req.headers.authorization;
  const grant = header ? authenticate(header, ctx.tokens) : ctx.anonymous;
  if (!grant && (header || !PUBLIC_PATHS.has(path))) throw unauthorized();

  if (info.type === 'nonResource') {
    if (method !== 'GET') throw methodNotAllowed();
    if (path === '/version') return json(200, SERVER_VERSION);
    if (path === '/openapi/v3') return json(200, openApiRoot(ctx.registry));
    const gv = /^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(
      path,
    );
    if (gv) {
      const [group, version] = gv[1] ? ['', gv[1]] : [gv[2], gv[3]];
      if (!ctx.registry.hasGroupVersion(group, version)) throw pathNotFound();
      return json(200, openApiGroupVersion(ctx.registry, group, version));
    }
    if (['/healthz', '/readyz', '/livez'].includes(path))
      return { type: 'text', status: 200, body: 'ok' };
    throw pathNotFound();
  }
  if (info.type !== 'resource' && method !== 'GET') throw methodNotAllowed();
  const rbac = () => storedRbacPolicy(ctx);
  // kubectl --as / --as-group (checked on discovery too, as the API server
  // does); the token's own user when absent.
  const identity = impersonate(req.headers, identityOf(grant!), rbac);
  switch (info.type) {
    case 'apiVersions':
      return json(200, apiVersions(ctx.serverAddress));
    case 'apiGroupList':
      return json(200, apiGroupList(ctx.registry));
    case 'apiGroup': {
      const body = apiGroupBody(ctx.registry, info.group);
      if (!body) throw pathNotFound();
      return json(200, body);
    }
    case 'resourceList':
      if (!ctx.registry.hasGroupVersion(info.group, info.version))
        throw pathNotFound();
      return json(200, resourceList(ctx.registry, info.group, info.version));
    default:
      break;
  }

  if (isAccessReview(info)) return accessReview(ctx, req, info, identity);

  const rt = ctx.registry.find(info.group, info.version, info.resource);
  const attrs: RequestAttributes = {
    verb: info.verb,
    apiGroup: info.group,
    resource: info.resource,
    // RBAC sees `services/proxy`, whatever path follows the proxy segment.
    subresource: info.subresource?.split('/')[0],
    namespace: info.namespace,
    name: info.name,
    allNamespaces: Boolean(rt?.namespaced) && info.namespace === undefined,
  };
  if (!authorize(identity, attrs, rbac).allowed) {
    throw forbidden(
      { group: info.group, plural: info.resource },
      info.name,
      forbiddenReason({ user: identity.user }, attrs),
    );
  }
  if (
    !rt ||
    (info.namespace !== undefined &&
      !rt.namespaced &&
      info.resource !== 'namespaces')
  ) {
    throw pathNotFound();
  }

  const rep = negotiate(req.headers.accept);
  const w: WriteRequest = {
    ctx,
    rt,
    info,
    query: url.searchParams,
    req,
    rep: rep ?? { as: 'object', format: 'json' },
    user: {
      username: identity.user,
      groups: identity.grant ? identity.grant.groups ?? [] : identity.groups,
    },
    can: a => authorize(identity, a, rbac).allowed,
    rulesOf: (kind, name, namespace) => {
      const policy = rbac();
      if (kind === 'ClusterRole')
        return policy.clusterRoles.has(name)
          ? clusterRoleRules(policy, name)
          : undefined;
      const role = policy.roles.get(`${namespace}/${name}`);
      return role ? role.rules ?? [] : undefined;
    },
  };
  if (isServiceProxy(info)) return serviceProxy(ctx, info, url, method);
  if (info.subresource) return subresource(w, method);
  if (!rep) throw notAcceptable();
  return resourceVerb(w, info, rep);
}

function supports(rt: ResourceType, verb: string): boolean {
  return (rt.verbs as string[]).includes(verb);
}

function resourceVerb(
  w: WriteRequest,
  info: ResourceRequest,
  rep: Representation,
): ApiResponse {
  if (!supports(w.rt, info.verb)) throw methodNotAllowed();
  switch (info.verb) {
    case 'get':
      return getObject(w.ctx, w.rt, info, rep, w.query);
    case 'list':
      return listObjects(w.ctx, w.rt, info, rep, w.query);
    case 'watch':
      return watchObjects(w.ctx, w.rt, info, w.query);
    case 'create':
      return createObject(w);
    case 'update':
      if (!info.name) throw methodNotAllowed();
      return replaceObject(w);
    case 'patch':
      if (!info.name) throw methodNotAllowed();
      return patchObject(w);
    case 'delete':
      return deleteObject(w);
    case 'deletecollection':
      return deleteCollection(w);
    default:
      throw methodNotAllowed();
  }
}

function subresource(w: WriteRequest, method: string): ApiResponse {
  const sub = w.info.subresource!;
  if (!w.info.name || !(w.rt.subresources ?? []).some(s => s === sub))
    throw pathNotFound();
  if (sub === 'log') {
    if (method !== 'GET') throw methodNotAllowed();
    return podLogs(w);
  }
  if (sub === 'scale') {
    if (!['GET', 'PUT', 'PATCH'].includes(method)) throw methodNotAllowed();
    return scale(w, method);
  }
  // status
  if (method === 'GET') return getObject(w.ctx, w.rt, w.info, w.rep, w.query);
  if (method === 'PUT') return replaceObject(w);
  if (method === 'PATCH') return patchObject(w);
  throw methodNotAllowed();
}
