import {
  evaluateAccess,
  RbacPolicy,
  rbacPolicy,
} from '@paved/plugin-paved-common';
import { ApiContext } from '../http/context';

const RBAC_RESOURCES = [
  'roles',
  'rolebindings',
  'clusterroles',
  'clusterrolebindings',
];

const cache = new WeakMap<
  ApiContext,
  { revision: number; policy: RbacPolicy }
>();

/**
 * The RBAC objects stored in the double, indexed for paved-common's
 * evaluator; rebuilt only when the store has changed since the last call.
 */
export function storedRbacPolicy(ctx: ApiContext): RbacPolicy {
  const revision = ctx.store.revision;
  const hit = cache.get(ctx);
  if (hit && hit.revision === revision) return hit.policy;
  const objects = RBAC_RESOURCES.flatMap(resource => {
    const rt = ctx.registry.find('rbac.authorization.k8s.io', 'v1', resource);
    return rt ? ctx.store.list(rt, { readOnly: true }).items : [];
  });
  const policy = rbacPolicy(objects);
  cache.set(ctx, { revision, policy });
  return policy;
}

export { evaluateAccess };
