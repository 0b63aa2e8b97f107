export type {
  AccessAttributes,
  AccessDecision,
  AccessGrant,
  PolicyRule,
  RbacClusterRole,
  RbacClusterRoleBinding,
  RbacLabelSelector,
  RbacLabelSelectorRequirement,
  RbacObject,
  RbacObjectMeta,
  RbacRole,
  RbacRoleBinding,
  RbacRoleRef,
  RbacSubject,
  RbacUser,
} from './types';
export {
  clusterRoleRules,
  evaluateAccess,
  rbacPolicy,
  rbacUserFor,
  rulesFor,
} from './evaluate';
export type { RbacPolicy, RbacRulesForUser } from './evaluate';
