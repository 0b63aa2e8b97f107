import { Entity } from '@backstage/catalog-model';
import {
  ComponentHealthSummary,
  CostResponse,
  CrossplaneClaimView,
  HealthProblem,
  HealthSeverity,
} from '@paved/plugin-paved-common';
import {
  PavedComponentHealthResponse,
  PavedConformanceResponse,
  PavedCrossplaneResponse,
} from '../../api';
import { CARD_ANCHORS } from '../common/anchors';
import { formatMoney, formatPercent } from '../common/format';
import { missingConformanceSetup } from '../conformance/conformanceEntity';
import { hasCost } from '../cost/entityFilters';
import { isCrossplaneCandidate } from '../crossplane/entityFilters';
import { refLabel } from '../crossplane/format';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  hasKubernetesWorkloads,
} from '../health/entityFilters';
import { problemObjectLabel } from '../common/problems/ProblemList';

/** A chip's state: what a developer reads at a glance. */
export type ChipState =
  | 'ok'
  | 'warning'
  | 'error'
  | 'unknown'
  | 'loading'
  | 'not-configured';

/** One chip of the summary: its state, headline figure and worst finding. */
export interface SummaryChipModel {
  key: 'health' | 'conformance' | 'cost' | 'crossplane';
  title: string;
  state: ChipState;
  /** The headline figure ("3 of 3 ready", "86%", "$12 of $60"). */
  value?: string;
  /** The worst finding, or what to configure, in one line. */
  finding?: string;
  /** Where the detail is: the card's anchor on the Overview. */
  href: string;
}

/** What a chip's call gave: like react-use's async state. */
export interface Fetched<T> {
  loading: boolean;
  error?: Error;
  value?: T;
}

const NO_CLUSTERS = 'No clusters configured, or none you may list.';

const SEVERITY_ORDER: Record<HealthSeverity, number> = {
  critical: 0,
  warning: 1,
  info: 2,
};

/** The chip before or without data: not configured, loading, unreadable. */
function pending<T>(
  base: Pick<SummaryChipModel, 'key' | 'title' | 'href'>,
  fetched: Fetched<T>,
  missing: string | undefined,
): SummaryChipModel | undefined {
  if (missing) return { ...base, state: 'not-configured', finding: missing };
  if (fetched.loading) return { ...base, state: 'loading' };
  if (fetched.error) {
    return { ...base, state: 'unknown', finding: fetched.error.message };
  }
  if (!fetched.value) return { ...base, state: 'loading' };
  return undefined;
}

/** "and 3 more" after the worst finding, when there are more. */
const more = (n: number) => (n > 0 ? ` (+${n} more)` : '');

export function healthChip(
  entity: Entity,
  fetched: Fetched<PavedComponentHealthResponse>,
): SummaryChipModel {
  const base = {
    key: 'health' as const,
    title: 'Health',
    href: `#${CARD_ANCHORS.workloadHealth}`,
  };
  const early = pending(
    base,
    fetched,
    hasKubernetesWorkloads(entity)
      ? undefined
      : `Add ${ANNOTATION_KUBERNETES_ID} or ${ANNOTATION_KUBERNETES_LABEL_SELECTOR} to see its workloads.`,
  );
  if (early) return early;
  const { clusters } = fetched.value!;
  if (clusters.length === 0) {
    return { ...base, state: 'not-configured', finding: NO_CLUSTERS };
  }
  const answered = clusters.flatMap(c => (c.ok ? [c.data] : []));
  const failed = clusters.flatMap(c => (c.ok ? [] : [c]));
  if (answered.length === 0) {
    return {
      ...base,
      state: 'unknown',
      finding: `${failed[0].cluster}: ${failed[0].error.message}`,
    };
  }
  const problems: HealthProblem[] = answered
    .flatMap((h: ComponentHealthSummary) => h.problems)
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.id.localeCompare(b.id),
    );
  const ready = answered.reduce((n, h) => n + h.availability.ready, 0);
  const desired = answered.reduce((n, h) => n + h.availability.desired, 0);
  const belowTarget = answered.some(h => !h.availability.meetsTarget);
  const value = `${ready} of ${desired} ready`;
  const worst = problems[0];
  let state: ChipState = 'ok';
  if (belowTarget || worst?.severity === 'critical') state = 'error';
  else if (worst?.severity === 'warning' || failed.length > 0) {
    state = 'warning';
  }
  let finding = 'No problems';
  if (worst) {
    finding = `${worst.reason} · ${problemObjectLabel(worst)}${more(
      problems.length - 1,
    )}`;
  } else if (failed.length > 0) {
    finding = `${failed[0].cluster} could not be read`;
  }
  return { ...base, state, value, finding };
}

export function conformanceChip(
  entity: Entity,
  fetched: Fetched<PavedConformanceResponse>,
): SummaryChipModel {
  const base = {
    key: 'conformance' as const,
    title: 'Tier conformance',
    href: `#${CARD_ANCHORS.conformance}`,
  };
  const early = pending(base, fetched, missingConformanceSetup(entity));
  if (early) return early;
  const response = fetched.value!;
  if (response.clusters.length === 0) {
    return { ...base, state: 'not-configured', finding: NO_CLUSTERS };
  }
  const answered = response.clusters.flatMap(c => (c.ok ? [c.data] : []));
  const failed = response.clusters.filter(c => !c.ok);
  const scores = answered.flatMap(s => (s.score === null ? [] : [s.score]));
  if (scores.length === 0) {
    return {
      ...base,
      state: 'unknown',
      value: `tier ${response.tier}`,
      finding:
        answered.length === 0
          ? `${failed[0].cluster} could not be read`
          : 'Nothing to check yet',
    };
  }
  const score = Math.min(...scores);
  const failing = answered
    .flatMap(s => s.rules.filter(r => r.applies && r.failed > 0))
    .sort((a, b) => b.failed - a.failed || a.title.localeCompare(b.title));
  const worst = failing[0];
  let state: ChipState = 'ok';
  if (worst) state = score >= 0.8 ? 'warning' : 'error';
  else if (failed.length > 0) state = 'warning';
  const rulesFailing = new Set(failing.map(r => r.id)).size;
  return {
    ...base,
    state,
    value: `${formatPercent(score)} · tier ${response.tier}`,
    finding: worst
      ? `${worst.title} · ${worst.failed} failing${more(rulesFailing - 1)}`
      : 'Every rule passes',
  };
}

