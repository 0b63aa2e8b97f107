/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `2e3`), parsed the way the
 * API server accepts them so that forms and actions can refuse bad values and
 * compare limits with requests before anything reaches a cluster.
 */

const QUANTITY =
  /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([numkMGTPE])|[eE]([+-]?\d+))?$/;

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** The regular expression a form can use as `pattern`. @public */
export const QUANTITY_PATTERN =
  '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$';

/** @public */
export function isQuantity(value: unknown): value is string {
  return typeof value === 'string' && QUANTITY.test(value);
}

/** A quantity in base units (cores, bytes); throws when the syntax is wrong. @public */
export function parseQuantity(value: string): number {
  const m = QUANTITY.exec(value);
  if (!m) {
    throw new TypeError(`"${value}" is not a Kubernetes quantity`);
  }
  const [, sign, digits, bin, dec, exp] = m;
  let n = Number(digits);
  if (bin) n *= BINARY[bin];
  else if (dec) n *= DECIMAL[dec];
  else if (exp) n *= 10 ** Number(exp);
  return sign === '-' ? -n : n;
}
