import { labelValueError, qualifiedNameError } from '../validation/names';
import { SelectorError } from './errors';

export type LabelOperator =
  | 'Equals'
  | 'NotEquals'
  | 'In'
  | 'NotIn'
  | 'Exists'
  | 'DoesNotExist'
  | 'GreaterThan'
  | 'LessThan';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

type Token =
  | { type: 'id'; text: string }
  | { type: 'op'; text: '=' | '==' | '!=' | '!' | '(' | ')' | ',' | '>' | '<' }
  | { type: 'end'; text: '' };

const OPERATORS = ['==', '!=', '=', '!', '(', ')', ',', '>', '<'] as const;
const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);

function operatorAt(
  input: string,
  at: number,
): (typeof OPERATORS)[number] | undefined {
  for (const o of OPERATORS) if (input.startsWith(o, at)) return o;
  return undefined;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const op = operatorAt(input, i);
    if (op) {
      tokens.push({ type: 'op', text: op });
      i += op.length;
      continue;
    }
    let j = i;
    while (j < input.length && !SPECIAL.has(input[j]) && !/\s/.test(input[j]))
      j++;
    tokens.push({ type: 'id', text: input.slice(i, j) });
    i = j;
  }
  tokens.push({ type: 'end', text: '' });
  return tokens;
}

/**
 * Parses a label selector the way apimachinery's labels.Parse does: equality
 * (`=`, `==`, `!=`), set-based (`in`, `notin`, `key`, `!key`) and `>`/`<`,
 * comma-separated and ANDed together.
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const tokens = tokenize(selector);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const fail = (t: Token, expected: string): never => {
    throw new SelectorError(
      `unable to parse requirement: found '${t.text}', expected: ${expected}`,
    );
  };

  const requirements: LabelRequirement[] = [];
  if (peek().type === 'end') return requirements;

  for (;;) {
    let negated = false;
    if (peek().text === '!' && peek().type === 'op') {
      next();
      negated = true;
    }
    const keyTok = next();
    if (keyTok.type !== 'id') fail(keyTok, 'identifier');
    const key = keyTok.text;
    checkKey(key);

    const after = peek();
    if (negated) {
      requirements.push({ key, operator: 'DoesNotExist', values: [] });
    } else if (after.type === 'end' || after.text === ',') {
      requirements.push({ key, operator: 'Exists', values: [] });
    } else {
      const opTok = next();
      let operator: LabelOperator;
      let values: string[];
      if (
        opTok.type === 'id' &&
        (opTok.text === 'in' || opTok.text === 'notin')
      ) {
        operator = opTok.text === 'in' ? 'In' : 'NotIn';
        values = parseValueSet();
        if (values.length === 0) {
          throw new SelectorError(
            `unable to parse requirement: values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`,
          );
        }
      } else if (
        opTok.type === 'op' &&
        ['=', '==', '!='].includes(opTok.text)
      ) {
        operator = opTok.text === '!=' ? 'NotEquals' : 'Equals';
        values = [parseSingleValue()];
      } else if (
        opTok.type === 'op' &&
        (opTok.text === '>' || opTok.text === '<')
      ) {
        operator = opTok.text === '>' ? 'GreaterThan' : 'LessThan';
        const v = parseSingleValue();
        if (!/^-?\d+$/.test(v)) {
          throw new SelectorError(
            `unable to parse requirement: values[0]: Invalid value: "${v}": for 'Gt', 'Lt' operators, the value must be an integer`,
          );
        }
        values = [v];
      } else {
        return fail(opTok, "'=', '!=', '==', 'in', notin'");
      }
      values.forEach(checkValue(key));
      requirements.push({ key, operator, values });
    }

    const sep = next();
    if (sep.type === 'end') break;
    if (sep.text !== ',') fail(sep, "',' or 'end of string'");
    if (peek().type === 'end') fail(peek(), 'identifier');
  }
  return requirements;

  function parseSingleValue(): string {
    const t = peek();
    if (t.type === 'id') {
      next();
      return t.text;
    }
    if (t.type === 'end' || t.text === ',') return '';
    return fail(t, 'identifier');
  }

  function parseValueSet(): string[] {
    const open = next();
    if (open.text !== '(') fail(open, "'('");
    const values: string[] = [];
    if (peek().text === ')') {
      next();
      return values;
    }
    for (;;) {
      const v = peek();
      if (v.type === 'id') {
        next();
        values.push(v.text);
      } else if (v.text === ',' || v.text === ')') {
        values.push('');
      } else {
        fail(v, "',', ')' or identifier");
      }
      const sep = next();
      if (sep.text === ')') return values;
      if (sep.text !== ',') fail(sep, "',' or ')'");
    }
  }
}

function checkKey(key: string): void {
  const err = qualifiedNameError(key);
  if (err)
    throw new SelectorError(
      `unable to parse requirement: key: Invalid value: "${key}": ${err}`,
    );
}

function checkValue(key: string) {
  return (value: string, i: number): void => {
    const err = labelValueError(value);
    if (err) {
      throw new SelectorError(
        `unable to parse requirement: values[${i}][${key}]: Invalid value: "${value}": ${err}`,
      );
    }
  };
}

export function matchesLabelSelector(
  requirements: LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const all = labels ?? {};
  return requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(all, r.key);
    const value = all[r.key];
    switch (r.operator) {
      case 'Equals':
      case 'In':
        return has && r.values.includes(value);
      case 'NotEquals':
      case 'NotIn':
        return !has || !r.values.includes(value);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      case 'GreaterThan':
      case 'LessThan': {
        if (!has || !/^-?\d+$/.test(value)) return false;
        const a = Number(value);
        const b = Number(r.values[0]);
        return r.operator === 'GreaterThan' ? a > b : a < b;
      }
      default:
        return false;
    }
  });
}
