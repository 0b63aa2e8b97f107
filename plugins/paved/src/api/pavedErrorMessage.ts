import { CompoundEntityRef } from '@backstage/catalog-model';

/** `Kind:namespace/name`, as messages name an entity. */
export function entityLabel(entity: CompoundEntityRef): string {
  return `${entity.kind}:${entity.namespace}/${entity.name}`;
}

/**
 * What a 403 tells the user: what they may not do and the permission that
 * lets them. `holders` says who has it by default, where only some do.
 *
 * @public
 */
export interface PavedPermissionNeed {
  /** "read health", "see the fleet". */
  action: string;
  /** The permission's name, e.g. `pavedHealthReadPermission.name`. */
  permission: string;
  /** "the owners and platform admins". */
  holders?: string;
}

/**
 * How one feature's call words its failures; `pavedErrorMessage` turns a
 * status into the sentence.
 *
 * @public
 */
export interface PavedCallTexts {
  /** What the call does: "The Paved backend failed to <task> (HTTP 500)." */
  task: string;
  /** The entity asked about, named by the default 404 sentence. */
  subject?: string;
  /** The 403 sentence, or the permission it names. */
  forbidden: PavedPermissionNeed | string;
  /** A 403 where the backend says why (the cluster refused, say). */
  forbiddenBecause?: (backendMessage: string) => string;
  notFound?: string;
  badRequest?: string;
  /** Statuses whose message is the backend's own words when it sends some. */
  backendSays?: readonly number[] | 'always';
  /** A 502, 503 or 504. */
  unavailable?: string;
}

const SIGNED_OUT =
  'You are not signed in, or your session expired: sign in again.';

const UNAVAILABLE =
  'The Paved backend is unavailable: is @paved/plugin-paved-backend installed and running?';

function forbiddenSentence(forbidden: PavedPermissionNeed | string): string {
  if (typeof forbidden === 'string') return forbidden;
  const { action, permission, holders } = forbidden;
  return holders
    ? `You are not allowed to ${action} (permission ${permission}: ${holders} have it), or to list clusters (kubernetes.clusters.read).`
    : `You are not allowed to ${action} (permission ${permission}, and kubernetes.clusters.read to list clusters).`;
}

/**
 * The message for a failed call's HTTP status, in the user's terms: what to
 * do about it, with the permission it needs. The one status-to-message
 * mapping every Paved client uses.
 *
 * @public
 */
export function pavedErrorMessage(
  status: number,
  texts: PavedCallTexts,
  backendMessage?: string,
): string {
  const { backendSays } = texts;
  if (
    backendMessage &&
    (backendSays === 'always' || backendSays?.includes(status))
  ) {
    return backendMessage;
  }
  const failed = `The Paved backend failed to ${texts.task} (HTTP ${status}).`;
  switch (status) {
    case 400:
      return texts.badRequest ?? failed;
    case 401:
      return SIGNED_OUT;
    case 403:
      return backendMessage && texts.forbiddenBecause
        ? texts.forbiddenBecause(backendMessage)
        : forbiddenSentence(texts.forbidden);
    case 404:
      if (texts.notFound) return texts.notFound;
      return texts.subject
        ? `${texts.subject} was not found in the catalog, or you cannot see it.`
        : failed;
    case 502:
    case 503:
    case 504:
      return texts.unavailable ?? UNAVAILABLE;
    default:
      return failed;
  }
}

/** Words the failures of a call about an entity, given its `Kind:namespace/name`. @public */
export type PavedEntityCallTexts = (ref: string) => PavedCallTexts;

/** The texts of a call about `entity`: the default 404 names it. */
export function entityCallTexts(
  entity: CompoundEntityRef,
  texts: PavedEntityCallTexts,
): PavedCallTexts {
  const ref = entityLabel(entity);
  return { subject: ref, ...texts(ref) };
}

/** A feature's message for a failed call about an entity. @public */
export type PavedEntityErrorMessage = (
  status: number,
  entity: CompoundEntityRef,
  backendMessage?: string,
) => string;

/** The `PavedEntityErrorMessage` of a feature's texts. */
export function entityErrorMessage(
  texts: PavedEntityCallTexts,
): PavedEntityErrorMessage {
  return (status, entity, backendMessage) =>
    pavedErrorMessage(status, entityCallTexts(entity, texts), backendMessage);
}
