import { apiVersionOf, ResourceType } from '../resources/types';
import { encodeContinueToken } from '../store/continueToken';
import { StoreError, StoreEvent } from '../store/objectStore';
import { KubeObject } from '../types';
import { ApiContext, ApiResponse } from './context';
import { parseListQuery } from './listQuery';
import { Representation } from './negotiation';
import { presentList, presentObject } from './present';
import { ResourceRequest } from './requestInfo';
import { badRequest, gone, notFound } from './status';

const INCONSISTENT_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

export function getObject(
  ctx: ApiContext,
  rt: ResourceType,
  info: ResourceRequest,
  rep: Representation,
  query: URLSearchParams,
): ApiResponse {
  const obj = ctx.store.get(rt, info.namespace, info.name!);
  if (!obj) throw notFound(rt, info.name!);
  return presentObject(ctx, rt, obj, rep, query);
}

/** Lists with selectors and limit/continue paging over a consistent snapshot, as etcd3 storage does. */
export function listObjects(
  ctx: ApiContext,
  rt: ResourceType,
  info: ResourceRequest,
  rep: Representation,
  query: URLSearchParams,
): ApiResponse {
  const q = parseListQuery(rt, query);
  let revision: number | undefined;
  if (q.continueFrom) {
    revision = q.continueFrom.revision;
    if (revision < ctx.store.compactedRevision) {
      // Like the real server, offer a token that continues on the latest snapshot.
      const retry = encodeContinueToken({
        revision: -1,
        start: q.continueFrom.start,
      });
      throw gone(INCONSISTENT_CONTINUE, retry);
    }
  } else if (q.resourceVersionMatch === 'Exact' && q.resourceVersion) {
    revision = Number(q.resourceVersion);
    if (!Number.isInteger(revision)) {
      throw badRequest(
        `resourceVersion: Invalid value: "${q.resourceVersion}": must be an integer`,
      );
    }
    if (revision < ctx.store.compactedRevision) {
      throw gone('The resourceVersion for the provided list is too old.');
    }
  }
  if (revision === -1) revision = undefined;
  if (revision !== undefined && revision > ctx.store.revision) {
    throw badRequest(
      `Too large resource version: ${revision}, current: ${ctx.store.revision}`,
    );
  }

  const result = ctx.store.list(rt, {
    namespace: info.namespace,
    revision,
    start: q.continueFrom?.start,
    limit: q.limit,
    filter: q.filter,
    // Items go straight to the serializer.
    readOnly: true,
  });
  const meta: {
    resourceVersion: string;
    continue?: string;
    remainingItemCount?: number;
  } = {
    resourceVersion: String(result.revision),
  };
  if (result.next) {
    meta.continue = encodeContinueToken({
      revision: result.revision,
      start: result.next,
    });
    if (result.remaining !== undefined)
      meta.remainingItemCount = result.remaining;
  }
  return presentList(ctx, rt, result.items, meta, rep, query);
}

const DEFAULT_WATCH_SECONDS = 1800;

/**
 * A watch: newline-delimited `{"type","object"}` events. Without a
 * resourceVersion (or with "0") it starts with ADDED for every current match;
 * with one, it replays what changed after it (410 in an ERROR event when that
 * history is compacted). Ends after timeoutSeconds or when the server closes.
 */
export function watchObjects(
  ctx: ApiContext,
  rt: ResourceType,
  info: ResourceRequest,
  query: URLSearchParams,
): ApiResponse {
  const q = parseListQuery(rt, query);
  const matches = (obj: KubeObject) =>
    (!rt.namespaced ||
      !info.namespace ||
      obj.metadata.namespace === info.namespace) &&
    (!info.name || obj.metadata.name === info.name) &&
    (!q.filter || q.filter(obj));
  const since =
    q.resourceVersion && q.resourceVersion !== '0'
      ? Number(q.resourceVersion)
      : undefined;
  const timeout = Number(query.get('timeoutSeconds') ?? DEFAULT_WATCH_SECONDS);

  let initial: StoreEvent[];
  try {
    initial =
      since === undefined
        ? ctx.store
            .list(rt, { namespace: info.namespace })
            .items.filter(matches)
            .map(object => ({
              type: 'ADDED' as const,
              resource: rt,
              object,
              revision: Number(object.metadata.resourceVersion),
            }))
        : ctx.store.changesSince(rt, since).filter(e => matches(e.object));
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    const status = gone(e.message).status;
    return {
      type: 'stream',
      status: 200,
      open: sink => {
        sink.write(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
        sink.end();
        return () => {};
      },
    };
  }

  return {
    type: 'stream',
    status: 200,
    open: sink => {
      const send = (e: StoreEvent) =>
        sink.write(`${JSON.stringify({ type: e.type, object: e.object })}\n`);
      initial.forEach(send);
      const sameResource = (e: StoreEvent) =>
        e.resource.group === rt.group && e.resource.plural === rt.plural;
      const unsubscribe = ctx.store.subscribe(e => {
        if (!sameResource(e)) return;
        const object = asVersion(e.object, rt);
        if (matches(object)) send({ ...e, object });
      });
      const timer = setTimeout(() => {
        unsubscribe();
        sink.end();
      }, timeout * 1000);
      return () => {
        clearTimeout(timer);
        unsubscribe();
      };
    },
  };
}

// Watch events from a write through another version of the resource are served under this one.
function asVersion(obj: KubeObject, rt: ResourceType): KubeObject {
  return { ...obj, apiVersion: apiVersionOf(rt), kind: rt.kind };
}
