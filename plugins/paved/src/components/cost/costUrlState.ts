import {
  COST_VIEWS,
  COST_WINDOW_SLUGS,
  costWindowOfSlug,
  CostViewKind,
  CostWindowKind,
} from '@paved/plugin-paved-common';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The cost card's state in the page URL, so a link shows the same view. */
export interface CostUrlState {
  window: CostWindowKind;
  view: CostViewKind;
  /** Custom range: first and last local day, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
}

export const COST_URL_PARAMS = {
  window: 'costWindow',
  view: 'costView',
  from: 'costFrom',
  to: 'costTo',
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the card's state from query parameters; anything unknown falls back
 * to month to date, daily (a mistyped link still shows a card). A custom
 * window without both days is month to date too.
 */
export function readCostUrl(params: URLSearchParams): CostUrlState {
  let window = costWindowOfSlug(params.get(COST_URL_PARAMS.window)) ?? 'mtd';
  const view = (COST_VIEWS as readonly string[]).includes(
    params.get(COST_URL_PARAMS.view) ?? '',
  )
    ? (params.get(COST_URL_PARAMS.view) as CostViewKind)
    : 'daily';
  const from = params.get(COST_URL_PARAMS.from) ?? undefined;
  const to = params.get(COST_URL_PARAMS.to) ?? undefined;
  if (window === 'custom') {
    if (from && to && DAY.test(from) && DAY.test(to) && from <= to) {
      return { window, view, from, to };
    }
    window = 'mtd';
  }
  return { window, view };
}

/** Writes the card's state into the parameters, keeping everyone else's. */
export function writeCostUrl(
  params: URLSearchParams,
  state: CostUrlState,
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set(COST_URL_PARAMS.window, COST_WINDOW_SLUGS[state.window]);
  next.set(COST_URL_PARAMS.view, state.view);
  if (state.window === 'custom' && state.from && state.to) {
    next.set(COST_URL_PARAMS.from, state.from);
    next.set(COST_URL_PARAMS.to, state.to);
  } else {
    next.delete(COST_URL_PARAMS.from);
    next.delete(COST_URL_PARAMS.to);
  }
  return next;
}

/** The card's state, read from and written to the URL (react-router). */
export function useCostUrlState(): [
  CostUrlState,
  (change: Partial<CostUrlState>) => void,
] {
  const [params, setParams] = useSearchParams();
  const state = readCostUrl(params);
  const update = useCallback(
    (change: Partial<CostUrlState>) =>
      setParams(
        current =>
          writeCostUrl(current, { ...readCostUrl(current), ...change }),
        { replace: false },
      ),
    [setParams],
  );
  return [state, update];
}
