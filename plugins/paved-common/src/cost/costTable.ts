import { CostPart } from './aggregate';
import { CostChange, WorkloadChange } from './comparison';
import { CostConversion, convertMoney, roundMoney } from './currency';
import { toCsv } from './csv';
import { CostResponse } from './responses';
import { MaybeNumber } from './types';

/** Daily bars, or the running total from the window's start. */
export const COST_VIEWS = ['daily', 'cumulative'] as const;
export type CostViewKind = (typeof COST_VIEWS)[number];

export const COST_PART_LABELS: Record<CostPart, string> = {
  cpu: 'CPU',
  ram: 'Memory',
  pv: 'Storage',
  network: 'Network',
  gpu: 'GPU',
  loadBalancer: 'Load balancer',
  shared: 'Shared',
  external: 'External',
};

/** The kinds of cost the card lists, in its order. */
export const SHOWN_COST_PARTS: readonly CostPart[] = [
  'cpu',
  'ram',
  'pv',
  'network',
  'gpu',
  'loadBalancer',
  'shared',
];

/** Workload changes the card (not the tab) names. */
export const CARD_WORKLOAD_CHANGES = 5;

/** One line the card shows, already converted and rounded as shown. */
export interface CostRow {
  section: 'total' | 'category' | 'workload' | 'day';
  /** "Total", "CPU", a workload's OpenCost key, or a day `YYYY-MM-DD`. */
  item: string;
  cluster?: string;
  amount: MaybeNumber;
  /** With a comparison: the previous period's amount and the change. */
  previous?: MaybeNumber;
  change?: MaybeNumber;
  /** Whole percent; null when there is no percentage (from 0, or unknown). */
  changePercent?: MaybeNumber;
  presence?: WorkloadChange['presence'];
}

/** Everything the card shows as figures, the card and its CSV both read it. */
export interface CostTable {
  start: string;
  end: string;
  zone: string;
  /** The currency the amounts are in (after any conversion). */
  currency: string;
  conversion?: CostConversion;
  view: CostViewKind;
  /** "previous 7 days" when compared. */
  comparedWith?: string;
  rows: CostRow[];
}

const percent = (ratio: MaybeNumber) =>
  ratio === null ? null : Math.round(ratio * 100) || 0;

function changed(c: CostChange, conversion?: CostConversion) {
  return {
    previous: roundMoney(convertMoney(c.previous, conversion)),
    change: roundMoney(convertMoney(c.delta, conversion)),
    changePercent: percent(c.ratio),
  };
}

/** Running sums; unknown from the first unknown day on (never a wrong sum). */
export function cumulative(values: readonly MaybeNumber[]): MaybeNumber[] {
  let sum: MaybeNumber = 0;
  return values.map(v => {
    sum = sum === null || v === null ? null : sum + v;
    return sum;
  });
}

/**
 * The card's figures from the route's answer: total, kinds of cost, the
 * workloads it names (all of them on the tab; on the card the largest
 * changes), and each day (daily or cumulative), converted and rounded once.
 */
export function costTable(
  response: CostResponse,
  options: { view: CostViewKind; detailed: boolean },
): CostTable {
  const { conversion, comparison } = response;
  const money = (v: MaybeNumber) => roundMoney(convertMoney(v, conversion));
  const total = response.total;
  const rows: CostRow[] = [];
  if (total) {
    rows.push({
      section: 'total',
      item: 'Total',
      amount: money(total.costs.total),
      ...(comparison ? changed(comparison.total, conversion) : {}),
    });
    for (const part of SHOWN_COST_PARTS) {
      rows.push({
        section: 'category',
        item: COST_PART_LABELS[part],
        amount: money(total.costs[part]),
        ...(comparison ? changed(comparison.parts[part], conversion) : {}),
      });
    }
    if (comparison) {
      const shown = options.detailed
        ? comparison.workloads
        : comparison.workloads.slice(0, CARD_WORKLOAD_CHANGES);
      for (const w of shown) {
        rows.push({
          section: 'workload',
          item: w.key,
          ...(w.cluster ? { cluster: w.cluster } : {}),
          amount: money(w.change.current),
          ...changed(w.change, conversion),
          presence: w.presence,
        });
      }
    } else if (options.detailed) {
      for (const w of total.workloads) {
        rows.push({
          section: 'workload',
          item: w.key,
          ...(w.cluster ? { cluster: w.cluster } : {}),
          amount: money(w.costs.total),
        });
      }
    }
    const days = total.daily.map(d => d.total);
    const values = options.view === 'cumulative' ? cumulative(days) : days;
    total.daily.forEach((d, i) => {
      rows.push({ section: 'day', item: d.date, amount: money(values[i]) });
    });
  }
  return {
    start: response.window.start,
    end: response.window.end,
    zone: response.window.zone,
    currency: conversion?.to ?? response.currency,
    ...(conversion ? { conversion } : {}),
    view: options.view,
    ...(comparison ? { comparedWith: comparison.previous.label } : {}),
    rows,
  };
}

export const COST_CSV_HEADER = [
  'window_start',
  'window_end',
  'time_zone',
  'view',
  'currency',
  'converted_from',
  'rate',
  'section',
  'item',
  'cluster',
  'amount',
  'compared_with',
  'previous_amount',
  'change_amount',
  'change_percent',
  'presence',
] as const;

/**
 * The card's table as CSV: one line per row, the window, zone, view and
 * currency (and any conversion) on every line so a line stands alone in a
 * spreadsheet. Unknown amounts are empty, never 0.
 */
export function costTableCsv(table: CostTable): string {
  return toCsv(
    COST_CSV_HEADER,
    table.rows.map(r => [
      table.start,
      table.end,
      table.zone,
      table.view,
      table.currency,
      table.conversion?.from,
      table.conversion?.rate,
      r.section,
      r.item,
      r.cluster,
      r.amount,
      table.comparedWith,
      r.previous,
      r.change,
      r.changePercent,
      r.presence,
    ]),
  );
}
