import {
  LabelRequirement,
  matchesLabelSelector,
} from '../../selectors/labelSelector';
import { isPlainObject, JsonObject, KubeObject } from '../../types';
import { AdmissionOperation, AdmissionUserInfo } from '../types';
import { containsWildcard, wildcardMatch } from './wildcard';

/*
 * Kyverno `match` / `exclude` (pkg/engine/utils/match.go): `any`, `all` or
 * the legacy inline `resources`, each with kinds (`Pod`, `v1/Pod`,
 * `apps/v1/Deployment`, `Pod/status`, wildcards), name/names, namespaces,
 * annotations, selector, namespaceSelector and operations, plus `subjects`.
 * `roles`/`clusterRoles` need RoleBindings Kyverno would look up: the double
 * never matches them.
 */

export interface MatchRequest {
  resource: KubeObject;
  group: string;
  version: string;
  kind: string;
  subresource: string;
  operation: AdmissionOperation;
  namespaceLabels: Record<string, string>;
  userInfo?: AdmissionUserInfo;
}

const VERSION = /^(v\d+((alpha|beta)\d+)?|\*)$/;

/** `[group, version, kind, subresource]` of a kinds entry, as Kyverno reads it. */
export function parseKindSelector(
  input: string,
): [string, string, string, string] {
  let parts = input.split('/');
  parts = [...parts.slice(0, -1), ...parts[parts.length - 1].split('.')];
  switch (parts.length) {
    case 1:
      return ['*', '*', parts[0], ''];
    case 2:
      if (parts[0] === '*' && parts[1] === '*') return ['*', '*', '*', '*'];
      if (parts[0] === '*' && parts[1].toLowerCase() === parts[1])
        return ['*', '*', parts[0], parts[1]];
      if (VERSION.test(parts[0])) return ['*', parts[0], parts[1], ''];
      return ['*', '*', parts[0], parts[1]];
    case 3:
      if (VERSION.test(parts[0])) return ['*', parts[0], parts[1], parts[2]];
      return [parts[0], parts[1], parts[2], ''];
    case 4:
      return [parts[0], parts[1], parts[2], parts[3]];
    default:
      return ['', '', '', ''];
  }
}

export function kindMatches(kinds: string[], req: MatchRequest): boolean {
  return kinds.some(k => {
    const [g, v, kind, sub] = parseKindSelector(k);
    return (
      wildcardMatch(g, req.group) &&
      wildcardMatch(v, req.version) &&
      wildcardMatch(kind, req.kind) &&
      wildcardMatch(sub, req.subresource)
    );
  });
}

const obj = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : [];

const OPERATORS: Record<string, LabelRequirement['operator']> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
};

/**
 * A metav1.LabelSelector against labels; wildcards in matchLabels stand for
 * the first label they match. undefined when the selector is invalid.
 */
export function selectorMatches(
  selector: unknown,
  labels: Record<string, string>,
): boolean | undefined {
  const s = obj(selector);
  const reqs: LabelRequirement[] = [];
  for (const [k, v] of Object.entries(obj(s.matchLabels))) {
    let key = k;
    let value = String(v);
    if (containsWildcard(key) || containsWildcard(value)) {
      const hit = Object.entries(labels).find(
        ([lk, lv]) => wildcardMatch(key, lk) && wildcardMatch(value, lv),
      );
      if (hit) [key, value] = hit;
      else {
        key = key.replace(/[*?]/g, '0');
        value = value.replace(/[*?]/g, '0');
      }
    }
    reqs.push({ key, operator: 'Equals', values: [value] });
  }
  for (const e of Array.isArray(s.matchExpressions) ? s.matchExpressions : []) {
    const expr = obj(e);
    const operator = OPERATORS[String(expr.operator)];
    const values = strings(expr.values);
    if (!operator) return undefined;
    if ((operator === 'In' || operator === 'NotIn') && values.length === 0)
      return undefined;
    reqs.push({ key: String(expr.key), operator, values });
  }
  return matchesLabelSelector(reqs, labels);
}

function subjectsMatch(subjects: unknown, user?: AdmissionUserInfo): boolean {
  if (!user) return false;
  const names = [...user.groups, user.username];
  return (Array.isArray(subjects) ? subjects : []).map(obj).some(s => {
    if (s.kind === 'ServiceAccount')
      return wildcardMatch(
        `system:serviceaccount:${s.namespace}:${s.name}`,
        user.username,
      );
    if (s.kind === 'User' || s.kind === 'Group')
      return names.some(n => wildcardMatch(String(s.name), n));
    return false;
  });
}

