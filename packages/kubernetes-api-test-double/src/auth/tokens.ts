/**
 * An access rule in the spirit of an RBAC PolicyRule. An omitted list, or one
 * containing '*', matches anything. `resources` may name subresources as
 * `pods/log`; a bare `pods` rule also covers its subresources.
 */
export interface AccessRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  namespaces?: string[];
}

/** Who a bearer token authenticates as and what it may do. */
export interface TokenGrant {
  /** Username shown in 403 messages, e.g. `system:serviceaccount:paved:viewer`. */
  user: string;
  groups?: string[];
  /** Anything not allowed is forbidden. */
  allow: AccessRule[];
  /** Deny rules win over allow rules (RBAC has none; they keep test setups short). */
  deny?: AccessRule[];
}

/** Bearer token → grant. */
export type TokenConfig = Record<string, TokenGrant>;

export const DEFAULT_ADMIN_TOKEN = 'paved-local-admin-token';
export const DEFAULT_VIEWER_TOKEN = 'paved-local-viewer-token';
export const DEFAULT_RESTRICTED_TOKEN = 'paved-local-restricted-token';

const READ = ['get', 'list', 'watch'];

/** For the `anonymous` option: read-only access as system:anonymous, no secrets. */
export const ANONYMOUS_VIEWER: TokenGrant = {
  user: 'system:anonymous',
  groups: ['system:unauthenticated'],
  allow: [{ verbs: READ }],
  deny: [{ apiGroups: [''], resources: ['secrets'] }],
};

export const DEFAULT_TOKENS: TokenConfig = {
  [DEFAULT_ADMIN_TOKEN]: {
    user: 'system:serviceaccount:kube-system:paved-admin',
    groups: ['system:serviceaccounts', 'system:authenticated'],
    allow: [{}],
  },
  [DEFAULT_VIEWER_TOKEN]: {
    user: 'system:serviceaccount:kube-system:paved-viewer',
    groups: ['system:serviceaccounts', 'system:authenticated'],
    allow: [{ verbs: READ }],
    deny: [{ apiGroups: [''], resources: ['secrets'] }],
  },
  [DEFAULT_RESTRICTED_TOKEN]: {
    user: 'system:serviceaccount:kube-system:paved-restricted',
    groups: ['system:serviceaccounts', 'system:authenticated'],
    allow: [{ verbs: READ }],
    deny: [
      { apiGroups: [''], resources: ['secrets'] },
      { namespaces: ['payments'] },
    ],
  },
};
