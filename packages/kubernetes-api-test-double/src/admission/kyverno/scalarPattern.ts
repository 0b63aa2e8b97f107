import { isPlainObject } from '../../types';
import {
  formatFloatE,
  parseDuration,
  parseGoFloat,
  parseQuantity,
} from './goValues';
import { wildcardMatch } from './wildcard';

/*
 * Kyverno's leaf pattern values: plain values, wildcards, `!` negation,
 * `|` alternatives, `&` conjunctions, `>`/`>=`/`<`/`<=` on numbers,
 * quantities and durations, and `a-b` / `a!-b` ranges.
 *
 * Resource numbers are taken as Go sees decoded objects: whole numbers are
 * int64, others float64. Pattern numbers are float64, as Kyverno decodes
 * policy JSON.
 */

type Operator = '' | '>=' | '<=' | '>' | '<' | '!' | '-' | '!-';

const RANGE = /^([-|+]?\d+(?:\.\d+)?[A-Za-z]*)-([-|+]?\d+(?:\.\d+)?[A-Za-z]*)$/;
const NOT_RANGE =
  /^([-|+]?\d+(?:\.\d+)?[A-Za-z]*)!-([-|+]?\d+(?:\.\d+)?[A-Za-z]*)$/;

export function operatorOf(pattern: string): Operator {
  if (pattern.length < 2) return '';
  for (const op of ['>=', '<=', '>', '<', '!'] as const)
    if (pattern.startsWith(op)) return op;
  if (NOT_RANGE.test(pattern)) return '!-';
  if (RANGE.test(pattern)) return '-';
  return '';
}

const isInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v);

/** Does a resource value satisfy a leaf pattern value? */
export function validateValue(value: unknown, pattern: unknown): boolean {
  if (typeof pattern === 'boolean') return value === pattern;
  if (typeof pattern === 'number') return validateFloat(value, pattern);
  if (pattern === null || pattern === undefined) return validateNil(value);
  if (isPlainObject(pattern)) return isPlainObject(value);
  if (typeof pattern === 'string')
    return validateStringPatterns(value, pattern);
  return false; // arrays are not leaf patterns
}

function validateFloat(value: unknown, pattern: number): boolean {
  if (isInt(value)) return Number.isInteger(pattern) && value === pattern;
  if (typeof value === 'number') return value === pattern;
  if (typeof value === 'string') return parseGoFloat(value) === pattern;
  return false;
}

function validateNil(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return value === 0;
  if (typeof value === 'string') return value === '';
  if (typeof value === 'boolean') return !value;
  return false;
}

function validateStringPatterns(value: unknown, pattern: string): boolean {
  if (value === pattern) return true;
  return pattern.split('|').some(alternative =>
    alternative
      .trim()
      .split('&')
      .every(condition => validateStringPattern(value, condition.trim())),
  );
}

function validateStringPattern(value: unknown, pattern: string): boolean {
  const op = operatorOf(pattern);
  if (op === '-' || op === '!-') {
    const m = (op === '-' ? RANGE : NOT_RANGE).exec(pattern);
    if (!m) return false;
    return op === '-'
      ? validateStringPattern(value, `>= ${m[1]}`) &&
          validateStringPattern(value, `<= ${m[2]}`)
      : validateStringPattern(value, `< ${m[1]}`) ||
          validateStringPattern(value, `> ${m[2]}`);
  }
  return compare(value, pattern.slice(op.length).trim(), op);
}

/** Go's fmt "%f"/FormatInt view of a number, as Kyverno turns values into strings. */
function numberToString(value: unknown): string | undefined {
  if (value === null || value === undefined) return '0';
  if (typeof value === 'string') return value;
  if (isInt(value)) return String(value);
  if (typeof value === 'number') return value.toFixed(6);
  return undefined;
}

function byOperator(cmp: number, op: Operator): boolean | undefined {
  switch (op) {
    case '':
      return cmp === 0;
    case '!':
      return cmp !== 0;
    case '>':
      return cmp > 0;
    case '<':
      return cmp < 0;
    case '>=':
      return cmp >= 0;
    case '<=':
      return cmp <= 0;
    default:
      return undefined;
  }
}

function compare(value: unknown, pattern: string, op: Operator): boolean {
  const asString = numberToString(value);
  // Durations first, then quantities, then strings (with wildcards, = and ! only).
  const patternDuration = parseDuration(pattern);
  const valueDuration =
    asString === undefined ? undefined : parseDuration(asString);
  if (patternDuration !== undefined && valueDuration !== undefined) {
    const r = byOperator(Math.sign(valueDuration - patternDuration), op);
    if (r !== undefined) return r;
  }
  const patternQuantity = parseQuantity(pattern);
  const valueQuantity =
    asString === undefined ? undefined : parseQuantity(asString);
  if (patternQuantity !== undefined && valueQuantity !== undefined) {
    const r = byOperator(Math.sign(valueQuantity - patternQuantity), op);
    if (r !== undefined) return r;
  }
  if (op !== '' && op !== '!') return false;
  let s: string;
  if (isInt(value)) s = String(value);
  else if (typeof value === 'number') s = formatFloatE(value);
  else if (typeof value === 'string') s = value;
  else if (typeof value === 'boolean') s = String(value);
  else return false;
  const matched = wildcardMatch(pattern, s);
  return op === '!' ? !matched : matched;
}
