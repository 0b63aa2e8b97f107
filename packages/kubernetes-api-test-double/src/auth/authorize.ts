import { evaluateAccess, RbacPolicy } from '@paved/plugin-paved-common';
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
  /** A non-resource URL (`/healthz`); then only `verb` matters besides it. */
  path?: string;
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

/**
 * Who a request acts as: the token's own user (with its grant), or the user
 * it impersonates (no grant: only the stored RBAC objects apply).
 */
export interface Identity {
  user: string;
  groups: string[];
  /** The token's rules; absent for impersonated and RBAC-only users. */
  grant?: TokenGrant;
}

/** The identity a token (or the anonymous grant) authenticates as. */
export function identityOf(grant: TokenGrant): Identity {
  const groups = [...(grant.groups ?? [])];
  const implied =
    grant.user === 'system:anonymous'
      ? 'system:unauthenticated'
      : 'system:authenticated';
  if (!groups.includes(implied)) groups.push(implied);
  return { user: grant.user, groups, grant };
}

/** An authorizer's verdict, in the shape of SubjectAccessReviewStatus. */
export interface AuthorizationDecision {
  allowed: boolean;
  /** True only when an authorizer denied outright (the token's deny rules). */
  denied?: boolean;
  reason: string;
  evaluationError?: string;
}

/**
 * The double's authorizer chain, like an API server's `--authorization-mode`
 * list: first the token's own rules (a deny there is final, as a webhook's
 * would be; an allow is final too), then RBAC over the Roles, ClusterRoles
 * and bindings stored in the double, through paved-common's evaluator.
 */
export function authorize(
  identity: Identity,
  attrs: RequestAttributes,
  rbac: () => RbacPolicy,
): AuthorizationDecision {
  const grant = identity.grant;
  if (grant && attrs.path !== undefined) {
    // Token rules describe resources; one that restricts nothing reaches
    // every path as well, as cluster-admin's `nonResourceURLs: ['*']` does.
    const unrestricted = (r: AccessRule) =>
      [r.verbs, r.apiGroups, r.resources, r.namespaces].every(
        l => l === undefined || l.includes('*'),
      );
    if (!(grant.deny ?? []).length && grant.allow.some(unrestricted)) {
      return {
        allowed: true,
        reason: `allowed by the test double's token rules for "${grant.user}"`,
      };
    }
  } else if (grant) {
    if ((grant.deny ?? []).some(r => denyMatches(r, attrs))) {
      return {
        allowed: false,
        denied: true,
        reason: `denied by the test double's token rules for "${grant.user}"`,
      };
    }
    if (grant.allow.some(r => ruleMatches(r, attrs))) {
      return {
        allowed: true,
        reason: `allowed by the test double's token rules for "${grant.user}"`,
      };
    }
  }
  const d = evaluateAccess(
    rbac(),
    { username: identity.user, groups: identity.groups },
    attrs.path !== undefined
      ? { verb: attrs.verb, path: attrs.path }
      : {
          verb: attrs.verb,
          group: attrs.apiGroup,
          resource: attrs.resource,
          subresource: attrs.subresource,
          name: attrs.name,
          namespace: attrs.namespace,
        },
  );
  return {
    allowed: d.allowed,
    // RBAC has no opinion on what it does not allow, and the API server
    // leaves `reason` empty then (kubectl auth can-i prints a bare "no").
    reason: d.allowed ? d.reason : '',
    ...(d.errors.length ? { evaluationError: d.errors.join('; ') } : {}),
  };
}

/** The reason text of a 403, in the RBAC authorizer's words. */
export function forbiddenReason(
  grant: Pick<TokenGrant, 'user'>,
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