const DESCRIPTION_FIELDS = [
  'kinds',
  'name',
  'names',
  'namespaces',
  'annotations',
  'selector',
  'namespaceSelector',
  'operations',
];

function isEmptyDescription(d: JsonObject): boolean {
  return DESCRIPTION_FIELDS.every(f => {
    const v = d[f];
    if (v === undefined || v === null || v === '') return true;
    if (Array.isArray(v)) return v.length === 0;
    return false;
  });
}

function hasUserInfo(filter: JsonObject): boolean {
  return ['subjects', 'roles', 'clusterRoles'].some(
    f => Array.isArray(filter[f]) && (filter[f] as unknown[]).length > 0,
  );
}

/** Does one resource filter (resources + user info) hold? */
function filterMatches(filter: JsonObject, req: MatchRequest): boolean {
  const d = obj(filter.resources);
  const meta = req.resource.metadata;
  const operations = strings(d.operations);
  if (operations.length > 0 && !operations.includes(req.operation))
    return false;
  if (strings(d.kinds).length > 0 && !kindMatches(strings(d.kinds), req))
    return false;
  const name = meta.name || meta.generateName || '';
  if (
    typeof d.name === 'string' &&
    d.name !== '' &&
    !wildcardMatch(d.name, name)
  )
    return false;
  const names = strings(d.names);
  if (names.length > 0 && !names.some(n => wildcardMatch(n, name)))
    return false;
  const namespaces = strings(d.namespaces);
  if (namespaces.length > 0) {
    const ns = req.kind === 'Namespace' ? name : meta.namespace ?? '';
    if (!namespaces.some(n => wildcardMatch(n, ns))) return false;
  }
  if (isPlainObject(d.annotations)) {
    const actual = meta.annotations ?? {};
    const ok = Object.entries(d.annotations).every(([k, v]) =>
      Object.entries(actual).some(
        ([ak, av]) => wildcardMatch(k, ak) && wildcardMatch(String(v), av),
      ),
    );
    if (!ok) return false;
  }
  if (
    isPlainObject(d.selector) &&
    !selectorMatches(d.selector, meta.labels ?? {})
  )
    return false;
  if (isPlainObject(d.namespaceSelector)) {
    if (req.kind === 'Namespace') return false;
    if (!selectorMatches(d.namespaceSelector, req.namespaceLabels))
      return false;
  }
  if (
    strings(filter.roles).length > 0 ||
    strings(filter.clusterRoles).length > 0
  )
    return false;
  const subjects = Array.isArray(filter.subjects) ? filter.subjects : [];
  if (subjects.length > 0 && !subjectsMatch(subjects, req.userInfo))
    return false;
  return true;
}

/** A match filter: an empty one matches nothing. */
function matchFilter(filter: JsonObject, req: MatchRequest): boolean {
  if (isEmptyDescription(obj(filter.resources)) && !hasUserInfo(filter))
    return false;
  return filterMatches(filter, req);
}

/** An exclude filter: an empty one excludes nothing. */
function excludeFilter(filter: JsonObject, req: MatchRequest): boolean {
  if (isEmptyDescription(obj(filter.resources)) && !hasUserInfo(filter))
    return false;
  return filterMatches(filter, req);
}

const filters = (v: unknown): JsonObject[] =>
  Array.isArray(v) ? v.map(obj) : [];

/** Whether a rule's match and exclude blocks select this request. */
export function ruleMatches(
  rule: JsonObject,
  req: MatchRequest,
  policyNamespace?: string,
): boolean {
  if (
    policyNamespace &&
    policyNamespace !== (req.resource.metadata.namespace ?? '')
  )
    return false;
  const match = obj(rule.match);
  let matched: boolean;
  if (filters(match.any).length > 0)
    matched = filters(match.any).some(f => matchFilter(f, req));
  else if (filters(match.all).length > 0)
    matched = filters(match.all).every(f => matchFilter(f, req));
  else matched = matchFilter(match, req);
  if (!matched) return false;
  if (!isPlainObject(rule.exclude)) return true;
  const exclude = rule.exclude;
  if (filters(exclude.any).length > 0)
    return !filters(exclude.any).some(f => excludeFilter(f, req));
  if (filters(exclude.all).length > 0)
    return !filters(exclude.all).every(f => excludeFilter(f, req));
  return !excludeFilter(exclude, req);
}
