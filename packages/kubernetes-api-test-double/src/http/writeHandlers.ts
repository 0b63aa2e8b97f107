import { AdmissionOperation, AdmissionUserInfo } from '../admission/types';
import { managedFieldsAfterUpdate, WriteScope } from '../apply/managedFields';
import { serverSideApply } from '../apply/serverSideApply';
import { applyJsonPatch } from '../patch/jsonPatch';
import { applyMergePatch } from '../patch/mergePatch';
import {
  applyStrategicMergePatch,
  PatchError,
} from '../patch/strategicMergePatch';
import { apiVersionOf, ResourceType } from '../resources/types';
import {
  hasStatusSubresource,
  prepareForCreate,
  prepareForUpdate,
} from '../store/lifecycle';
import {
  deepCopy,
  deepEqual,
  formatTime,
  isPlainObject,
  JsonObject,
  KubeObject,
} from '../types';
import { validateObject } from '../validation/validateObject';
import {
  Can,
  confirmNoEscalation,
  RoleRules,
} from '../authorization/escalation';
import { decodeBody, decodeObjectBody, mediaType } from './body';
import { ApiContext, ApiRequest, ApiResponse } from './context';
import { parseListQuery } from './listQuery';
import { Representation } from './negotiation';
import { presentList, presentObject } from './present';
import { ResourceRequest } from './requestInfo';
import {
  alreadyExists,
  ApiError,
  applyConflict,
  badRequest,
  invalidObject,
  methodNotAllowed,
  notFound,
  unsupportedMediaType,
  updateConflict,
} from './status';
import {
  managerFromUserAgent,
  parseWriteOptions,
  WriteOptions,
} from './writeOptions';

export interface WriteRequest {
  ctx: ApiContext;
  rt: ResourceType;
  info: ResourceRequest;
  query: URLSearchParams;
  req: ApiRequest;
  rep: Representation;
  /** Who is writing, as admission sees it. */
  user?: AdmissionUserInfo;
  /** Set by subresources that write through the main handlers (scale): admission leaves them alone. */
  skipAdmission?: boolean;
  /** The writer's authorizer, for RBAC's escalation prevention; absent: not checked. */
  can?: Can;
  /** Stored Roles' and ClusterRoles' rules, for the same check. */
  rulesOf?: RoleRules;
}

const JSON_PATCH = 'application/json-patch+json';
const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC_PATCH = 'application/strategic-merge-patch+json';
const APPLY_PATCH = 'application/apply-patch+yaml';

export function writeScope(
  rt: ResourceType,
  subresource: string | undefined,
): WriteScope {
  if (subresource === 'status') return 'status';
  return hasStatusSubresource(rt) ? 'main' : 'all';
}

function managerName(opts: WriteOptions, req: ApiRequest): string {
  return opts.fieldManager ?? managerFromUserAgent(req.headers['user-agent']);
}

/** Fills apiVersion/kind/namespace from the URL, refusing contradictions as the real server does. */
function normalizeBody(w: WriteRequest, body: JsonObject): KubeObject {
  const expected = apiVersionOf(w.rt);
  if (body.apiVersion !== undefined && body.apiVersion !== expected) {
    throw badRequest(
      `the API version in the data (${String(
        body.apiVersion,
      )}) does not match the expected API version (${expected})`,
    );
  }
  const obj = { ...deepCopy(body), apiVersion: expected } as KubeObject;
  obj.kind ??= w.rt.kind;
  obj.metadata = isPlainObject(obj.metadata) ? obj.metadata : {};
  return withRequestNamespace(w, obj);
}

