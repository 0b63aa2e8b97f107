import type { PolicyRule } from '@paved/plugin-paved-common';
import { RequestAttributes } from '../auth/authorize';
import { ApiError } from '../http/status';
import { KubeObject } from '../types';

/**
 * RBAC's escalation prevention, as the API server's RBAC storage applies it
 * to every create and update of a Role, ClusterRole or binding: nobody may
 * grant what they do not hold. A Role or ClusterRole is written only by
 * someone who holds each of its rules (in the Role's namespace, or across
 * the cluster for a ClusterRole) or may `escalate` it; a binding only by
 * someone who may `bind` the role it names, or holds every rule of that
 * role where the binding applies.
 *
 * As upstream, `escalate` and `bind` are asked with the request's own name:
 * a create (POST) carries none, so `resourceNames` cannot allow `escalate`
 * there, while `bind` is asked with the role's name and can.
 */

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Asks the double's authorizer chain (token rules, then RBAC). */
export type Can = (attrs: RequestAttributes) => boolean;

/** The rules of a stored Role (by namespace) or ClusterRole; undefined when absent. */
export type RoleRules = (
  kind: 'Role' | 'ClusterRole',
  name: string,
  namespace?: string,
) => PolicyRule[] | undefined;

/** One rule broken into the single requests it allows, as RBAC's `Covers` does. */
function requestsOf(
  rule: PolicyRule,
  namespace: string | undefined,
): RequestAttributes[] {
  const out: RequestAttributes[] = [];
  for (const verb of rule.verbs ?? []) {
    for (const path of rule.nonResourceURLs ?? [])
      out.push({ verb, path, apiGroup: '', resource: '' });
    for (const apiGroup of rule.apiGroups ?? []) {
      for (const full of rule.resources ?? []) {
        const [resource, subresource] = full.split('/');
        const names = rule.resourceNames?.length
          ? rule.resourceNames
          : [undefined];
        for (const name of names) {
          out.push({ verb, apiGroup, resource, subresource, namespace, name });
        }
      }
    }
  }
  return out;
}

const describe = (r: RequestAttributes) =>
  r.path !== undefined
    ? `{NonResourceURLs:["${r.path}"], Verbs:["${r.verb}"]}`
    : `{APIGroups:["${r.apiGroup}"], Resources:["${
        r.subresource ? `${r.resource}/${r.subresource}` : r.resource
      }"]${r.name ? `, ResourceNames:["${r.name}"]` : ''}, Verbs:["${
        r.verb
      }"]}`;

/** The rules the requester would grant but does not hold, as upstream prints them. */
function notHeld(
  can: Can,
  rules: PolicyRule[],
  namespace: string | undefined,
): string[] {
  const missing = rules
    .flatMap(r => requestsOf(r, namespace))
    .filter(r => !can(r))
    .map(describe);
  return [...new Set(missing)];
}

function refuse(
  object: KubeObject,
  plural: string,
  user: { username: string; groups: string[] },
  detail: string,
): never {
  const name = object.metadata.name ?? '';
  throw new ApiError(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `${plural}.${RBAC_GROUP} "${name}" is forbidden: user "${
        user.username
      }" (groups=${JSON.stringify(user.groups)}) ${detail}`,
      reason: 'Forbidden',
      details: { name, group: RBAC_GROUP, kind: plural },
      code: 403,
    },
    'rbac-escalation',
  );
}

/**
 * Throws a 403 when writing `object` (of RBAC resource `plural`) would grant
 * its writer more than it holds; does nothing for other resources.
 */
export function confirmNoEscalation(args: {
  plural: string;
  group: string;
  object: KubeObject;
  /** The request's own name: absent for a create. */
  requestName?: string;
  user: { username: string; groups: string[] };
  can: Can;
  rulesOf: RoleRules;
}): void {
  const { plural, group, object, requestName, user, can, rulesOf } = args;
  if (group !== RBAC_GROUP) return;
  const namespace = object.metadata.namespace;
  if (plural === 'roles' || plural === 'clusterroles') {
    const scope = plural === 'roles' ? namespace : undefined;
    if (
      can({
        verb: 'escalate',
        apiGroup: RBAC_GROUP,
        resource: plural,
        namespace: scope,
        name: requestName,
      })
    )
      return;
    // An aggregated ClusterRole's rules are the aggregation controller's.
    if (plural === 'clusterroles' && (object as any).aggregationRule) return;
    const missing = notHeld(
      can,
      ((object as any).rules ?? []) as PolicyRule[],
      scope,
    );
    if (missing.length)
      refuse(
        object,
        plural,
        user,
        `is attempting to grant RBAC permissions not currently held:\n${missing.join(
          '\n',
        )}`,
      );
    return;
  }
  if (plural !== 'rolebindings' && plural !== 'clusterrolebindings') return;
  const roleRef = (object as any).roleRef ?? {};
  const kind: 'Role' | 'ClusterRole' =
    roleRef.kind === 'Role' ? 'Role' : 'ClusterRole';
  const scope = plural === 'rolebindings' ? namespace : undefined;
  if (
    can({
      verb: 'bind',
      apiGroup: RBAC_GROUP,
      resource: kind === 'Role' ? 'roles' : 'clusterroles',
      namespace: kind === 'Role' ? namespace : scope,
      name: roleRef.name,
    })
  )
    return;
  const rules = rulesOf(
    kind,
    roleRef.name,
    kind === 'Role' ? namespace : undefined,
  );
  if (!rules)
    refuse(
      object,
      plural,
      user,
      `may not bind ${kind.toLowerCase()} "${
        roleRef.name
      }", which does not exist, without the bind permission`,
    );
  const held = notHeld(can, rules, scope);
  if (held.length)
    refuse(
      object,
      plural,
      user,
      `is attempting to grant RBAC permissions not currently held:\n${held.join(
        '\n',
      )}`,
    );
}
