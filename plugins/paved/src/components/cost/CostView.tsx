import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  conversionNote,
  COST_WINDOW_SLUGS,
  costTable,
  CostResponse,
  CostViewKind,
  customDaysRange,
  resolveCostWindow,
} from '@paved/plugin-paved-common';
import { DateTime } from 'luxon';
import { useMemo } from 'react';
import { pavedCostApiRef } from '../../api';
import {
  Breakdown,
  BudgetPanel,
  ClusterCostProblem,
  CoverageNote,
  DailyTrend,
  EfficiencyFacts,
  Fact,
  RightSizing,
} from './CostParts';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { formatInstant, formatPercent, userZone } from '../common/format';
import { NoClustersConfigured } from '../common/NoClustersConfigured';
import { usePolledRead } from '../common/refresh/usePolledRead';
import { LastRead, RefreshFailed } from '../common/refresh/RefreshStatus';
import { ComparisonRow } from './ComparisonRow';
import { costCsvFileName, downloadCostCsv } from './costCsvDownload';
import { moneyFormat } from './costMoney';
import { CostUrlState, useCostUrlState } from './costUrlState';
import { WindowSelector } from './WindowSelector';

/**
 * The range the card asks for, worked out in the user's zone when it asks
 * (so "today" ends at the time of each read). Now is cut to the minute: the
 * cards of one page asking within a minute share the backend's cached answer.
 */
function rangeOf(state: CostUrlState, zone: string) {
  if (state.window === 'custom') {
    return customDaysRange(state.from!, state.to!, zone);
  }
  const now = DateTime.now().startOf('minute').toJSDate();
  const { start, end } = resolveCostWindow(state.window, now, zone);
  return { start, end };
}

function CostBody(props: {
  response: CostResponse;
  detailed: boolean;
  view: CostViewKind;
  fileName: (view: CostViewKind) => string;
}) {
  const { response, detailed, view } = props;
  const { total, window } = response;
  const table = useMemo(
    () => costTable(response, { view, detailed }),
    [response, view, detailed],
  );
  const { currency, shown, raw } = moneyFormat(response);
  const failed = response.clusters.flatMap(c => (c.ok ? [] : [c]));
  const totalRow = table.rows.find(r => r.section === 'total');
  const days = table.rows
    .filter(r => r.section === 'day')
    .map(r => ({ date: r.item, total: r.amount }));
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        {formatInstant(window.start, window.zone)} to{' '}
        {formatInstant(window.end, window.zone)} ({window.zone})
      </Typography>
      {response.budget && <BudgetPanel budget={response.budget} money={raw} />}
      {failed.map(f => (
        <ClusterCostProblem key={f.cluster} result={f} />
      ))}
      {response.clusters.length === 0 && <NoClustersConfigured />}
      {total && totalRow && (
        <>
          <Typography variant="h4" component="p" aria-label="Total cost">
            {shown(totalRow.amount)}
          </Typography>
          {response.conversion && (
            <Typography
              variant="body2"
              color="textSecondary"
              aria-label="Currency conversion"
            >
              {shown(totalRow.amount)}, {conversionNote(response.conversion)}{' '}
              (OpenCost prices in {response.conversion.from}).
            </Typography>
          )}
          {response.comparison && (
            <ComparisonRow
              table={table}
              previousComplete={response.comparison.previousComplete}
            />
          )}
          {failed.length > 0 && (
            <Typography variant="body2" color="textSecondary">
              Without {failed.map(f => f.cluster).join(', ')}: the total is
              incomplete.
            </Typography>
          )}
          <CoverageNote summary={total} zone={window.zone} />
          <DailyTrend
            daily={days}
            currency={currency}
            label={view === 'cumulative' ? 'Cumulative cost' : 'Daily cost'}
          />
          <Breakdown table={table} shown={shown} />
          <EfficiencyFacts summary={total} money={raw} />
          {detailed && total.workloads.length > 0 && (
            <ul aria-label="Workloads" style={{ paddingLeft: 16 }}>
              {total.workloads.map(w => (
                <li key={`${w.cluster}/${w.key}`}>
                  <Typography variant="body2">
                    {w.key}
                    {w.cluster ? ` (${w.cluster})` : ''}: {raw(w.costs.total)} ·{' '}
                    {formatPercent(w.share)} of the total
                  </Typography>
                </li>
              ))}
            </ul>
          )}
          <Fact label="Right-sizing">
            {total.rightSizing.length === 0 ? 'no workloads' : ''}
          </Fact>
          <RightSizing
            advice={
              detailed ? total.rightSizing : total.rightSizing.slice(0, 3)
            }
            money={raw}
          />
          <Button
            size="small"
            variant="outlined"
            onClick={() => downloadCostCsv(table, props.fileName(view))}
          >
            Download CSV
          </Button>
        </>
      )}
    </>
  );
}

/**
 * The entity's cost for a window the user picks, in their time zone,
 * against the previous period: card (`detailed` false) or tab content (all
 * workloads and advice). Window and view live in the URL (`costWindow`,
 * `costView`, and `costFrom`/`costTo` for a custom range), so a link shows
 * the same.
 */
export function CostView(props: { detailed?: boolean; zone?: string }) {
  const { entity } = useEntity();
  const api = useApi(pavedCostApiRef);
  const [state, update] = useCostUrlState();
  const zone = props.zone ?? userZone();
  const ref = getCompoundEntityRef(entity);
  const read = usePolledRead(
    ({ fresh }) =>
      api.getEntityCost(ref, state.window, zone, {
        fresh,
        range: rangeOf(state, zone),
        compare: 'previous',
      }),
    [
      api,
      ref.kind,
      ref.namespace,
      ref.name,
      state.window,
      state.from,
      state.to,
      zone,
    ],
  );
  const slug =
    state.window === 'custom'
      ? `${state.from}-to-${state.to}`
      : COST_WINDOW_SLUGS[state.window];
  let body: React.ReactNode;
  if (read.loading) body = <Progress />;
  else if (read.error && !read.value) {
    body = (
      <ApiErrorPanel error={read.error} showBackendMessage={() => false} />
    );
  } else if (read.value) {
    body = (
      <>
        <RefreshFailed read={read} />
        <CostBody
          response={read.value}
          detailed={!!props.detailed}
          view={state.view}
          fileName={view => costCsvFileName(ref.name, slug, view)}
        />
        <LastRead read={read} />
      </>
    );
  }
  return (
    <>
      <WindowSelector
        state={state}
        today={DateTime.now().setZone(zone).toISODate()!}
        onChange={update}
      />
      <div style={{ marginTop: 8 }}>{body}</div>
    </>
  );
}