function withRequestNamespace(w: WriteRequest, obj: KubeObject): KubeObject {
  if (!w.rt.namespaced) {
    delete obj.metadata.namespace;
    return obj;
  }
  const bodyNs = obj.metadata.namespace;
  if (bodyNs !== undefined && bodyNs !== '' && bodyNs !== w.info.namespace) {
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  obj.metadata.namespace = w.info.namespace;
  return obj;
}

function checkName(w: WriteRequest, obj: KubeObject): void {
  const name = obj.metadata.name;
  if (name !== undefined && name !== w.info.name) {
    throw badRequest(
      `the name of the object (${name}) does not match the name on the URL (${w.info.name})`,
    );
  }
  obj.metadata.name = w.info.name;
}

function ensureNamespace(w: WriteRequest): void {
  if (!w.rt.namespaced) return;
  const nsType = w.ctx.registry.find('', 'v1', 'namespaces')!;
  const ns = w.ctx.store.get(nsType, undefined, w.info.namespace ?? '');
  if (!ns) throw notFound(nsType, w.info.namespace ?? '');
  if (ns.metadata.deletionTimestamp) {
    throw new ApiError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `${w.rt.plural} "${
        w.info.name ?? ''
      }" is forbidden: unable to create new content in namespace ${
        w.info.namespace
      } because it is being terminated`,
      reason: 'Forbidden',
      details: { name: w.info.name, kind: w.rt.plural },
      code: 403,
    });
  }
}

function validate(rt: ResourceType, obj: KubeObject): void {
  const errors = validateObject(rt, obj);
  if (errors.length > 0)
    throw invalidObject(rt, obj.metadata.name ?? '', errors);
}

/** Equal apart from managedFields timestamps: a write that changes nothing is not stored. */
function unchanged(before: KubeObject, after: KubeObject): boolean {
  const strip = (o: KubeObject) => {
    const c = deepCopy(o);
    delete c.metadata.resourceVersion;
    c.metadata.managedFields = (c.metadata.managedFields ?? []).map(m => ({
      ...m,
      time: undefined,
    }));
    return c;
  };
  return deepEqual(strip(before), strip(after));
}

function respond(
  w: WriteRequest,
  obj: KubeObject,
  status: number,
  warnings: string[] = [],
): ApiResponse {
  const res = presentObject(w.ctx, w.rt, obj, w.rep, w.query, status);
  return res.type === 'json' && warnings.length > 0
    ? { ...res, warnings }
    : res;
}

/**
 * Validating admission (Pod Security, Kyverno, hooks) for a create or an
 * update of the main resource, dry runs included; subresource writes skip
 * it. Returns the warnings; throws the refusal.
 */
function admit(
  w: WriteRequest,
  operation: AdmissionOperation,
  object: KubeObject,
  oldObject: KubeObject | undefined,
  opts: WriteOptions,
): string[] {
  if (w.info.subresource) return [];
  if (w.can && w.rulesOf && w.user) {
    confirmNoEscalation({
      plural: w.rt.plural,
      group: w.rt.group,
      object,
      requestName: w.info.name,
      user: w.user,
      can: w.can,
      rulesOf: w.rulesOf,
    });
  }
  if (!w.ctx.admission || w.skipAdmission) return [];
  return w.ctx.admission.admit({
    operation,
    resource: w.rt,
    object,
    oldObject,
    namespace: w.rt.namespaced ? object.metadata.namespace : undefined,
    name: object.metadata.name ?? '',
    userInfo: w.user,
    dryRun: opts.dryRun,
  });
}

function store(
  w: WriteRequest,
  before: KubeObject | undefined,
  after: KubeObject,
  opts: WriteOptions,
) {
  if (opts.dryRun) {
    const preview = deepCopy(after);
    if (before)
      preview.metadata.resourceVersion = before.metadata.resourceVersion;
    else delete preview.metadata.resourceVersion;
    return preview;
  }
  return before
    ? w.ctx.store.update(w.rt, after)
    : w.ctx.store.create(w.rt, after);
}

