import Typography from '@material-ui/core/Typography';
import {
  BudgetStatus,
  CostClusterResult,
  CostSummary,
  CostTable,
  DailyCost,
  MaybeNumber,
  RightSizingAdvice,
} from '@paved/plugin-paved-common';
import { CostTrendChart } from '../common/charts/CostTrendChart';
import {
  formatBytes,
  formatCpu,
  formatInstant,
  formatPercent,
} from '../common/format';
import { Fact } from '../common/CardText';
import { changeText } from './costMoney';

/** Formats an amount in OpenCost's currency as the card shows it (converted or not). */
type Money = (v: MaybeNumber | undefined) => string;

/** A label and its value on one line: the same as the health cards'. */
export { Fact };

/**
 * Cost by resource kind from the card's table (converted and rounded as
 * the CSV); unknown parts say so instead of showing 0. With a comparison,
 * each kind's change is its row's third cell.
 */
export function Breakdown(props: {
  table: CostTable;
  shown: (v: MaybeNumber) => string;
}) {
  const { table, shown } = props;
  const approx = table.conversion ? '≈ ' : '';
  return (
    <table aria-label="Cost breakdown" style={{ borderCollapse: 'collapse' }}>
      <tbody>
        {table.rows
          .filter(r => r.section === 'category')
          .map(r => (
            <tr key={r.item}>
              <th
                scope="row"
                style={{
                  textAlign: 'left',
                  paddingRight: 16,
                  fontWeight: 'normal',
                }}
              >
                {r.item}
              </th>
              <td style={{ textAlign: 'right' }}>{shown(r.amount)}</td>
              {table.comparedWith && (
                <td style={{ paddingLeft: 16, color: 'inherit' }}>
                  {changeText(r, table.currency, table.comparedWith, approx)}
                </td>
              )}
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/**
 * Daily (or cumulative) totals as a bar chart with axes and tooltips; a day
 * without data is a gap, not a 0.
 */
export function DailyTrend(props: {
  daily: DailyCost[];
  currency: string;
  label?: string;
}) {
  return (
    <CostTrendChart
      daily={props.daily}
      currency={props.currency}
      label={props.label}
    />
  );
}

function adviceText(a: RightSizingAdvice, money: Money): string {
  switch (a.advice) {
    case 'right-size':
      return `request ${formatCpu(a.cpu.recommended)} CPU (now ${formatCpu(
        a.cpu.requested,
      )}) and ${formatBytes(a.ram.recommended)} memory (now ${formatBytes(
        a.ram.requested,
      )}): saves about ${money(a.monthlySaving)} a month`;
    case 'fits':
      return 'requests fit its use';
    case 'set-requests':
      return 'set CPU and memory requests: without them efficiency and savings are unknown';
    default:
      return 'usage unknown: no advice';
  }
}

/** Requested against average used, per workload, with the saving if right-sized. */
export function RightSizing(props: {
  advice: RightSizingAdvice[];
  money: Money;
}) {
  const { advice, money } = props;
  if (advice.length === 0) return null;
  return (
    <ul aria-label="Right-sizing" style={{ paddingLeft: 16, margin: '4px 0' }}>
      {advice.map(a => (
        <li key={a.key}>
          <Typography variant="body2">
            <strong>
              {a.controllerKind ? `${a.controllerKind} ` : ''}
              {a.namespace ? `${a.namespace}/` : ''}
              {a.controller ?? a.key}
            </strong>
            : uses {formatCpu(a.cpu.averageUsed)} of{' '}
            {formatCpu(a.cpu.requested)} CPU and{' '}
            {formatBytes(a.ram.averageUsed)} of {formatBytes(a.ram.requested)}{' '}
            memory on average; {adviceText(a, money)}.
          </Typography>
        </li>
      ))}
    </ul>
  );
}

const GAP_TEXT: Record<NonNullable<BudgetStatus['gap']>, string> = {
  'no-budget':
    'No monthly budget: set the annotation paved.dev/monthly-budget on the tenant.',
  'cost-unknown':
    'The month-to-date cost is unknown, so there is no projection.',
  'clusters-missing':
    'Some clusters did not answer: the month to date is incomplete and nothing is projected.',
  'data-starts-after-month-start':
    'OpenCost has no data for the start of the month: nothing is projected.',
};

/** A tenant's month: budget, month to date, projection and the warning. */
export function BudgetPanel(props: { budget: BudgetStatus; money: Money }) {
  const { budget, money } = props;
  return (
    <section aria-label="Monthly budget">
      <Fact label="Monthly budget">
        {budget.monthlyBudget === null
          ? 'not set'
          : money(budget.monthlyBudget)}
      </Fact>
      <Fact label="Month to date">
        {money(budget.monthToDate)}
        {budget.budgetUsed !== null
          ? ` (${formatPercent(budget.budgetUsed)} of budget)`
          : ''}
      </Fact>
      <Fact label="Month-end projection">
        {budget.projection === null ? 'none' : money(budget.projection)}
      </Fact>
      {budget.projectedOverBudget && (
        <Typography role="alert" variant="body2" color="error">
          Warning: the projection exceeds the budget by{' '}
          {money(budget.projectedOverage)}.
        </Typography>
      )}
      {budget.gap && (
        <Typography variant="body2" color="textSecondary">
          {GAP_TEXT[budget.gap]}
        </Typography>
      )}
    </section>
  );
}

/** Why a cluster has no figures; for a missing OpenCost, how to install it. */
export function ClusterCostProblem(props: {
  result: Extract<CostClusterResult, { ok: false }>;
}) {
  const { error, cluster } = props.result;
  const title: Record<typeof error.problem, string> = {
    'opencost-not-found': `OpenCost not found in cluster ${cluster}`,
    timeout: `OpenCost in cluster ${cluster} did not answer in time`,
    failed: `OpenCost in cluster ${cluster} failed`,
    malformed: `OpenCost in cluster ${cluster} sent data Paved cannot use`,
    forbidden: `Not allowed to read OpenCost in cluster ${cluster}`,
  };
  return (
    <div role="alert" aria-label={`Cost problem in ${cluster}`}>
      <Typography variant="body2" color="error">
        <strong>{title[error.problem]}.</strong>
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {error.message}
      </Typography>
      {error.problem === 'opencost-not-found' && (
        <Typography variant="body2" color="textSecondary">
          See docs/finops.md: install OpenCost with its Helm chart, then either
          let Paved use the Kubernetes service proxy (needs get on
          services/proxy) or set paved.cost.clusters[].baseUrl.
        </Typography>
      )}
    </div>
  );
}

/** When OpenCost's data starts after the window does. */
export function CoverageNote(props: { summary: CostSummary; zone: string }) {
  const { coverage } = props.summary;
  if (coverage.complete) return null;
  return (
    <Typography variant="body2" color="textSecondary" role="note">
      {coverage.dataStart
        ? `OpenCost has data from ${formatInstant(
            coverage.dataStart,
            props.zone,
          )} only: figures cover part of the window, days before are unknown.`
        : 'OpenCost has no data for this window yet.'}
    </Typography>
  );
}

/** Efficiency and idle figures. */
export function EfficiencyFacts(props: { summary: CostSummary; money: Money }) {
  const { summary, money } = props;
  return (
    <>
      <Fact label="Efficiency (usage over requests)">
        CPU {formatPercent(summary.efficiency.cpu)} · memory{' '}
        {formatPercent(summary.efficiency.ram)} · total{' '}
        {formatPercent(summary.efficiency.total)}
      </Fact>
      <Fact label="Requested but unused">{money(summary.slackCost)}</Fact>
      <Fact label="Cluster idle (capacity nobody requested)">
        {money(summary.clusterIdleCost)}
      </Fact>
    </>
  );
}
