import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  RELATION_SUPERSEDED_BY,
  RELATION_SUPERSEDES,
} from '@paved/plugin-paved-common';

/** Refs an ADR points at through one relation type. */
export function relatedRefs(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef);
}

/**
 * Orders the ADRs linked by supersession, oldest first, starting from
 * `start` and walking both ways. `known` holds the entities fetched so far;
 * refs missing from it end the walk on that side. Cycles (a data error) stop
 * the walk instead of looping.
 */
export function supersessionChain(
  start: Entity,
  known: Map<string, Entity>,
): Entity[] {
  const seen = new Set([stringifyEntityRef(start)]);
  const walk = (from: Entity, type: string): Entity[] => {
    const out: Entity[] = [];
    let current: Entity | undefined = from;
    while (current) {
      const next: string | undefined = relatedRefs(current, type).find(
        ref => !seen.has(ref),
      );
      if (!next || !known.has(next)) break;
      seen.add(next);
      current = known.get(next)!;
      out.push(current);
    }
    return out;
  };
  const older = walk(start, RELATION_SUPERSEDES).reverse();
  const newer = walk(start, RELATION_SUPERSEDED_BY);
  return [...older, start, ...newer];
}
