import { deepEqual, isPlainObject, JsonObject } from '../../types';
import {
  goSprint,
  parseDuration,
  parseGoFloat,
  parseQuantity,
} from './goValues';
import { substituteAll, UnsupportedExpression } from './variables';
import { wildcardMatch } from './wildcard';

/*
 * Kyverno conditions (rule `preconditions`, `validate.deny.conditions`): a
 * list (all must hold) or `{ any, all }`. Supported operators: Equals,
 * NotEquals (and the old Equal/NotEqual), AnyIn, AllIn, AnyNotIn, AllNotIn,
 * In, NotIn, GreaterThan(OrEquals), LessThan(OrEquals). Others throw
 * UnsupportedExpression, as do variables the double cannot answer.
 */

export interface ConditionsResult {
  result: boolean;
  /** The `message`s of the conditions that decided the result. */
  message: string;
}

function equals(key: unknown, value: unknown): boolean {
  if (typeof key === 'boolean') return value === key;
  if (typeof key === 'number') {
    if (typeof value === 'number') return value === key;
    if (typeof value === 'string') return parseGoFloat(value) === key;
    return false;
  }
  if (typeof key === 'string') {
    const kd = parseDuration(key);
    const vd = typeof value === 'string' ? parseDuration(value) : undefined;
    if (kd !== undefined && vd !== undefined) return kd === vd;
    const kq = parseQuantity(key);
    if (kq !== undefined && typeof value === 'string') {
      const vq = parseQuantity(value);
      return vq !== undefined && vq === kq;
    }
    return typeof value === 'string' && wildcardMatch(value, key);
  }
  if (Array.isArray(key)) return Array.isArray(value) && deepEqual(key, value);
  if (isPlainObject(key)) return isPlainObject(value) && deepEqual(key, value);
  return false;
}

/** The values side of the In operators as strings (a JSON array string counts as a list). */
function valueList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(goSprint);
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.map(goSprint);
    } catch {
      // a plain string value
    }
    return [value];
  }
  if (['number', 'boolean'].includes(typeof value)) return [goSprint(value)];
  return undefined;
}

function keyList(key: unknown): string[] | undefined {
  if (Array.isArray(key)) return key.map(goSprint);
  if (['string', 'number', 'boolean'].includes(typeof key))
    return [goSprint(key)];
  return undefined;
}

const matchesAny = (k: string, values: string[]) =>
  values.some(v => wildcardMatch(v, k) || wildcardMatch(k, v));

function inOperator(
  op: 'AnyIn' | 'AllIn' | 'AnyNotIn' | 'AllNotIn',
  key: unknown,
  value: unknown,
): boolean {
  const keys = keyList(key);
  const values = valueList(value);
  if (!keys || !values) return false;
  switch (op) {
    case 'AnyIn':
      return keys.some(k => matchesAny(k, values));
    case 'AllIn':
      return keys.every(k => matchesAny(k, values));
    case 'AnyNotIn':
      return keys.some(k => !matchesAny(k, values));
    default:
      return keys.every(k => !matchesAny(k, values));
  }
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return parseGoFloat(v);
  return undefined;
}

function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Numbers, then quantities, then durations. */
function compareNumeric(key: unknown, value: unknown): number | undefined {
  const kn = asNumber(key);
  const vn = asNumber(value);
  if (kn !== undefined && vn !== undefined) return Math.sign(kn - vn);
  const ks = asString(key);
  const vs = asString(value);
  if (ks === undefined || vs === undefined) return undefined;
  for (const parse of [parseQuantity, parseDuration]) {
    const a = parse(ks);
    const b = parse(vs);
    if (a !== undefined && b !== undefined) return Math.sign(a - b);
  }
  return undefined;
}

function evaluateCondition(raw: unknown, root: JsonObject): boolean {
  const c = isPlainObject(raw) ? raw : {};
  const key = substituteAll(c.key, root);
  const value = substituteAll(c.value, root);
  const op = String(c.operator ?? '');
  switch (op) {
    case 'Equals':
    case 'Equal':
      return equals(key, value);
    case 'NotEquals':
    case 'NotEqual':
      return !equals(key, value);
    case 'AnyIn':
    case 'AllIn':
    case 'AnyNotIn':
    case 'AllNotIn':
      return inOperator(op, key, value);
    case 'In':
      return inOperator('AllIn', key, value);
    case 'NotIn':
      return inOperator('AllNotIn', key, value);
    case 'GreaterThan':
    case 'GreaterThanOrEquals':
    case 'LessThan':
    case 'LessThanOrEquals': {
      const cmp = compareNumeric(key, value);
      if (cmp === undefined) return false;
      if (op === 'GreaterThan') return cmp > 0;
      if (op === 'GreaterThanOrEquals') return cmp >= 0;
      if (op === 'LessThan') return cmp < 0;
      return cmp <= 0;
    }
    default:
      throw new UnsupportedExpression(`operator ${op}`);
  }
}

const messageOf = (c: unknown) =>
  isPlainObject(c) && typeof c.message === 'string' ? c.message : '';

const joinNonEmpty = (parts: string[], sep: string) =>
  parts.filter(p => p !== '').join(sep);

function evaluateAnyAll(block: JsonObject, root: JsonObject): ConditionsResult {
  const trueMessages: string[] = [];
  const falseMessages: string[] = [];
  let anyResult = true;
  if (Array.isArray(block.any)) {
    anyResult = false;
    for (const c of block.any) {
      if (evaluateCondition(c, root)) {
        anyResult = true;
        trueMessages.push(messageOf(c));
        break;
      }
      falseMessages.push(messageOf(c));
    }
  }
  let allResult = true;
  for (const c of Array.isArray(block.all) ? block.all : []) {
    if (!evaluateCondition(c, root)) {
      allResult = false;
      falseMessages.push(messageOf(c));
      break;
    }
    trueMessages.push(messageOf(c));
  }
  const result = anyResult && allResult;
  return {
    result,
    message: joinNonEmpty(result ? trueMessages : falseMessages, '; '),
  };
}

/** Evaluates a conditions block; throws UnsupportedExpression when it cannot. */
export function evaluateConditions(
  conditions: unknown,
  root: JsonObject,
): ConditionsResult {
  if (Array.isArray(conditions)) {
    const messages: string[] = [];
    for (const c of conditions) {
      if (!evaluateCondition(c, root))
        return { result: false, message: messageOf(c) };
      messages.push(messageOf(c));
    }
    return { result: true, message: joinNonEmpty(messages, ';') };
  }
  if (isPlainObject(conditions)) return evaluateAnyAll(conditions, root);
  throw new UnsupportedExpression('conditions');
}
