import { AccessRule, TokenConfig, TokenGrant } from './tokens';

/** What a resource request asks to do, as the authorizer sees it. */
export interface RequestAttributes {
  verb: string;
  apiGroup: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** A namespaced resource requested across all namespaces. */
  allNamespaces?: boolean;
}

/** The grant for an `Authorization: Bearer <token>` header, or undefined (401). */
export function authenticate(
  header: string | undefined,
  tokens: TokenConfig,
): TokenGrant | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  return Object.prototype.hasOwnProperty.call(tokens, match[1])
    ? tokens[match[1]]
    : undefined;
}

const anyOf = (list: string[] | undefined, value: string) =>
  list === undefined || list.includes('*') || list.includes(value);

function ruleMatches(rule: AccessRule, attrs: RequestAttributes): boolean {
  const full = attrs.subresource
    ? `${attrs.resource}/${attrs.subresource}`
    : attrs.resource;
  const resourceOk =
    rule.resources === undefined ||
    rule.resources.includes('*') ||
    rule.resources.includes(full) ||
    rule.resources.includes(attrs.resource);
  // A namespace-limited rule never matches cluster-scoped or all-namespace requests.
  const namespaceOk =
    rule.namespaces === undefined ||
    rule.namespaces.includes('*') ||
    (attrs.namespace !== undefined &&
      rule.namespaces.includes(attrs.namespace));
  return (
    anyOf(rule.verbs, attrs.verb) &&
    anyOf(rule.apiGroups, attrs.apiGroup) &&
    resourceOk &&
    namespaceOk
  );
}

function denyMatches(rule: AccessRule, attrs: RequestAttributes): boolean {
  // A namespace deny also covers listing across all namespaces, which would reveal it.
  if (rule.namespaces && attrs.allNamespaces) {
    return ruleMatches({ ...rule, namespaces: undefined }, attrs);
  }
  return ruleMatches(rule, attrs);
}

export function isAllowed(
  grant: TokenGrant,
  attrs: RequestAttributes,
): boolean {
  if ((grant.deny ?? []).some(r => denyMatches(r, attrs))) return false;
  return grant.allow.some(r => ruleMatches(r, attrs));
}

/** The reason text of a 403, in the RBAC authorizer's words. */
export function forbiddenReason(
  grant: TokenGrant,
  attrs: RequestAttributes,
): string {
  const resource = attrs.subresource
    ? `${attrs.resource}/${attrs.subresource}`
    : attrs.resource;
  const where = attrs.namespace
    ? `in the namespace "${attrs.namespace}"`
    : 'at the cluster scope';
  return `User "${grant.user}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.apiGroup}" ${where}`;
}