export function costChip(
  entity: Entity,
  fetched: Fetched<CostResponse>,
): SummaryChipModel {
  const base = {
    key: 'cost' as const,
    title: 'Cost this month',
    href: `#${CARD_ANCHORS.cost}`,
  };
  const early = pending(
    base,
    fetched,
    hasCost(entity)
      ? undefined
      : 'Add the Kubernetes annotations or a cost label to see its cost.',
  );
  if (early) return early;
  const response = fetched.value!;
  const { currency, budget, total } = response;
  if (response.clusters.length === 0) {
    return { ...base, state: 'not-configured', finding: NO_CLUSTERS };
  }
  const failed = response.clusters.flatMap(c => (c.ok ? [] : [c]));
  const mtd = budget?.monthToDate ?? total?.costs.total ?? null;
  if (mtd === null) {
    return {
      ...base,
      state: 'unknown',
      finding: failed.length
        ? `${failed[0].cluster}: ${failed[0].error.message}`
        : 'OpenCost has no figures for this month yet',
    };
  }
  const money = (v: number | null) => formatMoney(v, currency);
  if (budget && budget.monthlyBudget !== null) {
    const value = `${money(mtd)} of ${money(budget.monthlyBudget)}`;
    if (budget.overBudget) {
      return {
        ...base,
        state: 'error',
        value,
        finding: `Over the monthly budget (${formatPercent(
          budget.budgetUsed,
        )} used)`,
      };
    }
    if (budget.projectedOverBudget) {
      return {
        ...base,
        state: 'warning',
        value,
        finding: `Projected ${money(budget.projection)}, ${money(
          budget.projectedOverage,
        )} over budget`,
      };
    }
    return {
      ...base,
      state: failed.length ? 'warning' : 'ok',
      value,
      finding: failed.length
        ? `Incomplete: ${failed.map(f => f.cluster).join(', ')} did not answer`
        : `${formatPercent(budget.budgetUsed)} of budget used${
            budget.projection !== null
              ? `, projected ${money(budget.projection)}`
              : ''
          }`,
    };
  }
  return {
    ...base,
    state: failed.length ? 'warning' : 'ok',
    value: `${money(mtd)} month to date`,
    finding: failed.length
      ? `Incomplete: ${failed.map(f => f.cluster).join(', ')} did not answer`
      : 'No monthly budget to compare with',
  };
}

const CLAIM_RANK = { 'not-ready': 0, deleting: 1, unknown: 2, ready: 3 };

export function crossplaneChip(
  entity: Entity,
  fetched: Fetched<PavedCrossplaneResponse>,
): SummaryChipModel {
  const base = {
    key: 'crossplane' as const,
    title: 'Crossplane claims',
    href: `#${CARD_ANCHORS.crossplane}`,
  };
  const early = pending(
    base,
    fetched,
    isCrossplaneCandidate(entity)
      ? undefined
      : 'Only Components and Resources own claims.',
  );
  if (early) return early;
  const response = fetched.value!;
  if (response.clusters.length === 0) {
    return { ...base, state: 'not-configured', finding: NO_CLUSTERS };
  }
  const claims: CrossplaneClaimView[] = response.clusters
    .flatMap(c => (c.ok ? c.data.claims : []))
    .sort((a, b) => CLAIM_RANK[a.status] - CLAIM_RANK[b.status]);
  const failed = response.clusters.flatMap(c => (c.ok ? [] : [c]));
  const unreadable =
    failed.length > 0 ||
    response.clusters.some(c => c.ok && c.data.problems.length > 0);
  if (claims.length === 0) {
    if (failed.length > 0) {
      return {
        ...base,
        state: 'unknown',
        finding: `${failed[0].cluster}: ${failed[0].error.message}`,
      };
    }
    return {
      ...base,
      state: 'not-configured',
      finding: 'No claims found: add paved.dev/crossplane-claims.',
    };
  }
  const ready = claims.filter(c => c.status === 'ready').length;
  const value = `${ready} of ${claims.length} ready`;
  const worst = claims[0];
  const notReady = claims.length - ready;
  if (worst.status === 'not-ready') {
    const reason = worst.firstNotReady;
    return {
      ...base,
      state: 'error',
      value,
      finding: `${
        reason
          ? `${reason.reason} on ${refLabel(reason.ref)}`
          : `${refLabel(worst.root.ref)} not ready`
      }${more(notReady - 1)}`,
    };
  }
  if (worst.status !== 'ready' || unreadable) {
    return {
      ...base,
      state: 'warning',
      value,
      finding:
        worst.status !== 'ready'
          ? `${refLabel(worst.root.ref)} is ${worst.status}`
          : 'Some claims or clusters could not be read',
    };
  }
  return { ...base, state: 'ok', value, finding: 'Every claim is ready' };
}
