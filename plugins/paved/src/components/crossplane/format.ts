import {
  CrossplaneClaimStatus,
  CrossplaneConditionCounts,
  CrossplaneObjectRef,
} from '@paved/plugin-paved-common';
import { DateTime } from 'luxon';
import { formatRelativeTime } from '../common/format';

/** How long ago an object was created, e.g. "18 days ago". */
export const age = (createdAt: string | undefined, now?: DateTime) =>
  formatRelativeTime(createdAt, now);

export const STATUS_LABEL: Record<CrossplaneClaimStatus, string> = {
  ready: 'Ready',
  'not-ready': 'Not ready',
  deleting: 'Deleting',
  unknown: 'Unknown',
};

/** `Kind namespace/name`, or `Kind name` for cluster-scoped objects. */
export function refLabel(ref: CrossplaneObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** "3 True · 1 False", leaving out statuses nobody reports. */
export function countsLabel(counts: CrossplaneConditionCounts): string {
  const parts = (['True', 'False', 'Unknown', 'Absent'] as const)
    .filter(status => counts[status] > 0)
    .map(status => `${counts[status]} ${status}`);
  return parts.length ? parts.join(' · ') : 'none reported';
}
