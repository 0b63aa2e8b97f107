import { MaybeNumber } from './types';

/**
 * Amounts shown in another currency than OpenCost prices in, at a rate from
 * Paved's config (`paved.cost.displayCurrency` and `paved.cost.rates`):
 * never fetched, so the card always says where the rate came from.
 */
export interface CostConversion {
  /** OpenCost's currency (`paved.cost.currency`). */
  from: string;
  /** The currency shown. */
  to: string;
  /** Units of `to` per unit of `from`. */
  rate: number;
  source: 'config';
}

/** An amount in the shown currency; unknown stays unknown. */
export function convertMoney(
  value: MaybeNumber,
  conversion?: CostConversion,
): MaybeNumber {
  if (value === null || !conversion) return value;
  return value * conversion.rate;
}

/** "converted at 0.92 USD→EUR, rate from config". */
export function conversionNote(conversion: CostConversion): string {
  return `converted at ${conversion.rate} ${conversion.from}→${conversion.to}, rate from config`;
}

/**
 * The card's rounding of money, as it shows it: cents below 10, whole units
 * from 10. `toFixed` rounds the decimal the number is, as the formatter does.
 */
export function roundMoney(value: MaybeNumber): MaybeNumber {
  if (value === null) return null;
  const digits = Math.abs(value) < 10 ? 2 : 0;
  const rounded = Number(value.toFixed(digits));
  // -0 is 0 on a card and in a file.
  return rounded === 0 ? 0 : rounded;
}