export function createObject(w: WriteRequest): ApiResponse {
  if (w.info.name !== undefined || (w.rt.namespaced && !w.info.namespace))
    throw methodNotAllowed();
  const opts = parseWriteOptions('CreateOptions', w.query);
  const body = decodeObjectBody(w.req.body, w.req.headers['content-type']);
  ensureNamespace(w);
  const obj = normalizeBody(w, body);
  const now = formatTime(w.ctx.now());
  const created = prepareForCreate(w.rt, obj, {
    now,
    allocateClusterIP: w.ctx.allocateClusterIP,
  });
  validate(w.rt, created);
  created.metadata.managedFields = managedFieldsAfterUpdate(
    undefined,
    created,
    {
      manager: managerName(opts, w.req),
      apiVersion: apiVersionOf(w.rt),
      time: now,
      scope: writeScope(w.rt, undefined),
    },
  );
  // As in kube-apiserver, admission sees the object before storage finds a duplicate.
  const warnings = admit(w, 'CREATE', created, undefined, opts);
  if (
    w.ctx.store.get(w.rt, created.metadata.namespace, created.metadata.name!)
  ) {
    throw alreadyExists(w.rt, created.metadata.name!);
  }
  return respond(w, store(w, undefined, created, opts), 201, warnings);
}

function finishUpdate(
  w: WriteRequest,
  live: KubeObject,
  candidate: KubeObject,
  opts: WriteOptions,
  scope: WriteScope,
): ApiResponse {
  const requestedRv = candidate.metadata.resourceVersion;
  if (
    requestedRv !== undefined &&
    requestedRv !== '' &&
    requestedRv !== live.metadata.resourceVersion
  ) {
    throw updateConflict(w.rt, live.metadata.name!);
  }
  const next = prepareForUpdate(w.rt, live, candidate, scope);
  next.apiVersion = apiVersionOf(w.rt);
  validate(w.rt, next);
  next.metadata.managedFields = managedFieldsAfterUpdate(live, next, {
    manager: managerName(opts, w.req),
    apiVersion: apiVersionOf(w.rt),
    time: formatTime(w.ctx.now()),
    subresource: scope === 'status' ? 'status' : undefined,
    scope,
  });
  const warnings = admit(w, 'UPDATE', next, live, opts);
  if (unchanged(live, next)) return respond(w, live, 200, warnings);
  return respond(w, store(w, live, next, opts), 200, warnings);
}

/** PUT: replace the object (or only its status through /status). */
export function replaceObject(w: WriteRequest): ApiResponse {
  const opts = parseWriteOptions('UpdateOptions', w.query);
  const body = decodeObjectBody(w.req.body, w.req.headers['content-type']);
  const obj = normalizeBody(w, body);
  checkName(w, obj);
  const live = w.ctx.store.get(w.rt, w.info.namespace, w.info.name!);
  if (!live) throw notFound(w.rt, w.info.name!);
  return finishUpdate(w, live, obj, opts, writeScope(w.rt, w.info.subresource));
}

/** PATCH: JSON patch, merge patch, strategic merge patch, or server-side apply. */
export function patchObject(w: WriteRequest): ApiResponse {
  const type = mediaType(w.req.headers['content-type']);
  const accepted = w.rt.fromCrd
    ? [JSON_PATCH, MERGE_PATCH, APPLY_PATCH]
    : [JSON_PATCH, MERGE_PATCH, APPLY_PATCH, STRATEGIC_PATCH];
  if (!accepted.includes(type)) throw unsupportedMediaType(type, accepted);
  const apply = type === APPLY_PATCH;
  const opts = parseWriteOptions('PatchOptions', w.query, { apply });
  const scope = writeScope(w.rt, w.info.subresource);
  const live = w.ctx.store.get(w.rt, w.info.namespace, w.info.name!);
  if (apply) return applyObject(w, live, opts, scope);
  if (!live) throw notFound(w.rt, w.info.name!);

  const patch = decodeBody(w.req.body, 'application/json');
  let patched: unknown;
  try {
    if (type === JSON_PATCH) patched = applyJsonPatch(live, patch);
    else if (type === MERGE_PATCH) patched = applyMergePatch(live, patch);
    else patched = applyStrategicMergePatch(live, patch);
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
    throw new ApiError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: e.message,
      reason: 'Invalid',
      code: 422,
    });
  }
  if (!isPlainObject(patched) || !isPlainObject(patched.metadata)) {
    throw badRequest('the patch produced an object without metadata');
  }
  // Only a resourceVersion the patch itself sets acts as a precondition.
  const candidate = deepCopy(patched) as KubeObject;
  const patchMeta =
    isPlainObject(patch) && isPlainObject(patch.metadata) ? patch.metadata : {};
  if (type === JSON_PATCH || !('resourceVersion' in patchMeta))
    delete candidate.metadata.resourceVersion;
  return finishUpdate(w, live, candidate, opts, scope);
}

