import { RoadmapPhase } from './types';

/** A dependency on an item in another roadmap: `roadmap-ref#item-id`. */
export function splitCrossRoadmapDependency(
  dependency: string,
): { roadmap: string; itemId: string } | undefined {
  // Roadmap refs hold no `#`; an item id may (`#101`), so split at the first.
  const hash = dependency.indexOf('#');
  if (hash <= 0) {
    return undefined;
  }
  return {
    roadmap: dependency.slice(0, hash),
    itemId: dependency.slice(hash + 1),
  };
}

/**
 * What is wrong with a roadmap's `dependsOn` graph: duplicate item ids,
 * dependencies on items that do not exist in this roadmap, and cycles,
 * named as a path (`dependsOn cycle: 1.4 -> 2.1 -> 1.4`). Dependencies on
 * other roadmaps are left to the catalog's relations.
 */
export function findRoadmapProblems(phases: RoadmapPhase[]): string[] {
  const problems: string[] = [];
  const graph = new Map<string, string[]>();
  for (const phase of phases) {
    for (const item of phase.items) {
      if (graph.has(item.id)) {
        problems.push(`item id ${item.id} is used more than once`);
        continue;
      }
      graph.set(
        item.id,
        (item.dependsOn ?? []).filter(d => !splitCrossRoadmapDependency(d)),
      );
    }
  }
  for (const [id, deps] of graph) {
    for (const dep of deps) {
      if (!graph.has(dep)) {
        problems.push(`item ${id} dependsOn ${dep}, which does not exist`);
      }
    }
  }

  // Depth-first search; a grey node met again closes a cycle.
  const state = new Map<string, 'grey' | 'black'>();
  const seenCycles = new Set<string>();
  const path: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'grey');
    path.push(id);
    for (const dep of graph.get(id) ?? []) {
      if (!graph.has(dep)) continue;
      if (state.get(dep) === 'grey') {
        const cycle = [...path.slice(path.indexOf(dep)), dep];
        const key = [...new Set(cycle)].sort().join(' ');
        if (!seenCycles.has(key)) {
          seenCycles.add(key);
          problems.push(`dependsOn cycle: ${cycle.join(' -> ')}`);
        }
      } else if (!state.has(dep)) {
        visit(dep);
      }
    }
    path.pop();
    state.set(id, 'black');
  };
  for (const id of graph.keys()) {
    if (!state.has(id)) visit(id);
  }
  return problems;
}
