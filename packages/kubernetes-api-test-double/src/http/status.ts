import {
  ResourceType,
  qualifiedKind,
  qualifiedResource,
} from '../resources/types';
import {
  causeMessage,
  errorMessage,
  FieldError,
} from '../validation/fieldErrors';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
  type?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** A metav1.Status body. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: { continue?: string; resourceVersion?: string };
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** A request that fails with a Status body, as every API server error does. */
export class ApiError extends Error {
  /** `deniedBy`: the admission step that refused the request, for the request log. */
  constructor(readonly status: Status, readonly deniedBy?: string) {
    super(status.message);
    this.name = 'ApiError';
  }

  get code(): number {
    return this.status.code;
  }
}

function failure(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): ApiError {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  if (details) status.details = details;
  return new ApiError(status);
}

const resourceDetails = (
  rt: Pick<ResourceType, 'group' | 'plural'>,
  name?: string,
): StatusDetails => {
  const d: StatusDetails = {};
  if (name) d.name = name;
  if (rt.group) d.group = rt.group;
  d.kind = rt.plural;
  return d;
};

export function successStatus(
  rt: ResourceType,
  name: string,
  uid?: string,
): Status {
  const details = resourceDetails(rt, name);
  if (uid) details.uid = uid;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details,
    code: 200,
  };
}

export const unauthorized = () => failure(401, 'Unauthorized', 'Unauthorized');

export const badRequest = (message: string) =>
  failure(400, 'BadRequest', message);

/** The 404 for a path that names no resource at all. */
export const pathNotFound = () =>
  failure(
    404,
    'NotFound',
    'the server could not find the requested resource',
    {},
  );

export const notFound = (
  rt: Pick<ResourceType, 'group' | 'plural'>,
  name: string,
) =>
  failure(
    404,
    'NotFound',
    `${qualifiedResource(rt)} "${name}" not found`,
    resourceDetails(rt, name),
  );

export const alreadyExists = (rt: ResourceType, name: string) =>
  failure(
    409,
    'AlreadyExists',
    `${qualifiedResource(rt)} "${name}" already exists`,
    resourceDetails(rt, name),
  );

export const updateConflict = (rt: ResourceType, name: string) =>
  failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(
      rt,
    )} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    resourceDetails(rt, name),
  );

export const applyConflict = (message: string, causes: StatusCause[]) =>
  failure(409, 'Conflict', message, { causes });

export function forbidden(
  rt: Pick<ResourceType, 'group' | 'plural'>,
  name: string | undefined,
  reason: string,
): ApiError {
  const subject = name
    ? `${qualifiedResource(rt)} "${name}"`
    : qualifiedResource(rt);
  return failure(
    403,
    'Forbidden',
    `${subject} is forbidden: ${reason}`,
    resourceDetails(rt, name),
  );
}

/** 422 Invalid for an object, listing its field errors like the real server. */
export function invalidObject(
  rt: ResourceType,
  name: string,
  errors: FieldError[],
): ApiError {
  return invalidKind(qualifiedKind(rt), rt.group, rt.kind, name, errors);
}

export function invalidKind(
  displayKind: string,
  group: string,
  kind: string,
  name: string,
  errors: FieldError[],
): ApiError {
  const list = errors.map(errorMessage);
  const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  const details: StatusDetails = { name, kind };
  if (group) details.group = group;
  details.causes = errors.map(e => ({
    reason: e.reason,
    message: causeMessage(e),
    field: e.field,
  }));
  if (!name) delete details.name;
  return failure(
    422,
    'Invalid',
    `${displayKind} "${name}" is invalid: ${summary}`,
    details,
  );
}

export const gone = (message: string, continueToken?: string) => {
  const err = failure(410, 'Expired', message);
  if (continueToken) err.status.metadata.continue = continueToken;
  return err;
};

export const methodNotAllowed = () =>
  failure(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );

export const unsupportedMediaType = (contentType: string, accepted: string[]) =>
  failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(
      ', ',
    )}`,
    { causes: [{ reason: 'UnsupportedMediaType', message: contentType }] },
  );

export const notAcceptable = () =>
  failure(
    406,
    'NotAcceptable',
    'only the following media types are accepted: application/json, application/yaml',
  );

export const internalError = (message: string) =>
  failure(500, 'InternalError', `Internal error occurred: ${message}`, {
    causes: [{ message }],
  });

/** A Status body for an arbitrary code, used by fault injection. */
export function statusForCode(code: number, message?: string): Status {
  const reasons: Record<number, string> = {
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    409: 'Conflict',
    410: 'Expired',
    422: 'Invalid',
    429: 'TooManyRequests',
    500: 'InternalError',
    503: 'ServiceUnavailable',
    504: 'Timeout',
  };
  return failure(
    code,
    reasons[code] ?? 'Unknown',
    message ?? `injected fault: HTTP ${code}`,
  ).status;
}
