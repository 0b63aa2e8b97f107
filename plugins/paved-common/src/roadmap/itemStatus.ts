import { RoadmapItemStatus, RoadmapProgress } from './types';

/** Words for item statuses, lower-cased, as teams write them. */
export const ITEM_STATUS_WORDS: Record<string, RoadmapItemStatus> = {
  planned: 'planned',
  todo: 'planned',
  'to do': 'planned',
  'not started': 'planned',
  backlog: 'planned',
  next: 'planned',
  later: 'planned',
  open: 'planned',
  new: 'planned',
  proposed: 'planned',
  idea: 'planned',
  scheduled: 'planned',
  pending: 'planned',
  'in-progress': 'in-progress',
  'in progress': 'in-progress',
  wip: 'in-progress',
  started: 'in-progress',
  doing: 'in-progress',
  active: 'in-progress',
  ongoing: 'in-progress',
  underway: 'in-progress',
  'in review': 'in-progress',
  now: 'in-progress',
  blocked: 'blocked',
  'on hold': 'blocked',
  paused: 'blocked',
  waiting: 'blocked',
  stuck: 'blocked',
  done: 'done',
  complete: 'done',
  completed: 'done',
  finished: 'done',
  shipped: 'done',
  released: 'done',
  delivered: 'done',
  live: 'done',
  dropped: 'dropped',
  cancelled: 'dropped',
  canceled: 'dropped',
  descoped: 'dropped',
  abandoned: 'dropped',
  "won't do": 'dropped',
  wontdo: 'dropped',
  'wont do': 'dropped',
  removed: 'dropped',
};

/**
 * Status emoji at the start of a heading, list entry or status cell. ✅ ✓
 * ✔ ☑ also count as ticked checkboxes (see parseRoadmap); the others say a
 * status without being a box. ☐ and ☒ are boxes only.
 */
const STATUS_MARKS: Array<[RegExp, RoadmapItemStatus]> = [
  [/^(?:✅|✔️?|☑️?|🟢|✓)/u, 'done'],
  [/^(?:🚧|🔄|⏳|🏗️?|🔨|🛠️?|🟡|▶️?|🏃)/u, 'in-progress'],
  [/^(?:⛔|🛑|🚫|🔴|❗|🧱|⏸️?)/u, 'blocked'],
  [/^(?:❌|🗑️?|✖️?|❎)/u, 'dropped'],
  [/^(?:📅|🗓️?|⬜|🔲|💡|📝|⚪|🔜)/u, 'planned'],
];

/** The status a leading emoji means, with the text after it. */
export function statusMark(
  text: string,
): { status: RoadmapItemStatus; rest: string } | undefined {
  const trimmed = text.trim();
  for (const [mark, status] of STATUS_MARKS) {
    const match = mark.exec(trimmed);
    if (match) {
      return {
        status,
        rest: trimmed
          .slice(match[0].length)
          .replace(/^\ufe0f/, '')
          .trim(),
      };
    }
  }
  return undefined;
}

function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The status written text means, or undefined when it is not one we know.
 * Reads `Done`, `✅ Done`, `🚧`, `In progress (since May)`, `done on
 * 2024-05-01`: a mark, then the first one or two words. `extra` are a
 * roadmap's own words, checked first.
 */
export function normaliseItemStatus(
  text: string,
  extra: Record<string, RoadmapItemStatus> = {},
): RoadmapItemStatus | undefined {
  const words: Record<string, RoadmapItemStatus> = {
    ...ITEM_STATUS_WORDS,
    ...extra,
  };
  const whole = key(text);
  if (words[whole]) {
    return words[whole];
  }
  const mark = statusMark(text.replace(/^[\s*_`[\]]+/, ''));
  const rest = key(mark ? mark.rest : text).split(' ');
  for (const length of [3, 2, 1]) {
    const phrase = rest.slice(0, length).join(' ');
    if (rest.length >= length && words[phrase]) {
      return words[phrase];
    }
  }
  return mark?.status;
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
