import {
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AdrEntityV1alpha1,
  RELATION_DECIDES_ABOUT,
} from '@paved/plugin-paved-common';

/*
 * The Decisions page's rows and its "decides about" filter, for the backend.
 * Kept in step with plugins/paved/src/components/DecisionsPage/filterDecisions.ts
 * (a frontend package the backend cannot import); the tests beside each
 * check the same cases. Both belong in paved-common.
 */

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

/** One row per ADR, from its spec and its relations. */
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