function applyObject(
  w: WriteRequest,
  live: KubeObject | undefined,
  opts: WriteOptions,
  scope: WriteScope,
): ApiResponse {
  const body = decodeObjectBody(
    w.req.body,
    w.req.headers['content-type'],
    true,
  );
  const meta = isPlainObject(body.metadata) ? body.metadata : {};
  if (meta.managedFields !== undefined && meta.managedFields !== null) {
    throw badRequest('metadata.managedFields must be nil');
  }
  const expected = apiVersionOf(w.rt);
  if (body.apiVersion !== expected) {
    throw badRequest(
      `Incorrect version specified in apply patch. Specified patch version: ${String(
        body.apiVersion ?? '',
      )}, expected: ${expected}`,
    );
  }
  if (typeof body.kind !== 'string' || body.kind === '') {
    throw badRequest(
      `Object 'Kind' is missing in '${w.req.body
        .toString('utf8')
        .slice(0, 200)}'`,
    );
  }
  const applied = withRequestNamespace(w, {
    ...deepCopy(body),
    metadata: { ...meta },
  } as KubeObject);
  checkName(w, applied);
  const requestedRv = applied.metadata.resourceVersion;
  if (requestedRv && (!live || requestedRv !== live.metadata.resourceVersion)) {
    throw live
      ? updateConflict(w.rt, w.info.name!)
      : notFound(w.rt, w.info.name!);
  }
  delete applied.metadata.resourceVersion;
  if (!live) {
    if (scope === 'status') throw notFound(w.rt, w.info.name!);
    ensureNamespace(w);
  }

  const now = formatTime(w.ctx.now());
  const outcome = serverSideApply({
    live,
    applied,
    manager: opts.fieldManager!,
    force: Boolean(opts.force),
    apiVersion: expected,
    time: now,
    scope,
    subresource: scope === 'status' ? 'status' : undefined,
  });
  if (!outcome.ok) {
    throw applyConflict(
      outcome.message,
      outcome.conflicts.map(c => ({
        type: 'FieldManagerConflict',
        message: `conflict with ${c.managerDescription}`,
        field: c.field,
      })),
    );
  }
  if (!live) {
    const created = prepareForCreate(w.rt, outcome.object, {
      now,
      allocateClusterIP: w.ctx.allocateClusterIP,
    });
    validate(w.rt, created);
    const warnings = admit(w, 'CREATE', created, undefined, opts);
    return respond(w, store(w, undefined, created, opts), 201, warnings);
  }
  const next = prepareForUpdate(w.rt, live, outcome.object, scope);
  validate(w.rt, next);
  const warnings = admit(w, 'UPDATE', next, live, opts);
  if (unchanged(live, next)) return respond(w, live, 200, warnings);
  return respond(w, store(w, live, next, opts), 200, warnings);
}

interface DeleteOptionsBody {
  propagationPolicy?: string;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: string[];
}

function preconditionFailed(message: string): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Conflict',
    code: 409,
  });
}

