import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import TextField from '@material-ui/core/TextField';
import {
  COST_VIEWS,
  COST_WINDOW_LABELS,
  COST_WINDOW_MENU,
  CostViewKind,
  CostWindowKind,
} from '@paved/plugin-paved-common';
import { useEffect, useState } from 'react';
import { CostUrlState } from './costUrlState';

const VIEW_LABELS: Record<CostViewKind, string> = {
  daily: 'Daily',
  cumulative: 'Cumulative',
};

/**
 * The window (today … last 90 days, or a custom range of days) and the view
 * (daily or cumulative). A custom range is applied with its button, so a
 * half-typed date does not start a read.
 */
export function WindowSelector(props: {
  state: CostUrlState;
  today: string;
  onChange: (change: Partial<CostUrlState>) => void;
}) {
  const { state, onChange } = props;
  const [custom, setCustom] = useState(state.window === 'custom');
  const [from, setFrom] = useState(state.from ?? props.today);
  const [to, setTo] = useState(state.to ?? props.today);
  useEffect(() => setCustom(state.window === 'custom'), [state.window]);
  let rangeProblem: string | undefined;
  if (!from || !to) rangeProblem = 'Pick both days';
  else if (from > to) rangeProblem = 'The first day is after the last';
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      <div
        role="group"
        aria-label="Cost window"
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
      >
        <TextField
          select
          size="small"
          variant="outlined"
          label="Window"
          value={custom ? 'custom' : state.window}
          SelectProps={{ native: true }}
          inputProps={{ 'aria-label': 'Window' }}
          onChange={e => {
            const kind = e.target.value as CostWindowKind;
            if (kind === 'custom') setCustom(true);
            else {
              setCustom(false);
              onChange({ window: kind });
            }
          }}
        >
          {COST_WINDOW_MENU.map(k => (
            <option key={k} value={k}>
              {COST_WINDOW_LABELS[k]}
            </option>
          ))}
        </TextField>
        {custom && (
          <>
            <TextField
              type="date"
              size="small"
              variant="outlined"
              id="paved-cost-first-day"
              label="First day"
              value={from}
              InputLabelProps={{ shrink: true }}
              inputProps={{ max: props.today }}
              onChange={e => setFrom(e.target.value)}
            />
            <TextField
              type="date"
              size="small"
              variant="outlined"
              id="paved-cost-last-day"
              label="Last day"
              value={to}
              InputLabelProps={{ shrink: true }}
              inputProps={{ max: props.today }}
              error={!!rangeProblem}
              helperText={rangeProblem}
              onChange={e => setTo(e.target.value)}
            />
            <Button
              variant="outlined"
              size="small"
              disabled={!!rangeProblem}
              onClick={() => onChange({ window: 'custom', from, to })}
            >
              Apply range
            </Button>
          </>
        )}
      </div>
      <ButtonGroup size="small" aria-label="Cost view">
        {COST_VIEWS.map(v => (
          <Button
            key={v}
            aria-pressed={state.view === v}
            variant={state.view === v ? 'contained' : 'outlined'}
            color={state.view === v ? 'primary' : 'default'}
            onClick={() => onChange({ view: v })}
          >
            {VIEW_LABELS[v]}
          </Button>
        ))}
      </ButtonGroup>
    </div>
  );
}
