import type { RbacPolicy } from '@paved/plugin-paved-common';
import { badRequest, forbidden } from '../http/status';
import {
  authorize,
  forbiddenReason,
  Identity,
  RequestAttributes,
} from './authorize';

const SA_PREFIX = 'system:serviceaccount:';

/** Header values; Node joins repeated headers with ", ". */
const values = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);

/**
 * Applies `Impersonate-User` and `Impersonate-Group` (what `kubectl --as` and
 * `--as-group` send) the way the API server's impersonation filter does: the
 * requester needs `impersonate` on `users` (or on the `serviceaccounts` of a
 * `system:serviceaccount:<ns>:<name>` user) and on each `groups` name, or the
 * request fails with 403. The impersonated user gets the groups named, the
 * service account groups when it is one, and `system:authenticated`; it has
 * no token rules, so only the stored RBAC objects authorise it.
 * Returns the requester unchanged when nothing is impersonated.
 */
export function impersonate(
  headers: Record<string, string | undefined>,
  requester: Identity,
  rbac: () => RbacPolicy,
): Identity {
  const user = headers['impersonate-user']?.trim();
  const groups = values(headers['impersonate-group']);
  const extras = Object.keys(headers).some(h =>
    h.startsWith('impersonate-extra-'),
  );
  if (!user) {
    if (groups.length || extras || headers['impersonate-uid']) {
      throw badRequest(
        'requested impersonation of groups, extra or uid without impersonating a user',
      );
    }
    return requester;
  }

  const check = (attrs: RequestAttributes) => {
    if (!authorize(requester, attrs, rbac).allowed) {
      throw forbidden(
        { group: attrs.apiGroup, plural: attrs.resource },
        attrs.name,
        forbiddenReason({ user: requester.user }, attrs),
      );
    }
  };
  const sa = user.startsWith(SA_PREFIX)
    ? user.slice(SA_PREFIX.length).split(':')
    : undefined;
  if (sa && sa.length === 2 && sa[0] && sa[1]) {
    check({
      verb: 'impersonate',
      apiGroup: '',
      resource: 'serviceaccounts',
      namespace: sa[0],
      name: sa[1],
    });
  } else {
    check({ verb: 'impersonate', apiGroup: '', resource: 'users', name: user });
  }
  for (const group of groups) {
    check({
      verb: 'impersonate',
      apiGroup: '',
      resource: 'groups',
      name: group,
    });
  }

  const all = [...groups];
  if (sa && sa.length === 2) {
    all.push('system:serviceaccounts', `system:serviceaccounts:${sa[0]}`);
  }
  const implied =
    user === 'system:anonymous'
      ? 'system:unauthenticated'
      : 'system:authenticated';
  if (!all.includes(implied)) all.push(implied);
  return { user, groups: [...new Set(all)] };
}