/** Deletes one object; with finalizers (and for namespaces) it is marked for deletion first. */
function deleteOne(
  w: WriteRequest,
  live: KubeObject,
  options: DeleteOptionsBody,
  dryRun: boolean,
): KubeObject {
  const pre = options.preconditions ?? {};
  if (pre.uid && pre.uid !== live.metadata.uid) {
    throw preconditionFailed(
      `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${live.metadata.uid}`,
    );
  }
  if (
    pre.resourceVersion &&
    pre.resourceVersion !== live.metadata.resourceVersion
  ) {
    throw preconditionFailed(
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${live.metadata.resourceVersion}`,
    );
  }
  const now = formatTime(w.ctx.now());
  const isNamespace = w.rt.group === '' && w.rt.kind === 'Namespace';
  const finalizing = isNamespace || (live.metadata.finalizers?.length ?? 0) > 0;
  if (finalizing) {
    if (live.metadata.deletionTimestamp) return live;
    const marked = deepCopy(live);
    marked.metadata.deletionTimestamp = now;
    marked.metadata.deletionGracePeriodSeconds = 0;
    if (isNamespace)
      marked.status = {
        ...(isPlainObject(marked.status) ? marked.status : {}),
        phase: 'Terminating',
      };
    if (dryRun) return marked;
    // Stored first so the response shows Terminating even though controllers may remove it at once.
    const stored = w.ctx.store.update(w.rt, marked);
    return stored;
  }
  if (options.propagationPolicy === 'Orphan' && !dryRun)
    orphanDependents(w.ctx, live);
  const gone = dryRun
    ? deepCopy(live)
    : w.ctx.store.delete(w.rt, live.metadata.namespace, live.metadata.name!);
  if (w.rt.group === '' && w.rt.kind === 'Pod') {
    // A real pod is deleted gracefully; the response shows it mid-termination.
    gone.metadata.deletionTimestamp = now;
    gone.metadata.deletionGracePeriodSeconds = Number(
      (isPlainObject(live.spec) && live.spec.terminationGracePeriodSeconds) ??
        30,
    );
  }
  return gone;
}

function orphanDependents(ctx: ApiContext, owner: KubeObject): void {
  for (const rt of ctx.registry.storageResources()) {
    for (const dep of ctx.store.list(rt).items) {
      const refs = dep.metadata.ownerReferences ?? [];
      if (!refs.some(r => r.uid === owner.metadata.uid)) continue;
      dep.metadata.ownerReferences = refs.filter(
        r => r.uid !== owner.metadata.uid,
      );
      ctx.store.update(rt, dep);
    }
  }
}

function deleteOptions(w: WriteRequest): {
  options: DeleteOptionsBody;
  dryRun: boolean;
} {
  const opts = parseWriteOptions('DeleteOptions', w.query);
  let options: DeleteOptionsBody = {};
  if (w.req.body.length > 0)
    options = decodeObjectBody(
      w.req.body,
      'application/json',
    ) as DeleteOptionsBody;
  options.propagationPolicy ??= w.query.get('propagationPolicy') ?? undefined;
  const dryRun = opts.dryRun || (options.dryRun ?? []).includes('All');
  return { options, dryRun };
}

export function deleteObject(w: WriteRequest): ApiResponse {
  const { options, dryRun } = deleteOptions(w);
  const live = w.ctx.store.get(w.rt, w.info.namespace, w.info.name!);
  if (!live) throw notFound(w.rt, w.info.name!);
  return respond(w, deleteOne(w, live, options, dryRun), 200);
}

/** DELETE on a collection: removes every match and returns them as a list. */
export function deleteCollection(w: WriteRequest): ApiResponse {
  if (w.rt.namespaced && !w.info.namespace) throw methodNotAllowed();
  const { options, dryRun } = deleteOptions(w);
  const q = parseListQuery(w.rt, w.query);
  const { items, revision } = w.ctx.store.list(w.rt, {
    namespace: w.info.namespace,
    filter: q.filter,
  });
  const deleted = items.map(item => deleteOne(w, item, options, dryRun));
  return presentList(
    w.ctx,
    w.rt,
    deleted,
    { resourceVersion: String(dryRun ? revision : w.ctx.store.revision) },
    w.rep,
    w.query,
  );
}
