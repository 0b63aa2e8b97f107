import type { RoadmapItem, RoadmapItemStatus, RoadmapPhase } from './types';

// The roadmap card's "Blocked" list and the backend's roadmap action both
// read it from here, so the two cannot drift apart.

export interface Blocker {
  /** The dependency as written: `1.3`, or `roadmap:default/x#1.3`. */
  id: string;
  title?: string;
  /** Unknown for items in other roadmaps. */
  status?: RoadmapItemStatus;
}

export interface BlockedItem {
  item: RoadmapItem;
  phase: string;
  blockedBy: Blocker[];
}

const FINISHED: RoadmapItemStatus[] = ['done', 'dropped'];

/**
 * What cannot move and why: an item is blocked when it says so, or when an
 * item it depends on is not finished. Dependencies in other roadmaps are
 * listed with no status, since only their own roadmap knows it.
 */
export function findBlockedItems(phases: RoadmapPhase[]): BlockedItem[] {
  const byId = new Map<string, RoadmapItem>();
  for (const phase of phases) {
    for (const item of phase.items) byId.set(item.id, item);
  }
  const result: BlockedItem[] = [];
  for (const phase of phases) {
    for (const item of phase.items) {
      if (FINISHED.includes(item.status)) continue;
      const blockedBy: Blocker[] = [];
      for (const dep of item.dependsOn ?? []) {
        const local = byId.get(dep);
        if (!local) {
          blockedBy.push({ id: dep });
        } else if (!FINISHED.includes(local.status)) {
          blockedBy.push({ id: dep, title: local.title, status: local.status });
        }
      }
      if (item.status === 'blocked' || blockedBy.length) {
        result.push({ item, phase: phase.title, blockedBy });
      }
    }
  }
  return result;
}
