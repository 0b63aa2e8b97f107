import { Entity } from '@backstage/catalog-model';

/**
 * Components and Resources can own claims. The card shows on all of them, so
 * an entity without claims learns which annotation to set.
 */
export function isCrossplaneCandidate(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return kind === 'component' || kind === 'resource';
}
