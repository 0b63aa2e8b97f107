import { isPlainObject, JsonObject } from '../../types';

/*
 * Kyverno `{{ ... }}` variables, as far as they can be answered without a
 * JMESPath engine: paths into the admission request (`request.object.spec.
 * replicas`, `request.object.metadata.labels."app.kubernetes.io/name"`,
 * `request.object.spec.containers[0].image`), `serviceAccountName`,
 * `serviceAccountNamespace`, string or JSON literals, and `a || b`
 * defaults. Anything else (functions, projections, filters, context
 * entries) throws UnsupportedExpression; callers ignore the rule then.
 * Missing fields are null, as in JMESPath.
 */

export class UnsupportedExpression extends Error {
  constructor(readonly expression: string) {
    super(`unsupported Kyverno expression: ${expression}`);
    this.name = 'UnsupportedExpression';
  }
}

const ROOTS = new Set([
  'request',
  'serviceAccountName',
  'serviceAccountNamespace',
]);

type Token =
  | { t: 'id'; v: string }
  | { t: 'dot' }
  | { t: 'index'; v: number }
  | { t: 'or' }
  | { t: 'literal'; v: unknown };

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const unsupported = () => new UnsupportedExpression(expr);
  while (i < expr.length) {
    const ch = expr[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i))!;
      tokens.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else if (ch === '"') {
      const m = /^"((?:[^"\\]|\\.)*)"/.exec(expr.slice(i));
      if (!m) throw unsupported();
      tokens.push({ t: 'id', v: JSON.parse(`"${m[1]}"`) });
      i += m[0].length;
    } else if (ch === "'") {
      const m = /^'((?:[^'\\]|\\.)*)'/.exec(expr.slice(i));
      if (!m) throw unsupported();
      tokens.push({ t: 'literal', v: m[1].replace(/\\'/g, "'") });
      i += m[0].length;
    } else if (ch === '`') {
      const end = expr.indexOf('`', i + 1);
      if (end < 0) throw unsupported();
      try {
        tokens.push({ t: 'literal', v: JSON.parse(expr.slice(i + 1, end)) });
      } catch {
        throw unsupported();
      }
      i = end + 1;
    } else if (ch === '.') {
      tokens.push({ t: 'dot' });
      i++;
    } else if (ch === '[') {
      const m = /^\[\s*(-?\d+)\s*\]/.exec(expr.slice(i));
      if (!m) throw unsupported();
      tokens.push({ t: 'index', v: Number(m[1]) });
      i += m[0].length;
    } else if (expr.startsWith('||', i)) {
      tokens.push({ t: 'or' });
      i += 2;
    } else {
      throw unsupported();
    }
  }
  return tokens;
}

/** JMESPath truthiness. */
const truthy = (v: unknown) =>
  !(
    v === null ||
    v === undefined ||
    v === false ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (isPlainObject(v) && Object.keys(v).length === 0)
  );

function evaluateTerm(
  tokens: Token[],
  expr: string,
  root: JsonObject,
): unknown {
  const unsupported = () => new UnsupportedExpression(expr);
  if (tokens.length === 1 && tokens[0].t === 'literal') return tokens[0].v;
  const first = tokens[0];
  if (!first || first.t !== 'id' || !ROOTS.has(first.v)) throw unsupported();
  let value: unknown = root[first.v];
  for (let i = 1; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.t === 'dot') {
      const next = tokens[++i];
      if (!next || next.t !== 'id') throw unsupported();
      value = isPlainObject(value) ? value[next.v] : null;
    } else if (tok.t === 'index') {
      if (!Array.isArray(value)) value = null;
      else value = value[tok.v < 0 ? value.length + tok.v : tok.v];
    } else {
      throw unsupported();
    }
    if (value === undefined) value = null;
  }
  return value ?? null;
}

/** Evaluates one `{{ }}` expression against the variables root. */
export function evaluateExpression(expr: string, root: JsonObject): unknown {
  const tokens = tokenize(expr);
  const terms: Token[][] = [[]];
  for (const tok of tokens) {
    if (tok.t === 'or') terms.push([]);
    else terms[terms.length - 1].push(tok);
  }
  let value: unknown = null;
  for (const term of terms) {
    if (term.length === 0) throw new UnsupportedExpression(expr);
    value = evaluateTerm(term, expr, root);
    if (truthy(value)) return value;
  }
  return value;
}

const VARIABLE = /\{\{(.*?)\}\}/g;
const WHOLE = /^\{\{(.*?)\}\}$/s;

/** Replaces variables in a string; a string that is one variable keeps the value's type. */
function substituteString(s: string, root: JsonObject): unknown {
  const whole = WHOLE.exec(s);
  if (whole && !whole[1].includes('}}'))
    return evaluateExpression(whole[1], root);
  return s.replace(VARIABLE, (_m, expr: string) => {
    const v = evaluateExpression(expr, root);
    if (typeof v === 'string') return v;
    return JSON.stringify(v);
  });
}

/** Substitutes variables anywhere in a JSON document (patterns, conditions). */
export function substituteAll(doc: unknown, root: JsonObject): unknown {
  if (typeof doc === 'string')
    return doc.includes('{{') ? substituteString(doc, root) : doc;
  if (Array.isArray(doc)) return doc.map(d => substituteAll(d, root));
  if (isPlainObject(doc)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(doc)) out[k] = substituteAll(v, root);
    return out;
  }
  return doc;
}

/** For messages: variables that cannot be answered stay as written. */
export function substituteMessage(message: string, root: JsonObject): string {
  return message.replace(VARIABLE, (m, expr: string) => {
    try {
      const v = evaluateExpression(expr, root);
      return typeof v === 'string' ? v : JSON.stringify(v);
    } catch (e) {
      if (e instanceof UnsupportedExpression) return m;
      throw e;
    }
  });
}
