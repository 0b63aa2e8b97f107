import { at, fail, isObject, show, Where } from './errors';

/** Labels in, whether selected out. */
export type LabelMatcher = (labels: Record<string, string>) => boolean;

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
type Operator = (typeof OPERATORS)[number];

interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/**
 * Validates a label selector once and returns a matcher. Validation follows
 * the API server: In/NotIn need values, Exists/DoesNotExist take none, and
 * label values are strings (a YAML `version: 1` is a number and is refused).
 */
export function compileSelector(raw: unknown, where: Where): LabelMatcher {
  if (!isObject(raw))
    fail(where, `must be a label selector object, got ${show(raw)}`);

  const wanted: Array<[string, string]> = [];
  const matchLabels = raw.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null) {
    const w = at(where, 'matchLabels');
    if (!isObject(matchLabels))
      fail(w, `must be a map, got ${show(matchLabels)}`);
    for (const [key, value] of Object.entries(matchLabels)) {
      if (typeof value !== 'string') {
        fail(at(w, key), `label value must be a string, got ${show(value)}`);
      }
      wanted.push([key, value]);
    }
  }

  const requirements: Requirement[] = [];
  const expressions = raw.matchExpressions;
  if (expressions !== undefined && expressions !== null) {
    const w = at(where, 'matchExpressions');
    if (!Array.isArray(expressions))
      fail(w, `must be a list, got ${show(expressions)}`);
    expressions.forEach((e, i) =>
      requirements.push(compileRequirement(e, at(w, i))),
    );
  }

  return labels => {
    for (const [key, value] of wanted) {
      if (!hasLabel(labels, key) || labels[key] !== value) return false;
    }
    return requirements.every(r => requirementMatches(r, labels));
  };
}

function compileRequirement(raw: unknown, where: Where): Requirement {
  if (!isObject(raw)) fail(where, `must be an object, got ${show(raw)}`);
  const { key, operator, values } = raw;
  if (typeof key !== 'string' || key === '') {
    fail(at(where, 'key'), `must be a non-empty string, got ${show(key)}`);
  }
  if (!OPERATORS.includes(operator as Operator)) {
    fail(
      at(where, 'operator'),
      `unknown operator ${show(
        operator,
      )}; expected In, NotIn, Exists or DoesNotExist`,
    );
  }
  const op = operator as Operator;
  const list = values === undefined || values === null ? [] : values;
  if (!Array.isArray(list) || list.some(v => typeof v !== 'string')) {
    fail(at(where, 'values'), `must be a list of strings, got ${show(values)}`);
  }
  // Same rules as the API server, so a selector it would refuse is refused here.
  if ((op === 'In' || op === 'NotIn') && list.length === 0) {
    fail(at(where, 'values'), `operator ${op} needs at least one value`);
  }
  if ((op === 'Exists' || op === 'DoesNotExist') && list.length > 0) {
    fail(at(where, 'values'), `operator ${op} takes no values`);
  }
  return { key, operator: op, values: list as string[] };
}

function requirementMatches(
  r: Requirement,
  labels: Record<string, string>,
): boolean {
  const has = hasLabel(labels, r.key);
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(labels[r.key]);
    case 'NotIn':
      // A pod without the key is "not in" any set, as Kubernetes has it.
      return !has || !r.values.includes(labels[r.key]);
    case 'Exists':
      return has;
    default:
      return !has;
  }
}

// Own properties only: labels named like Object.prototype members must not match.
function hasLabel(labels: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/**
 * Whether a Kubernetes label selector selects these labels. An empty
 * selector (`{}`) selects everything; a missing one (null or undefined)
 * selects nothing, as in Kubernetes. A malformed selector, such as one with an
 * unknown operator, throws a NetworkPolicyError.
 */
export function selectorMatchesLabels(
  selector: unknown,
  labels: Record<string, string>,
): boolean {
  if (selector === undefined || selector === null) return false;
  return compileSelector(selector, { path: 'label selector' })(labels);
}
