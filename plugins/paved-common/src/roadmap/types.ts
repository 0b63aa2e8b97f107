/** Where a roadmap item stands. */
export const ROADMAP_ITEM_STATUSES = [
  'planned',
  'in-progress',
  'blocked',
  'done',
  'dropped',
] as const;

export type RoadmapItemStatus = (typeof ROADMAP_ITEM_STATUSES)[number];

/** Checkbox tallies. `done + (total - done)` is every checkbox counted. */
export type RoadmapProgress = {
  done: number;
  total: number;
};

export type RoadmapItem = {
  /** As written: `1.4`, `KBP-07`, `K8S-12`. */
  id: string;
  title: string;
  status: RoadmapItemStatus;
  priority?: string;
  estimate?: string;
  /** Item ids in this roadmap (`1.3`) or `roadmap-ref#id` in another. */
  dependsOn?: string[];
  /** ADRs the item rests on: entity refs or `ADR-NNNN` as written. */
  adrs?: string[];
  /** Runbooks the item rests on: entity refs, URLs or paths. */
  runbooks?: string[];
  /** Entity refs of the components the item changes. */
  components?: string[];
  progress: RoadmapProgress;
};

export type RoadmapPhase = {
  title: string;
  items: RoadmapItem[];
  /** Every checkbox in the phase, in its items or loose under it. */
  progress: RoadmapProgress;
};

export type ParsedRoadmap = {
  title?: string;
  phases: RoadmapPhase[];
  /** Every checkbox in the document. */
  progress: RoadmapProgress;
};
