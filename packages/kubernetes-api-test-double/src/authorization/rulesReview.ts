import { PolicyRule, rulesFor } from '@paved/plugin-paved-common';
import { Identity } from '../auth/authorize';
import { AccessRule } from '../auth/tokens';
import { ApiContext } from '../http/context';
import { storedRbacPolicy } from './rbac';

/** `SelfSubjectRulesReview.status`. */
export interface RulesReviewStatus {
  resourceRules: {
    verbs: string[];
    apiGroups?: string[];
    resources?: string[];
    resourceNames?: string[];
  }[];
  nonResourceRules: { verbs: string[]; nonResourceURLs?: string[] }[];
  incomplete: boolean;
  evaluationError?: string;
}

const unrestricted = (r: AccessRule) =>
  [r.verbs, r.apiGroups, r.resources, r.namespaces].every(
    l => l === undefined || l.includes('*'),
  );

/** A token allow rule as an RBAC rule, if it applies in the namespace. */
function tokenRule(r: AccessRule, namespace: string): PolicyRule | undefined {
  if (r.namespaces && !r.namespaces.includes('*')) {
    if (!namespace || !r.namespaces.includes(namespace)) return undefined;
  }
  return {
    verbs: r.verbs ?? ['*'],
    apiGroups: r.apiGroups ?? ['*'],
    resources: r.resources ?? ['*'],
  };
}

/**
 * What `kubectl auth can-i --list` shows: the rules that apply to the
 * caller in a namespace. The token's allow rules are listed as RBAC rules;
 * its deny rules cannot be, so a token with any makes the answer
 * `incomplete`, as the API server says of authorizers that cannot list.
 */
export function rulesReview(
  ctx: ApiContext,
  identity: Identity,
  namespace: string,
): RulesReviewStatus {
  const rbac = rulesFor(
    storedRbacPolicy(ctx),
    { username: identity.user, groups: identity.groups },
    namespace || undefined,
  );
  const rules: PolicyRule[] = [];
  const nonResourceRules: RulesReviewStatus['nonResourceRules'] = [];
  const errors = [...rbac.errors];
  let incomplete = rbac.errors.length > 0;
  const grant = identity.grant;
  if (grant) {
    for (const r of grant.allow) {
      const rule = tokenRule(r, namespace);
      if (rule) rules.push(rule);
      if (unrestricted(r))
        nonResourceRules.push({ verbs: ['*'], nonResourceURLs: ['*'] });
    }
    if ((grant.deny ?? []).length) {
      incomplete = true;
      errors.push("the test double's token deny rules cannot be listed");
    }
  }
  for (const r of rbac.rules) {
    if (r.nonResourceURLs?.length) {
      nonResourceRules.push({
        verbs: r.verbs,
        nonResourceURLs: r.nonResourceURLs,
      });
    }
    if (r.resources?.length) rules.push(r);
  }
  // Like the API server: every authenticated user may ask about itself.
  if (identity.user !== 'system:anonymous') {
    rules.push({
      verbs: ['create'],
      apiGroups: ['authorization.k8s.io'],
      resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
    });
  }
  const status: RulesReviewStatus = {
    resourceRules: rules.map(r => ({
      verbs: r.verbs,
      ...(r.apiGroups ? { apiGroups: r.apiGroups } : {}),
      ...(r.resources ? { resources: r.resources } : {}),
      ...(r.resourceNames?.length ? { resourceNames: r.resourceNames } : {}),
    })),
    nonResourceRules,
    incomplete,
  };
  if (errors.length) status.evaluationError = errors.join('; ');
  return status;
}
