import { authorize, Identity, RequestAttributes } from '../auth/authorize';
import { decodeObjectBody } from '../http/body';
import { ApiContext, ApiRequest, ApiResponse, json } from '../http/context';
import { ResourceRequest } from '../http/requestInfo';
import {
  badRequest,
  forbidden,
  invalidKind,
  methodNotAllowed,
  pathNotFound,
} from '../http/status';
import { isPlainObject, JsonObject } from '../types';
import { FieldError, invalid } from '../validation/fieldErrors';
import { storedRbacPolicy } from './rbac';
import { rulesReview } from './rulesReview';

export const AUTHORIZATION_GROUP = 'authorization.k8s.io';

const KINDS: Record<string, string> = {
  selfsubjectaccessreviews: 'SelfSubjectAccessReview',
  subjectaccessreviews: 'SubjectAccessReview',
  selfsubjectrulesreviews: 'SelfSubjectRulesReview',
};

/** Whether a request is for one of the access reviews served here. */
export function isAccessReview(info: ResourceRequest): boolean {
  return (
    info.group === AUTHORIZATION_GROUP &&
    Object.prototype.hasOwnProperty.call(KINDS, info.resource)
  );
}

const str = (o: JsonObject, key: string): string | undefined =>
  typeof o[key] === 'string' ? (o[key] as string) : undefined;

/** The spec's attributes as the authorizer sees a request. */
function attributesOf(spec: JsonObject, kind: string): RequestAttributes {
  const res = isPlainObject(spec.resourceAttributes)
    ? spec.resourceAttributes
    : undefined;
  const nonRes = isPlainObject(spec.nonResourceAttributes)
    ? spec.nonResourceAttributes
    : undefined;
  if (!res === !nonRes) {
    const errors: FieldError[] = [
      invalid(
        'spec.resourceAttributes',
        res ?? null,
        'exactly one of nonResourceAttributes or resourceAttributes must be specified',
      ),
    ];
    throw invalidKind(
      `${kind}.${AUTHORIZATION_GROUP}`,
      AUTHORIZATION_GROUP,
      kind,
      '',
      errors,
    );
  }
  if (nonRes) {
    return {
      verb: str(nonRes, 'verb') ?? '',
      apiGroup: '',
      resource: '',
      path: str(nonRes, 'path') ?? '',
    };
  }
  const r = res!;
  const attrs: RequestAttributes = {
    verb: str(r, 'verb') ?? '',
    apiGroup: str(r, 'group') ?? '',
    resource: str(r, 'resource') ?? '',
  };
  if (str(r, 'subresource')) attrs.subresource = str(r, 'subresource');
  if (str(r, 'namespace')) attrs.namespace = str(r, 'namespace');
  if (str(r, 'name')) attrs.name = str(r, 'name');
  attrs.allNamespaces = attrs.namespace === undefined;
  return attrs;
}

/**
 * `POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews`,
 * `.../subjectaccessreviews` and `.../selfsubjectrulesreviews`: the same
 * authorizer chain that guards every
 * request, answered for the caller (self) or for the user, groups and
 * service account in the spec. Like the API server, any authenticated user
 * may ask about itself (`system:basic-user`); asking about others needs
 * `create` on `subjectaccessreviews`.
 */
export function accessReview(
  ctx: ApiContext,
  req: ApiRequest,
  info: ResourceRequest,
  identity: Identity,
): ApiResponse {
  if (info.version !== 'v1') throw pathNotFound();
  if (info.name || info.namespace) throw pathNotFound();
  if (info.verb !== 'create') throw methodNotAllowed();
  const kind = KINDS[info.resource];
  const self = info.resource !== 'subjectaccessreviews';

  if (self) {
    if (identity.user === 'system:anonymous') {
      throw forbidden(
        { group: AUTHORIZATION_GROUP, plural: info.resource },
        undefined,
        `User "system:anonymous" cannot create resource "${info.resource}" in API group "${AUTHORIZATION_GROUP}" at the cluster scope`,
      );
    }
  } else {
    const asked: RequestAttributes = {
      verb: 'create',
      apiGroup: AUTHORIZATION_GROUP,
      resource: info.resource,
    };
    const d = authorize(identity, asked, () => storedRbacPolicy(ctx));
    if (!d.allowed) {
      throw forbidden(
        { group: AUTHORIZATION_GROUP, plural: info.resource },
        undefined,
        `User "${identity.user}" cannot create resource "${info.resource}" in API group "${AUTHORIZATION_GROUP}" at the cluster scope`,
      );
    }
  }

  const body = decodeObjectBody(req.body, req.headers['content-type']);
  if (body.kind !== undefined && body.kind !== kind) {
    throw badRequest(
      `${kind} in version "v1" cannot be handled as a ${String(body.kind)}`,
    );
  }
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const metadata = isPlainObject(body.metadata) ? body.metadata : {};
  if (info.resource === 'selfsubjectrulesreviews') {
    return json(201, {
      kind,
      apiVersion: `${AUTHORIZATION_GROUP}/v1`,
      metadata: { ...metadata, creationTimestamp: null },
      spec,
      status: rulesReview(ctx, identity, str(spec, 'namespace') ?? ''),
    });
  }
  const attrs = attributesOf(spec, kind);

  let subject: Identity;
  if (self) {
    subject = identity;
  } else {
    const user = str(spec, 'user') ?? '';
    const groups = Array.isArray(spec.groups)
      ? spec.groups.filter((g): g is string => typeof g === 'string')
      : [];
    if (!user && groups.length === 0) {
      throw invalidKind(
        `${kind}.${AUTHORIZATION_GROUP}`,
        AUTHORIZATION_GROUP,
        kind,
        '',
        [
          invalid(
            'spec.user',
            '',
            'at least one of user or group must be specified',
          ),
        ],
      );
    }
    // Like the API server, the review takes the groups as given: the
    // caller says whether system:authenticated is among them.
    const grant = Object.values(ctx.tokens).find(g => g.user === user);
    subject = { user, groups, ...(grant ? { grant } : {}) };
  }

  const d = authorize(subject, attrs, () => storedRbacPolicy(ctx));
  const status: JsonObject = { allowed: d.allowed };
  if (d.denied) status.denied = true;
  if (d.reason) status.reason = d.reason;
  if (d.evaluationError) status.evaluationError = d.evaluationError;
  return json(201, {
    kind,
    apiVersion: `${AUTHORIZATION_GROUP}/v1`,
    metadata: { ...metadata, creationTimestamp: null },
    spec,
    status,
  });
}
