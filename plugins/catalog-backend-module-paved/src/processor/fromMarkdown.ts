import { JsonObject } from '@backstage/types';
import { Entity } from '@backstage/catalog-model';
import {
  AdrReference,
  ANNOTATION_IMPORTED_FOR,
  ParsedAdr,
  ParsedRoadmap,
} from '@paved/plugin-paved-common';
import { adrEntityName } from './naming';

/** The name prefix imported ADRs share, so numbers resolve to names. */
export function adrNamePrefix(entity: Entity): string {
  const importedFor = entity.metadata.annotations?.[ANNOTATION_IMPORTED_FOR];
  if (importedFor) {
    return importedFor.split('/').pop()!;
  }
  return entity.metadata.name.replace(/-(adr-[a-z0-9-]+|roadmap)$/, '');
}

/** `ADR-0005` / `[5. X](0005-x.md)` to the ref of the ADR imported beside it. */
export function adrRefFor(
  entity: Entity,
  ref: AdrReference,
): string | undefined {
  const namespace = entity.metadata.namespace ?? 'default';
  const prefix = adrNamePrefix(entity);
  if (ref.number !== undefined) {
    return `adr:${namespace}/${adrEntityName(prefix, ref.number)}`;
  }
  if (ref.target && /\.md$/i.test(ref.target)) {
    return `adr:${namespace}/${adrEntityName(prefix, ref.target)}`;
  }
  return undefined;
}

function union(a: unknown, b: string[]): string[] {
  const first = Array.isArray(a) ? a.map(String) : [];
  return [...new Set([...first, ...b])];
}

/** Fills an ADR entity from its parsed Markdown; what the YAML set is kept. */
export function withAdr(entity: Entity, adr: ParsedAdr): Entity {
  const spec: JsonObject = { ...entity.spec };
  const refs = (list: AdrReference[]) =>
    list.flatMap(r => adrRefFor(entity, r) ?? []);
  // MADR names its sections differently from Nygard; take either.
  const section = (...names: string[]) =>
    names
      .map(n => adr.sections[n])
      .find(Boolean)
      ?.slice(0, 4000);
  const texts = {
    context: section('context', 'context and problem statement'),
    decision: section('decision', 'decision outcome'),
    consequences: section('consequences'),
  };
  Object.assign(spec, {
    status: adr.status,
    format: adr.format,
    supersedes: union(spec.supersedes, refs(adr.supersedes)),
    supersededBy: union(spec.supersededBy, refs(adr.supersededBy)),
  });
  for (const key of ['deciders', 'consulted', 'informed'] as const) {
    if (adr[key].length) spec[key] = adr[key];
  }
  if (adr.number !== undefined) spec.number = adr.number;
  if (adr.date) spec.date = adr.date;
  for (const [key, value] of Object.entries(texts)) {
    if (value) spec[key] = value;
  }
  return {
    ...entity,
    metadata: { ...entity.metadata, title: entity.metadata.title ?? adr.title },
    spec,
  };
}

/** Fills a Roadmap entity from its parsed Markdown. */
export function withRoadmap(entity: Entity, roadmap: ParsedRoadmap): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      title: entity.metadata.title ?? roadmap.title,
    },
    spec: {
      ...entity.spec,
      phases: roadmap.phases,
      progress: roadmap.progress,
    },
  };
}
