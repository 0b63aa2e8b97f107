import {
  AccessAttributes,
  AccessDecision,
  AccessGrant,
  RbacClusterRole,
  RbacClusterRoleBinding,
  RbacLabelSelector,
  PolicyRule,
  RbacObject,
  RbacRole,
  RbacRoleBinding,
  RbacSubject,
  RbacUser,
} from './types';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const SA_PREFIX = 'system:serviceaccount:';

/** RBAC objects indexed the way the authorizer walks them. */
export interface RbacPolicy {
  readonly roles: ReadonlyMap<string, RbacRole>;
  readonly clusterRoles: ReadonlyMap<string, RbacClusterRole>;
  readonly roleBindings: ReadonlyMap<string, readonly RbacRoleBinding[]>;
  readonly clusterRoleBindings: readonly RbacClusterRoleBinding[];
}

const roleKey = (namespace: string, name: string) => `${namespace}/${name}`;

function isRbacObject(o: unknown): o is RbacObject {
  if (!o || typeof o !== 'object') return false;
  const { apiVersion, kind, metadata } = o as Record<string, any>;
  if (
    apiVersion !== undefined &&
    !String(apiVersion).startsWith(`${RBAC_GROUP}/`)
  )
    return false;
  return (
    ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(
      kind,
    ) && typeof metadata?.name === 'string'
  );
}

/**
 * Indexes RBAC objects for {@link evaluateAccess}. Anything that is not a
 * Role, ClusterRole, RoleBinding or ClusterRoleBinding is ignored, so a whole
 * rendered manifest set or a store dump can be passed as is. Namespaced
 * objects without a namespace are ignored too: the API server would not have
 * them.
 */
export function rbacPolicy(objects: Iterable<unknown>): RbacPolicy {
  const roles = new Map<string, RbacRole>();
  const clusterRoles = new Map<string, RbacClusterRole>();
  const roleBindings = new Map<string, RbacRoleBinding[]>();
  const clusterRoleBindings: RbacClusterRoleBinding[] = [];
  for (const o of objects) {
    if (!isRbacObject(o)) continue;
    const ns = o.metadata.namespace;
    switch (o.kind) {
      case 'Role':
        if (ns) roles.set(roleKey(ns, o.metadata.name), o);
        break;
      case 'ClusterRole':
        clusterRoles.set(o.metadata.name, o);
        break;
      case 'RoleBinding':
        if (ns) roleBindings.set(ns, [...(roleBindings.get(ns) ?? []), o]);
        break;
      case 'ClusterRoleBinding':
        clusterRoleBindings.push(o);
        break;
      default:
        break;
    }
  }
  return { roles, clusterRoles, roleBindings, clusterRoleBindings };
}

/** Whether a label set matches a selector; an empty selector matches everything. */
export function rbacSelectorMatches(
  selector: RbacLabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(l, k);
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (!has(k) || l[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has(e.key) || !values.includes(l[e.key])) return false;
        break;
      case 'NotIn':
        if (has(e.key) && values.includes(l[e.key])) return false;
        break;
      case 'Exists':
        if (!has(e.key)) return false;
        break;
      case 'DoesNotExist':
        if (has(e.key)) return false;
        break;
      default:
        // An operator the API server would have refused matches nothing.
        return false;
    }
  }
  return true;
}

/**
 * The rules a ClusterRole grants. For an aggregated role (one with
 * `aggregationRule.clusterRoleSelectors`) that is the union of the rules of
 * every other ClusterRole whose labels match a selector, followed through
 * further aggregated roles, as the aggregation controller would write them.
 * The role's own rules are kept too: a stored object may already carry what
 * the controller wrote.
 */
export function clusterRoleRules(
  policy: RbacPolicy,
  name: string,
  seen: Set<string> = new Set(),
): PolicyRule[] {
  const role = policy.clusterRoles.get(name);
  if (!role || seen.has(name)) return [];
  seen.add(name);
  const own = role.rules ?? [];
  const selectors = role.aggregationRule?.clusterRoleSelectors ?? [];
  if (selectors.length === 0) return [...own];
  const aggregated: PolicyRule[] = [];
  for (const other of policy.clusterRoles.values()) {
    if (other.metadata.name === name) continue;
    if (selectors.some(s => rbacSelectorMatches(s, other.metadata.labels))) {
      aggregated.push(...clusterRoleRules(policy, other.metadata.name, seen));
    }
  }
  return [...own, ...aggregated];
}

