import { RoadmapItemStatus, RoadmapProgress } from './types';

const STATUS_WORDS: Record<string, RoadmapItemStatus> = {
  planned: 'planned',
  todo: 'planned',
  'to do': 'planned',
  'not started': 'planned',
  'in-progress': 'in-progress',
  'in progress': 'in-progress',
  wip: 'in-progress',
  started: 'in-progress',
  blocked: 'blocked',
  done: 'done',
  complete: 'done',
  completed: 'done',
  dropped: 'dropped',
  cancelled: 'dropped',
  canceled: 'dropped',
};

/** The status a written word means, or undefined when it is not one we know. */
export function normaliseItemStatus(
  text: string,
): RoadmapItemStatus | undefined {
  const key = text
    .toLowerCase()
    .replace(/[^a-z -]/g, ' ')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return STATUS_WORDS[key];
}

/** With no written status, the checkboxes tell: none, some or all done. */
export function statusFromProgress({
  done,
  total,
}: RoadmapProgress): RoadmapItemStatus {
  if (total > 0 && done === total) {
    return 'done';
  }
  return done > 0 ? 'in-progress' : 'planned';
}
