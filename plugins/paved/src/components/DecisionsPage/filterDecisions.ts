import {
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AdrEntityV1alpha1,
  RELATION_DECIDES_ABOUT,
} from '@paved/plugin-paved-common';

export interface DecisionFilters {
  status?: string;
  /** An owner entity ref. */
  owner?: string;
  /** Inclusive `yyyy-MM-dd` bounds; ADRs with no date fail a date filter. */
  from?: string;
  to?: string;
  /** An entity ref the ADR decides about. */
  about?: string;
}

export interface DecisionRow {
  ref: string;
  title: string;
  number?: number;
  status: string;
  date?: string;
  owner?: string;
  about: string[];
}

const relationTargets = (adr: AdrEntityV1alpha1, type: string) =>
  (adr.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);

/** One table row per ADR, from its spec and its relations. */
export function toDecisionRow(adr: AdrEntityV1alpha1): DecisionRow {
  const owner =
    relationTargets(adr, RELATION_OWNED_BY)[0] ??
    (adr.spec.owner
      ? stringifyEntityRef(
          parseEntityRef(adr.spec.owner, { defaultKind: 'group' }),
        )
      : undefined);
  return {
    ref: stringifyEntityRef(adr),
    title: adr.metadata.title ?? adr.metadata.name,
    number: adr.spec.number,
    status: adr.spec.status,
    date: adr.spec.date,
    owner,
    about: relationTargets(adr, RELATION_DECIDES_ABOUT),
  };
}

/** Applies the page's filters; empty filters keep everything. */
export function filterDecisions(
  rows: DecisionRow[],
  filters: DecisionFilters,
): DecisionRow[] {
  return rows.filter(
    row =>
      (!filters.status || row.status === filters.status) &&
      (!filters.owner || row.owner === filters.owner) &&
      (!filters.from || (row.date !== undefined && row.date >= filters.from)) &&
      (!filters.to || (row.date !== undefined && row.date <= filters.to)) &&
      (!filters.about || row.about.includes(filters.about)),
  );
}

/** The distinct values a filter can take, sorted, for its menu. */
export function filterOptions(rows: DecisionRow[]) {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    statuses: sorted(rows.map(r => r.status)),
    owners: sorted(rows.flatMap(r => (r.owner ? [r.owner] : []))),
    about: sorted(rows.flatMap(r => r.about)),
  };
}
