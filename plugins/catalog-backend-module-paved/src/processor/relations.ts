import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import { EntityRelationSpec } from '@backstage/plugin-catalog-node';
import {
  AdrEntityV1alpha1,
  findAdrReferences,
  isAdrEntity,
  isRoadmapEntity,
  RELATION_CHANGED_BY,
  RELATION_CHANGES,
  RELATION_DECIDED_BY,
  RELATION_DECIDES_ABOUT,
  RELATION_RESTS_ON,
  RELATION_SUPERSEDED_BY,
  RELATION_SUPERSEDES,
  RELATION_SUPPORTS,
  RoadmapEntityV1alpha1,
  splitCrossRoadmapDependency,
} from '@paved/plugin-paved-common';
import { adrRefFor } from './fromMarkdown';

type Ref = CompoundEntityRef;

function refOf(
  text: string,
  defaultKind: string,
  defaultNamespace: string,
): Ref | undefined {
  try {
    return parseEntityRef(text, { defaultKind, defaultNamespace });
  } catch {
    return undefined; // not a ref; left in the spec as written
  }
}

/** Each relation in both directions, deduplicated. */
class RelationSet {
  private readonly seen = new Map<string, EntityRelationSpec>();
  constructor(private readonly self: Ref) {}

  add(target: Ref | undefined, forward: string, backward: string) {
    if (!target) return;
    for (const rel of [
      { source: this.self, type: forward, target },
      { source: target, type: backward, target: this.self },
    ]) {
      const key = JSON.stringify([rel.source, rel.type, rel.target]);
      this.seen.set(key, rel);
    }
  }

  list(): EntityRelationSpec[] {
    return [...this.seen.values()];
  }
}

function adrRelations(entity: AdrEntityV1alpha1): EntityRelationSpec[] {
  const ns = entity.metadata.namespace ?? 'default';
  const set = new RelationSet(getCompoundEntityRef(entity));
  const { spec } = entity;
  set.add(refOf(spec.owner, 'group', ns), RELATION_OWNED_BY, RELATION_OWNER_OF);
  for (const ref of spec.supersedes ?? []) {
    set.add(refOf(ref, 'adr', ns), RELATION_SUPERSEDES, RELATION_SUPERSEDED_BY);
  }
  for (const ref of spec.supersededBy ?? []) {
    set.add(refOf(ref, 'adr', ns), RELATION_SUPERSEDED_BY, RELATION_SUPERSEDES);
  }
  for (const ref of spec.decidesAbout ?? []) {
    set.add(
      refOf(ref, 'component', ns),
      RELATION_DECIDES_ABOUT,
      RELATION_DECIDED_BY,
    );
  }
  for (const item of spec.roadmapItems ?? []) {
    const roadmap = splitCrossRoadmapDependency(item)?.roadmap;
    set.add(
      roadmap ? refOf(roadmap, 'roadmap', ns) : undefined,
      RELATION_DECIDES_ABOUT,
      RELATION_DECIDED_BY,
    );
  }
  return set.list();
}

function roadmapRelations(entity: RoadmapEntityV1alpha1): EntityRelationSpec[] {
  const ns = entity.metadata.namespace ?? 'default';
  const self = getCompoundEntityRef(entity);
  const set = new RelationSet(self);
  set.add(
    refOf(entity.spec.owner, 'group', ns),
    RELATION_OWNED_BY,
    RELATION_OWNER_OF,
  );
  for (const item of entity.spec.phases.flatMap(p => p.items)) {
    for (const dep of item.dependsOn ?? []) {
      const other = splitCrossRoadmapDependency(dep);
      const target = other ? refOf(other.roadmap, 'roadmap', ns) : undefined;
      if (
        target &&
        (target.name !== self.name || target.namespace !== self.namespace)
      ) {
        set.add(target, RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF);
      }
    }
    for (const adr of item.adrs ?? []) {
      const ref = /^adr:/i.test(adr)
        ? adr
        : findAdrReferences(adr).map(r => adrRefFor(entity, r))[0];
      set.add(
        ref ? refOf(ref, 'adr', ns) : undefined,
        RELATION_RESTS_ON,
        RELATION_SUPPORTS,
      );
    }
    for (const runbook of item.runbooks ?? []) {
      // Only runbooks given as entity refs with a kind become relations.
      if (/^[a-z]+:[^/]/i.test(runbook) && !/^https?:/i.test(runbook)) {
        set.add(
          refOf(runbook, 'component', ns),
          RELATION_RESTS_ON,
          RELATION_SUPPORTS,
        );
      }
    }
    for (const component of item.components ?? []) {
      set.add(
        refOf(component, 'component', ns),
        RELATION_CHANGES,
        RELATION_CHANGED_BY,
      );
    }
  }
  return set.list();
}

/** The relations an ADR or Roadmap entity emits; none for other kinds. */
export function pavedRelations(entity: Entity): EntityRelationSpec[] {
  if (isAdrEntity(entity)) return adrRelations(entity);
  if (isRoadmapEntity(entity)) return roadmapRelations(entity);
  return [];
}
