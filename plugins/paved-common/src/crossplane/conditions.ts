import type {
  CrossplaneCondition,
  CrossplaneConditionStatus,
  CrossplaneNodeState,
} from './types';

const STATUSES: readonly string[] = ['True', 'False', 'Unknown'];

/**
 * Reads one of Crossplane's conditions from an object's `status.conditions`.
 * A missing entry, or a status Kubernetes does not define, reads as `Absent`
 * or `Unknown` rather than guessed.
 *
 * @public
 */
export function readCondition(
  obj: unknown,
  type: 'Synced' | 'Ready',
): CrossplaneCondition {
  const conditions = (obj as any)?.status?.conditions;
  const found = Array.isArray(conditions)
    ? conditions.find((c: any) => c && c.type === type)
    : undefined;
  if (!found) return { type, status: 'Absent' };
  const status: CrossplaneConditionStatus = STATUSES.includes(found.status)
    ? found.status
    : 'Unknown';
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const reason = text(found.reason);
  const message = text(found.message);
  const lastTransitionTime = text(found.lastTransitionTime);
  return {
    type,
    status,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    ...(lastTransitionTime ? { lastTransitionTime } : {}),
  };
}

/**
 * An object's state from its two conditions: any `False` is not ready;
 * ready needs `Ready=True` and `Synced` not failing; anything else (unknown,
 * absent) is unknown, because Crossplane has not said.
 *
 * @public
 */
export function conditionState(
  synced: CrossplaneCondition,
  ready: CrossplaneCondition,
  deleting = false,
): CrossplaneNodeState {
  if (deleting) return 'deleting';
  if (synced.status === 'False' || ready.status === 'False') return 'not-ready';
  if (
    ready.status === 'True' &&
    (synced.status === 'True' || synced.status === 'Absent')
  ) {
    return 'ready';
  }
  return 'unknown';
}