const anyOrIncludes = (list: string[] | undefined, value: string) =>
  (list ?? []).some(v => v === '*' || v === value);

function resourceMatches(
  rule: PolicyRule,
  resource: string,
  subresource: string | undefined,
): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some(
    r =>
      r === '*' ||
      r === combined ||
      // `*/scale` matches the scale subresource of every resource.
      (subresource !== undefined && r === `*/${subresource}`),
  );
}

function nonResourceUrlMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some(
    u =>
      u === '*' ||
      u === path ||
      (u.endsWith('*') && path.startsWith(u.slice(0, -1))),
  );
}

/** Whether one rule allows the request, exactly as RBAC's RuleAllows decides. */
export function ruleAllows(rule: PolicyRule, attrs: AccessAttributes): boolean {
  if (!anyOrIncludes(rule.verbs, attrs.verb)) return false;
  if (attrs.path !== undefined && attrs.resource === undefined) {
    return nonResourceUrlMatches(rule, attrs.path);
  }
  if (!anyOrIncludes(rule.apiGroups, attrs.group ?? '')) return false;
  if (
    !resourceMatches(rule, attrs.resource ?? '', attrs.subresource || undefined)
  )
    return false;
  const names = rule.resourceNames ?? [];
  return (
    names.length === 0 ||
    (attrs.name !== undefined && names.includes(attrs.name))
  );
}

/** Whether a binding's subject names the user. */
export function subjectAppliesTo(
  subject: RbacSubject,
  user: RbacUser,
  bindingNamespace?: string,
): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === user.username;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subject.namespace || bindingNamespace;
      return !!ns && user.username === `${SA_PREFIX}${ns}:${subject.name}`;
    }
    default:
      return false;
  }
}

/**
 * The user the API server authenticates for a subject: a service account's
 * username and groups, or a user with its groups plus
 * `system:authenticated`. A Group subject becomes a nameless member of just
 * that group, for questions such as "what may members of acme-admins do".
 */
export function rbacUserFor(
  subject:
    | { kind: 'ServiceAccount'; name: string; namespace: string }
    | { kind: 'User'; name: string; groups?: string[] }
    | { kind: 'Group'; name: string },
): RbacUser {
  switch (subject.kind) {
    case 'ServiceAccount':
      return {
        username: `${SA_PREFIX}${subject.namespace}:${subject.name}`,
        groups: [
          'system:serviceaccounts',
          `system:serviceaccounts:${subject.namespace}`,
          'system:authenticated',
        ],
      };
    case 'User': {
      const groups = [...(subject.groups ?? [])];
      const anonymous = subject.name === 'system:anonymous';
      const implied = anonymous
        ? 'system:unauthenticated'
        : 'system:authenticated';
      if (!groups.includes(implied)) groups.push(implied);
      return { username: subject.name, groups };
    }
    default:
      return { username: '', groups: [subject.name] };
  }
}

/** `Kind "name"`, as the RBAC authorizer phrases a subject (`"name/namespace"` for a service account). */
function describeSubject(s: RbacSubject, bindingNamespace?: string): string {
  if (s.kind === 'ServiceAccount') {
    return `ServiceAccount "${s.name}/${s.namespace || bindingNamespace}"`;
  }
  return `${s.kind} "${s.name}"`;
}

function describeRequest(attrs: AccessAttributes): string {
  if (attrs.path !== undefined && attrs.resource === undefined) {
    return `${attrs.verb} path "${attrs.path}"`;
  }
  const resource = attrs.subresource
    ? `${attrs.resource}/${attrs.subresource}`
    : attrs.resource;
  const named = attrs.name ? ` named "${attrs.name}"` : '';
  const where = attrs.namespace
    ? `in the namespace "${attrs.namespace}"`
    : 'at the cluster scope';
  return `${attrs.verb} resource "${resource}"${named} in API group "${
    attrs.group ?? ''
  }" ${where}`;
}

