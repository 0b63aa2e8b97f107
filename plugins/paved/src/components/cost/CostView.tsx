import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Typography from '@material-ui/core/Typography';
import {
  COST_WINDOW_LABELS,
  COST_WINDOWS,
  CostResponse,
  CostWindowKind,
} from '@paved/plugin-paved-common';
import { useState } from 'react';
import { pavedCostApiRef, PavedCostError } from '../../api';
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
import {
  formatInstant,
  formatMoney,
  formatPercent,
  userZone,
} from '../common/format';
import { NoClustersConfigured } from '../common/NoClustersConfigured';
import { usePolledRead } from '../common/refresh/usePolledRead';
import { LastRead, RefreshFailed } from '../common/refresh/RefreshStatus';

function WindowPicker(props: {
  value: CostWindowKind;
  onChange: (w: CostWindowKind) => void;
}) {
  return (
    <ButtonGroup size="small" aria-label="Cost window">
      {COST_WINDOWS.map(w => (
        <Button
          key={w}
          aria-pressed={props.value === w}
          variant={props.value === w ? 'contained' : 'outlined'}
          color={props.value === w ? 'primary' : 'default'}
          onClick={() => props.onChange(w)}
        >
          {COST_WINDOW_LABELS[w]}
        </Button>
      ))}
    </ButtonGroup>
  );
}

function CostBody(props: { response: CostResponse; detailed: boolean }) {
  const { response, detailed } = props;
  const { currency, total, window } = response;
  const failed = response.clusters.flatMap(c => (c.ok ? [] : [c]));
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        {formatInstant(window.start, window.zone)} to{' '}
        {formatInstant(window.end, window.zone)} ({window.zone})
      </Typography>
      {response.budget && (
        <BudgetPanel budget={response.budget} currency={currency} />
      )}
      {failed.map(f => (
        <ClusterCostProblem key={f.cluster} result={f} />
      ))}
      {response.clusters.length === 0 && <NoClustersConfigured />}
      {total && (
        <>
          <Typography variant="h4" component="p" aria-label="Total cost">
            {formatMoney(total.costs.total, currency)}
          </Typography>
          {failed.length > 0 && (
            <Typography variant="body2" color="textSecondary">
              Without {failed.map(f => f.cluster).join(', ')}: the total is
              incomplete.
            </Typography>
          )}
          <CoverageNote summary={total} zone={window.zone} />
          <DailyTrend daily={total.daily} currency={currency} />
          <Breakdown summary={total} currency={currency} />
          <EfficiencyFacts summary={total} currency={currency} />
          {detailed && total.workloads.length > 0 && (
            <ul aria-label="Workloads" style={{ paddingLeft: 16 }}>
              {total.workloads.map(w => (
                <li key={`${w.cluster}/${w.key}`}>
                  <Typography variant="body2">
                    {w.key}
                    {w.cluster ? ` (${w.cluster})` : ''}:{' '}
                    {formatMoney(w.costs.total, currency)} ·{' '}
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
            currency={currency}
          />
        </>
      )}
    </>
  );
}

/**
 * The entity's cost for a window the user picks, in their time zone: card
 * (`detailed` false) or tab content (all workloads and advice).
 */
export function CostView(props: { detailed?: boolean; zone?: string }) {
  const { entity } = useEntity();
  const api = useApi(pavedCostApiRef);
  const [window, setWindow] = useState<CostWindowKind>('mtd');
  const zone = props.zone ?? userZone();
  const ref = getCompoundEntityRef(entity);
  const state = usePolledRead(
    ({ fresh }) => api.getEntityCost(ref, window, zone, { fresh }),
    [api, ref.kind, ref.namespace, ref.name, window, zone],
  );
  let body: React.ReactNode;
  if (state.loading) body = <Progress />;
  else if (state.error && !state.value) {
    body =
      state.error instanceof PavedCostError &&
      state.error.statusCode !== 500 ? (
        <div role="alert">
          <Typography variant="body2" color="error">
            {state.error.message}
          </Typography>
        </div>
      ) : (
        <ResponseErrorPanel error={state.error} />
      );
  } else if (state.value) {
    body = (
      <>
        <RefreshFailed read={state} />
        <CostBody response={state.value} detailed={!!props.detailed} />
        <LastRead read={state} />
      </>
    );
  }
  return (
    <>
      <WindowPicker value={window} onChange={setWindow} />
      <div style={{ marginTop: 8 }}>{body}</div>
    </>
  );
}
