import {
  convertMoney,
  CostResponse,
  CostRow,
  MaybeNumber,
} from '@paved/plugin-paved-common';
import { formatMoney, UNKNOWN } from '../common/format';

/** Amounts as the card shows them: "≈ €123" when converted at a configured rate. */
export function moneyFormat(
  response: Pick<CostResponse, 'currency' | 'conversion'>,
) {
  const { conversion } = response;
  const currency = conversion?.to ?? response.currency;
  const approx = conversion ? '≈ ' : '';
  /** An amount already converted (a row of the card's table). */
  const shown = (v: MaybeNumber) =>
    v === null ? UNKNOWN : `${approx}${formatMoney(v, currency)}`;
  /** An amount in OpenCost's currency, converted here. */
  const raw = (v: MaybeNumber | undefined) =>
    shown(convertMoney(v ?? null, conversion));
  return { currency, shown, raw };
}

/** "+", "−" (a minus sign, not a hyphen) or nothing for 0. */
const signOf = (v: number) => {
  if (v > 0) return '+';
  if (v < 0) return '−';
  return '';
};

/** "+$34", "−$3", "$0.00": the sign of a change, then the amount. */
export function signedMoney(v: number, currency: string): string {
  return `${signOf(v)}${formatMoney(Math.abs(v), currency)}`;
}

/** "+12%", "−5%", "0%". */
export function signedPercent(p: number): string {
  return `${signOf(p)}${Math.abs(p)}%`;
}

/**
 * A row's change in words: "+12% (+$34) vs previous 7 days"; from nothing
 * "+$34 vs previous 7 days (nothing before)"; unknown says so.
 */
export function changeText(
  row: Pick<CostRow, 'change' | 'changePercent' | 'previous'>,
  currency: string,
  comparedWith: string,
  approx = '',
): string {
  if (row.change === null || row.change === undefined) {
    return `change unknown vs ${comparedWith}`;
  }
  const money = `${approx}${signedMoney(row.change, currency)}`;
  if (row.changePercent === null || row.changePercent === undefined) {
    return `${money} vs ${comparedWith} (nothing before)`;
  }
  return `${signedPercent(row.changePercent)} (${money}) vs ${comparedWith}`;
}