/**
 * The Kubernetes RBAC authorizer as a pure function: may `user` do `attrs`?
 * ClusterRoleBindings are visited first, then (for a namespaced request) the
 * RoleBindings of that namespace, which may refer to a Role of the same
 * namespace or to a ClusterRole. The first rule that allows wins; RBAC has
 * no deny rules. A binding to a missing role is skipped and reported in
 * `errors`, as the API server's `evaluationError` does.
 */
export function evaluateAccess(
  policy: RbacPolicy,
  user: RbacUser,
  attrs: AccessAttributes,
): AccessDecision {
  const errors: string[] = [];
  const namespace = attrs.namespace || undefined;

  const rolesRules = (
    ref: { kind: string; name: string },
    bindingNamespace?: string,
  ): { rules: PolicyRule[]; role: AccessGrant['role'] } | undefined => {
    if (ref.kind === 'ClusterRole') {
      if (!policy.clusterRoles.has(ref.name)) {
        errors.push(
          `clusterrole.rbac.authorization.k8s.io "${ref.name}" not found`,
        );
        return undefined;
      }
      return {
        rules: clusterRoleRules(policy, ref.name),
        role: { kind: 'ClusterRole', name: ref.name },
      };
    }
    if (ref.kind === 'Role' && bindingNamespace) {
      const role = policy.roles.get(roleKey(bindingNamespace, ref.name));
      if (!role) {
        errors.push(`role.rbac.authorization.k8s.io "${ref.name}" not found`);
        return undefined;
      }
      return {
        rules: role.rules ?? [],
        role: { kind: 'Role', name: ref.name, namespace: bindingNamespace },
      };
    }
    errors.push(`roleRef kind "${ref.kind}" cannot be bound here`);
    return undefined;
  };

  const visit = (
    binding: RbacRoleBinding | RbacClusterRoleBinding,
    bindingNamespace?: string,
  ): AccessGrant | undefined => {
    const subject = (binding.subjects ?? []).find(s =>
      subjectAppliesTo(s, user, bindingNamespace),
    );
    if (!subject) return undefined;
    const found = rolesRules(binding.roleRef, bindingNamespace);
    const rule = found?.rules.find(r => ruleAllows(r, attrs));
    if (!found || !rule) return undefined;
    return {
      binding: {
        kind: binding.kind,
        name: binding.metadata.name,
        ...(bindingNamespace ? { namespace: bindingNamespace } : {}),
      },
      role: found.role,
      subject,
      rule,
    };
  };

  let grant: AccessGrant | undefined;
  for (const crb of policy.clusterRoleBindings) {
    grant = visit(crb);
    if (grant) break;
  }
  if (!grant && namespace) {
    for (const rb of policy.roleBindings.get(namespace) ?? []) {
      grant = visit(rb, namespace);
      if (grant) break;
    }
  }
  if (grant) {
    const where =
      grant.binding.kind === 'RoleBinding'
        ? `RoleBinding "${grant.binding.name}/${grant.binding.namespace}"`
        : `ClusterRoleBinding "${grant.binding.name}"`;
    return {
      allowed: true,
      reason: `RBAC: allowed by ${where} of ${grant.role.kind} "${
        grant.role.name
      }" to ${describeSubject(grant.subject, grant.binding.namespace)}`,
      grant,
      errors,
    };
  }
  const who = user.username
    ? `User "${user.username}"`
    : `Groups ${JSON.stringify(user.groups)}`;
  return {
    allowed: false,
    reason: `RBAC: ${who} cannot ${describeRequest(
      attrs,
    )}: no RoleBinding or ClusterRoleBinding grants it`,
    errors,
  };
}

/** Shorthand: {@link evaluateAccess}'s verdict alone. */
export function canAccess(
  policy: RbacPolicy,
  user: RbacUser,
  attrs: AccessAttributes,
): boolean {
  return evaluateAccess(policy, user, attrs).allowed;
}

