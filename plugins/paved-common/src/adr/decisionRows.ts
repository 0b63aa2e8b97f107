import {
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { RELATION_DECIDES_ABOUT } from '../kinds/constants';
import type { AdrEntityV1alpha1 } from '../kinds/entities';

// The Decisions page and the backend's decisions action both read ADR rows
// from here, so the page and the action list the same rows.

/** The Decisions page's filters; unset ones keep every row. */
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

/** One ADR as the Decisions page lists it. */
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
export function decisionFilterOptions(rows: DecisionRow[]) {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    statuses: sorted(rows.map(r => r.status)),
    owners: sorted(rows.flatMap(r => (r.owner ? [r.owner] : []))),
    about: sorted(rows.flatMap(r => r.about)),
  };
}

/**
 * The ADRs deciding about `subject` (a normalised entity ref), optionally in
 * one status, newest first as on the page.
 */
export function decisionsAbout(
  adrs: AdrEntityV1alpha1[],
  subject: string,
  status?: string,
): DecisionRow[] {
  return adrs
    .map(toDecisionRow)
    .filter(
      row => row.about.includes(subject) && (!status || row.status === status),
    )
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