/** What {@link rulesFor} finds: the rules that apply, and bindings it could not follow. */
export interface RbacRulesForUser {
  rules: PolicyRule[];
  errors: string[];
}

/**
 * Every rule that applies to a user in a namespace (or at the cluster scope
 * when none is given): the rules of ClusterRoleBindings and of the
 * namespace's RoleBindings naming the user, deduplicated. This is what a
 * SelfSubjectRulesReview (`kubectl auth can-i --list`) reports.
 */
export function rulesFor(
  policy: RbacPolicy,
  user: RbacUser,
  namespace?: string,
): RbacRulesForUser {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (list: PolicyRule[]) => {
    for (const r of list) {
      const key = JSON.stringify(r);
      if (!seen.has(key)) {
        seen.add(key);
        rules.push(r);
      }
    }
  };
  for (const crb of policy.clusterRoleBindings) {
    if (!(crb.subjects ?? []).some(s => subjectAppliesTo(s, user))) continue;
    if (!policy.clusterRoles.has(crb.roleRef.name)) {
      errors.push(
        `clusterrole.rbac.authorization.k8s.io "${crb.roleRef.name}" not found`,
      );
      continue;
    }
    add(clusterRoleRules(policy, crb.roleRef.name));
  }
  for (const rb of (namespace && policy.roleBindings.get(namespace)) || []) {
    if (!(rb.subjects ?? []).some(s => subjectAppliesTo(s, user, namespace)))
      continue;
    if (rb.roleRef.kind === 'ClusterRole') {
      if (policy.clusterRoles.has(rb.roleRef.name)) {
        add(clusterRoleRules(policy, rb.roleRef.name));
      } else {
        errors.push(
          `clusterrole.rbac.authorization.k8s.io "${rb.roleRef.name}" not found`,
        );
      }
      continue;
    }
    const role = policy.roles.get(roleKey(namespace!, rb.roleRef.name));
    if (role) add(role.rules ?? []);
    else
      errors.push(
        `role.rbac.authorization.k8s.io "${rb.roleRef.name}" not found`,
      );
  }
  return { rules, errors };
}

/**
 * Every binding subject allowed a request, with the binding, role and rule
 * that allow it: the "who can" question, asked of RBAC objects alone. A
 * Group subject stands for all its members; `system:authenticated` for
 * everyone signed in.
 */
export function subjectsWhoCan(
  policy: RbacPolicy,
  attrs: AccessAttributes,
): AccessGrant[] {
  const grants: AccessGrant[] = [];
  const namespace = attrs.namespace || undefined;
  const visit = (
    binding: RbacRoleBinding | RbacClusterRoleBinding,
    bindingNamespace?: string,
  ) => {
    const { kind, name } = binding.roleRef;
    let rules: PolicyRule[] | undefined;
    let role: AccessGrant['role'] | undefined;
    if (kind === 'ClusterRole' && policy.clusterRoles.has(name)) {
      rules = clusterRoleRules(policy, name);
      role = { kind: 'ClusterRole', name };
    } else if (kind === 'Role' && bindingNamespace) {
      rules =
        policy.roles.get(roleKey(bindingNamespace, name))?.rules ?? undefined;
      role = { kind: 'Role', name, namespace: bindingNamespace };
    }
    const rule = rules?.find(r => ruleAllows(r, attrs));
    if (!rule || !role) return;
    for (const subject of binding.subjects ?? []) {
      grants.push({
        binding: {
          kind: binding.kind,
          name: binding.metadata.name,
          ...(bindingNamespace ? { namespace: bindingNamespace } : {}),
        },
        role,
        subject:
          subject.kind === 'ServiceAccount' && !subject.namespace
            ? { ...subject, namespace: bindingNamespace }
            : subject,
        rule,
      });
    }
  };
  for (const crb of policy.clusterRoleBindings) visit(crb);
  if (namespace) {
    for (const rb of policy.roleBindings.get(namespace) ?? [])
      visit(rb, namespace);
  }
  return grants;
}
